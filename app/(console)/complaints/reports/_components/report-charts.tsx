"use client";
import type { ReactNode } from "react";
import Box from "@mui/material/Box";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useT } from "@/components/i18n/i18n-provider";

/** Horizontal bars, one row per category (`categoryKey`), counts along the bottom; `children` are the <Bar>s. */
function CategoryBars<R extends object>({
  data,
  categoryKey,
  height,
  testId,
  legend = false,
  children,
}: {
  data: R[];
  categoryKey: string;
  height: number;
  testId: string;
  legend?: boolean;
  children: ReactNode;
}) {
  return (
    <Box sx={{ height }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey={categoryKey} width={150} interval={0} />
          <Tooltip />
          {legend && <Legend />}
          {children}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}

export function BacklogChart({ data }: { data: { state: string; count: number }[] }) {
  const t = useT();
  const rows = data.map((d) => ({ name: t(`complaints.state.${d.state}`), count: d.count }));
  return (
    <CategoryBars data={rows} categoryKey="name" height={260} testId="backlog-chart">
      <Bar dataKey="count" name={t("complaints.reports.count")} fill="#1a4f8b" />
    </CategoryBars>
  );
}

export function TrendChart({ data }: { data: { week: string; created: number; resolved: number }[] }) {
  const t = useT();
  return (
    <Box sx={{ height: 280 }} data-testid="trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ left: 0, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="week" tickFormatter={(w: string) => w.slice(5)} />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip />
          <Legend />
          <Line
            type="monotone"
            dataKey="created"
            name={t("complaints.reports.created")}
            stroke="#1a4f8b"
            strokeWidth={2}
            dot={false}
          />
          <Line
            type="monotone"
            dataKey="resolved"
            name={t("complaints.reports.resolved")}
            stroke="#2e7d32"
            strokeWidth={2}
            dot={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}

export function RootCauseChart({ data }: { data: { pair: string; [cause: string]: number | string }[] }) {
  const t = useT();
  const causes = [...new Set(data.flatMap((d) => Object.keys(d).filter((k) => k !== "pair")))];
  const colors = ["#1a4f8b", "#c62828", "#ef6c00", "#2e7d32", "#6a1b9a", "#607d8b"];
  return (
    <CategoryBars
      data={data}
      categoryKey="pair"
      height={Math.max(220, data.length * 34 + 60)}
      testId="cause-chart"
      legend
    >
      {causes.map((c, i) => (
        <Bar key={c} dataKey={c} stackId="a" name={t(`complaints.rootCause.${c}`)} fill={colors[i % colors.length]} />
      ))}
    </CategoryBars>
  );
}
