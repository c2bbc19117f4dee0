"use client";
// Institutions offering each cross-region service, per sub-region (grouped bars).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "@/components/i18n/i18n-provider";

const COLORS: Record<string, string> = {
  INPATIENT: "#1a4f8b",
  OUTPATIENT: "#4f9fd8",
  CHRONIC: "#2e7d32",
  PHARMACY: "#b8860b",
};

export function CoverageChart({
  data,
  services,
}: {
  data: Record<string, string | number>[];
  services: readonly string[];
}) {
  const t = useT();
  return (
    <ResponsiveContainer width="100%" height={300}>
      <BarChart data={data} margin={{ top: 8, right: 16, left: 0, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e3e8ee" />
        <XAxis
          dataKey="name"
          tick={{ fontSize: 12 }}
          interval={0}
          angle={data.length > 8 ? -30 : 0}
          textAnchor={data.length > 8 ? "end" : "middle"}
          height={data.length > 8 ? 60 : 30}
        />
        <YAxis tick={{ fontSize: 12 }} allowDecimals={false} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => services.indexOf(String(item.dataKey))} />
        {services.map((s) => (
          <Bar key={s} dataKey={s} name={t(`rosterUi.serviceShort.${s}`)} fill={COLORS[s]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
