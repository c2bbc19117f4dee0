"use client";
// A ranked horizontal bar chart; clicking a bar follows its drill-down link. The value axis
// carries its unit and round ticks (lib/statistics/units.ts); the tooltip reads
// "结算人次：6 人次" from texts written on the server.
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { tickText } from "@/lib/statistics/units";
import type { ValueAxis } from "./series-chart";

export interface BarDatum {
  label: string;
  value: number;
  text: string;
  href?: string;
}

const COLORS = [
  "#1a4f8b",
  "#2f6aa8",
  "#4f7fb8",
  "#6f97c7",
  "#8fb0d6",
  "#a9c3e0",
  "#bfd2e8",
  "#cfdcee",
  "#dde7f3",
  "#e8eff8",
];

export function BarList({
  data,
  axis,
  name,
  separator,
  testId,
  height,
}: {
  data: BarDatum[];
  axis: ValueAxis;
  name: string;
  separator: string;
  testId: string;
  height?: number;
}) {
  const router = useRouter();
  return (
    <div
      style={{ width: "100%", height: height ?? Math.max(180, data.length * 30 + 60) }}
      data-testid={testId}
      data-unit={axis.unit}
    >
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 20, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            tick={{ fontSize: 12 }}
            ticks={axis.ticks}
            domain={[0, axis.ticks[axis.ticks.length - 1] ?? 1]}
            tickFormatter={(v: number) => tickText(v)}
            label={{ value: axis.unit, position: "insideBottomRight", offset: -16, fontSize: 12 }}
          />
          <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12 }} />
          <Tooltip separator={separator} formatter={(_v, n, item) => [(item.payload as BarDatum).text, n]} />
          <Bar
            dataKey="value"
            name={name}
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
