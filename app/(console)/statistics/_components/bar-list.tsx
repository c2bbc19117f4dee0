"use client";
// A ranked horizontal bar chart; clicking a bar follows its drill-down link.
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface BarDatum {
  label: string;
  value: number;
  href?: string;
}

const COLORS = ["#1a4f8b", "#2f6aa8", "#4f7fb8", "#6f97c7", "#8fb0d6", "#a9c3e0", "#bfd2e8", "#cfdcee", "#dde7f3", "#e8eff8"];

export function BarList({ data, unit, testId, height }: { data: BarDatum[]; unit: string; testId: string; height?: number }) {
  const router = useRouter();
  return (
    <div style={{ width: "100%", height: height ?? Math.max(160, data.length * 30 + 40) }} data-testid={testId}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => `${Number(v).toLocaleString()} ${unit}`} />
          <Bar
            dataKey="value"
            name={unit}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(_, i) => {
              const href = data[i]?.href;
              if (href) router.push(href);
            }}
          >
            {data.map((d, i) => (
              <Cell key={d.label} fill={COLORS[Math.min(i, COLORS.length - 1)]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
