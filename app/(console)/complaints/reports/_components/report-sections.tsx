// The complaint report's sections: the KPI cards, the backlog and trend charts, and the root
// causes by region pair and by institution. Server components; the charts are client leaves.
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import { DataTable } from "@/components/ui/data-table";
import { ChartFrame } from "@/components/ui/chart-frame";
import { StatCard } from "@/components/ui/section";
import type { complaintReport } from "@/lib/complaints/reports";
import type { Translate } from "@/lib/i18n";
import s from "../../_components/complaints.module.css";
import { hoursOf } from "../../_components/format";
import { BacklogChart, RootCauseChart, TrendChart } from "./report-charts";

export type Report = Awaited<ReturnType<typeof complaintReport>>;

/** A figure with its definition lines (p90, n, 口径) under it: the kit's StatCard. */
function Kpi({ label, value, lines, testId }: { label: string; value: string; lines: string[]; testId: string }) {
  const note = lines.map((l) => (
    <span key={l} className="yb-block">
      {l}
    </span>
  ));
  return <StatCard testId={testId} label={label} value={value} note={lines.length ? note : undefined} />;
}

export function Kpis({ r, t }: { r: Report; t: Translate }) {
  const h = (m: number | null) => t("complaints.reports.hoursValue", { v: hoursOf(m) });
  const time = (k: "firstResponse" | "resolution") => [
    t("complaints.reports.p90", { v: h(r[k].p90) }),
    t("complaints.reports.n", { n: r[k].n }),
    t("complaints.reports.timeDef"),
  ];
  return (
    <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr 1fr", lg: "repeat(4, 1fr)" }, gap: 2, mb: 2 }}>
      <Kpi
        testId="kpi-first"
        label={t("complaints.reports.firstResponse")}
        value={h(r.firstResponse.p50)}
        lines={time("firstResponse")}
      />
      <Kpi
        testId="kpi-resolve"
        label={t("complaints.reports.resolution")}
        value={h(r.resolution.p50)}
        lines={time("resolution")}
      />
      <Kpi
        testId="kpi-breach"
        label={t("complaints.reports.breachRate")}
        value={r.breach.rate === null ? t("complaints.reports.none") : `${(r.breach.rate * 100).toFixed(1)}%`}
        lines={[`${r.breach.breached} / ${r.breach.resolved}`, t("complaints.reports.breachDef")]}
      />
      <Kpi
        testId="kpi-overdue"
        label={t("complaints.reports.openOverdue")}
        value={String(r.breach.openOverdue)}
        lines={[]}
      />
    </Box>
  );
}

const countColumn = (t: Translate) => ({ key: "count", label: t("complaints.reports.count"), align: "right" }) as const;

/** The open backlog by state and the weekly created / resolved trend, side by side. */
export function BacklogAndTrend({ r, t }: { r: Report; t: Translate }) {
  return (
    <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", lg: "1fr 1fr" }, gap: 2, mb: 2 }}>
      <ChartFrame
        title={t("complaints.reports.backlog")}
        table={{
          columns: [{ key: "state", label: t("complaints.reports.state") }, countColumn(t)],
          rows: r.backlog.map((b) => ({ state: t(`complaints.state.${b.state}`), count: b.count })),
        }}
      >
        <BacklogChart data={r.backlog} />
      </ChartFrame>
      <ChartFrame
        title={t("complaints.reports.trend")}
        table={{
          columns: [
            { key: "week", label: t("complaints.reports.week") },
            { key: "created", label: t("complaints.reports.created"), align: "right" },
            { key: "resolved", label: t("complaints.reports.resolved"), align: "right" },
          ],
          rows: r.trend,
        }}
      >
        <TrendChart data={r.trend} />
      </ChartFrame>
    </Box>
  );
}

/** Root causes stacked per region pair (the first twelve pairs), the chart's rows. */
function pairRows(r: Report): { pair: string; [cause: string]: number | string }[] {
  const byPair = new Map<string, { pair: string; [k: string]: number | string }>();
  for (const p of r.rootCausesByPair) {
    const key = `${p.homeName}→${p.visitName}`;
    const row = byPair.get(key) ?? { pair: key };
    row[p.rootCause] = ((row[p.rootCause] as number | undefined) ?? 0) + p.count;
    byPair.set(key, row);
  }
  return [...byPair.values()].slice(0, 12);
}

/** Root causes by region pair (chart) and by institution (the first fifteen rows). */
export function RootCauses({ r, t }: { r: Report; t: Translate }) {
  return (
    <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", lg: "3fr 2fr" }, gap: 2, alignItems: "start" }}>
      <ChartFrame
        title={t("complaints.reports.byPair")}
        table={{
          columns: [
            { key: "pair", label: t("complaints.reports.pair") },
            { key: "cause", label: t("complaints.reports.cause") },
            countColumn(t),
          ],
          rows: r.rootCausesByPair.map((p) => ({
            pair: `${p.homeName} → ${p.visitName}`,
            cause: t(`complaints.rootCause.${p.rootCause}`),
            count: p.count,
          })),
        }}
      >
        <RootCauseChart data={pairRows(r)} />
      </ChartFrame>
      <Paper sx={{ p: 2, overflow: "auto" }}>
        <h2 className={`yb-h4 ${s.title}`}>{t("complaints.reports.byInstitution")}</h2>
        <DataTable
          label={t("complaints.reports.byInstitution")}
          testId="by-institution"
          hover={false}
          rows={r.rootCausesByInstitution.slice(0, 15)}
          rowKey={(i) => `${i.institutionCode}-${i.rootCause}`}
          columns={[
            {
              key: "institution",
              header: t("complaints.reports.institution"),
              cell: (i) => i.institutionName ?? i.institutionCode,
            },
            {
              key: "cause",
              header: t("complaints.reports.cause"),
              cell: (i) => t(`complaints.rootCause.${i.rootCause}`),
            },
            // The header kept on one line (as before); the figures never wrap anyway.
            {
              key: "count",
              header: t("complaints.reports.count"),
              align: "right",
              nowrap: true,
              cell: (i) => i.count,
            },
          ]}
        />
      </Paper>
    </Box>
  );
}
