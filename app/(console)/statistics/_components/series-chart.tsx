"use client";
// Visits per bucket (bars) with the same bucket last year (line); clicking a bar drills down.
import { useRouter } from "next/navigation";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface SeriesDatum {
  bucket: string;
  current: number;
  lastYear: number;
  href: string;
}

export function SeriesChart({ data, unit, labels }: { data: SeriesDatum[]; unit: string; labels: { current: string; lastYear: string } }) {
  const router = useRouter();
  const go = (i: number | undefined) => {
    const d = i === undefined ? undefined : data[i];
    if (d) router.push(d.href);
  };
  return (
    <div style={{ width: "100%", height: 300 }} data-testid="series-chart">
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} onClick={(s) => go(typeof s?.activeTooltipIndex === "number" ? s.activeTooltipIndex : s?.activeTooltipIndex === undefined ? undefined : Number(s.activeTooltipIndex))}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" tick={{ fontSize: 12 }} />
          <YAxis width={72} tick={{ fontSize: 12 }} label={{ value: unit, angle: -90, position: "insideLeft", fontSize: 12 }} />
          <Tooltip formatter={(v) => `${Number(v).toLocaleString()} ${unit}`} />
          <Legend />
          <Bar dataKey="current" name={labels.current} fill="#1a4f8b" cursor="pointer" isAnimationActive={false} />
          <Line dataKey="lastYear" name={labels.lastYear} stroke="#b8860b" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
