"use client";
import Box from "@mui/material/Box";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "@/components/i18n/i18n-provider";

export function BacklogChart({ data }: { data: { state: string; count: number }[] }) {
  const t = useT();
  const rows = data.map((d) => ({ name: t(`complaints.state.${d.state}`), count: d.count }));
  return (
    <Box sx={{ height: 260 }} data-testid="backlog-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={150} interval={0} />
          <Tooltip />
          <Bar dataKey="count" name={t("complaints.reports.count")} fill="#1a4f8b" />
        </BarChart>
      </ResponsiveContainer>
    </Box>
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
          <Line type="monotone" dataKey="created" name={t("complaints.reports.created")} stroke="#1a4f8b" strokeWidth={2} dot={false} />
          <Line type="monotone" dataKey="resolved" name={t("complaints.reports.resolved")} stroke="#2e7d32" strokeWidth={2} dot={false} />
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
    <Box sx={{ height: Math.max(220, data.length * 34 + 60) }} data-testid="cause-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="pair" width={150} interval={0} />
          <Tooltip />
          <Legend />
          {causes.map((c, i) => (
            <Bar key={c} dataKey={c} stackId="a" name={t(`complaints.rootCause.${c}`)} fill={colors[i % colors.length]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
