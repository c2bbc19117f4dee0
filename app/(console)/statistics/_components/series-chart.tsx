"use client";
// Visits per bucket (bars) with the same bucket last year (line); clicking a bar drills down.
// The value axis carries its unit and round ticks chosen on the server (lib/statistics/units.ts);
// a bucket without complete data is null, drawn as a gap (no bar, a break in the line), and its
// tooltip says so; tooltip texts are the exact figures, written on the server.
import { useRouter } from "next/navigation";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { tickText } from "@/lib/statistics/units";

export interface SeriesDatum {
  bucket: string;
  current: number | null;
  lastYear: number | null;
  currentText: string;
  lastYearText: string;
  href: string;
}

export interface ValueAxis {
  unit: string;
  ticks: number[];
}

export function SeriesChart({
  data,
  axis,
  labels,
  separator,
}: {
  data: SeriesDatum[];
  axis: ValueAxis;
  labels: { current: string; lastYear: string };
  separator: string;
}) {
  const router = useRouter();
  const go = (i: number | undefined) => {
    const d = i === undefined ? undefined : data[i];
    if (d) router.push(d.href);
  };
  return (
    <div style={{ width: "100%", height: 300 }} data-testid="series-chart" data-unit={axis.unit}>
      <ResponsiveContainer>
        <ComposedChart
          data={data}
          margin={{ top: 24, right: 16, bottom: 0, left: 8 }}
          onClick={(s) =>
            go(
              typeof s?.activeTooltipIndex === "number"
                ? s.activeTooltipIndex
                : s?.activeTooltipIndex === undefined
                  ? undefined
                  : Number(s.activeTooltipIndex),
            )
          }
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" tick={{ fontSize: 12 }} />
          <YAxis
            width={64}
            tick={{ fontSize: 12 }}
            ticks={axis.ticks}
            domain={[0, axis.ticks[axis.ticks.length - 1] ?? 1]}
            allowDecimals
            tickFormatter={(v: number) => tickText(v)}
            label={{ value: axis.unit, position: "top", offset: 12, fontSize: 12 }}
          />
          <Tooltip
            separator={separator}
            formatter={(_v, name, item) => [
              item.dataKey === "lastYear"
                ? (item.payload as SeriesDatum).lastYearText
                : (item.payload as SeriesDatum).currentText,
              name,
            ]}
          />
          <Legend />
          <Bar dataKey="current" name={labels.current} fill="#1a4f8b" cursor="pointer" isAnimationActive={false} />
          <Line
            dataKey="lastYear"
            name={labels.lastYear}
            stroke="#b8860b"
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
