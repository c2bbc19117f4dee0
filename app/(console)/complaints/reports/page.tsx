import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { ValidationError } from "@/lib/errors";
import { canHandleComplaints } from "@/lib/auth/policy";
import { complaintReport } from "@/lib/complaints/reports";
import { pickParams, type SearchParams } from "../../admin/_components/search-params";
import s from "../_components/complaints.module.css";
import { ComplaintsNav } from "../_components/complaints-nav";
import { hoursOf } from "../_components/format";
import { BacklogChart, RootCauseChart, TrendChart } from "./_components/report-charts";
import { ReportRange } from "./_components/report-range";
import { ChartFrame } from "@/components/ui/chart-frame";

export async function generateMetadata() {
  return { title: (await getT())("complaints.reports.title") };
}

function Kpi({ label, value, lines, testId }: { label: string; value: string; lines: string[]; testId: string }) {
  return (
    <Paper sx={{ p: 2 }} data-testid={testId}>
      <p className="yb-body2">{label}</p>
      <h3 className={`yb-h3 ${s.figure}`}>{value}</h3>
      {lines.map((l) => (
        <span key={l} className="yb-caption yb-block">
          {l}
        </span>
      ))}
    </Paper>
  );
}

export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireArea("complaints");
  const [t, sp] = await Promise.all([getT(), searchParams]);
  const params = pickParams(sp, ["from", "to", "region"]);
  // A filter that does not parse shows the default report, without the bad filter in the controls.
  const { report: r, region } = await complaintReport(actor, params).then(
    (report) => ({ report, region: params.region }),
    (e: unknown) => {
      if (!(e instanceof ValidationError)) throw e;
      return complaintReport(actor, {}).then((report) => ({ report, region: undefined }));
    },
  );
  const h = (m: number | null) => t("complaints.reports.hoursValue", { v: hoursOf(m) });
  const pairMap = new Map<string, { pair: string; [k: string]: number | string }>();
  for (const p of r.rootCausesByPair) {
    const key = `${p.homeName}→${p.visitName}`;
    const row = pairMap.get(key) ?? { pair: key };
    row[p.rootCause] = ((row[p.rootCause] as number | undefined) ?? 0) + p.count;
    pairMap.set(key, row);
  }
  const pairRows = [...pairMap.values()].slice(0, 12);
  const count = { key: "count", label: t("complaints.reports.count"), align: "right" } as const;
  return (
    <>
      <PageHeader title={t("complaints.reports.title")} subtitle={t("complaints.reports.subtitle", { from: r.from, to: r.to })} actions={<ReportRange from={r.from} to={r.to} region={region} />} />
      <ComplaintsNav current="/complaints/reports" t={t} canCreate={canHandleComplaints(actor)} />
      <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr 1fr", lg: "repeat(4, 1fr)" }, gap: 2, mb: 2 }}>
        <Kpi testId="kpi-first" label={t("complaints.reports.firstResponse")} value={h(r.firstResponse.p50)} lines={[t("complaints.reports.p90", { v: h(r.firstResponse.p90) }), t("complaints.reports.n", { n: r.firstResponse.n }), t("complaints.reports.timeDef")]} />
        <Kpi testId="kpi-resolve" label={t("complaints.reports.resolution")} value={h(r.resolution.p50)} lines={[t("complaints.reports.p90", { v: h(r.resolution.p90) }), t("complaints.reports.n", { n: r.resolution.n }), t("complaints.reports.timeDef")]} />
        <Kpi
          testId="kpi-breach"
          label={t("complaints.reports.breachRate")}
          value={r.breach.rate === null ? t("complaints.reports.none") : `${(r.breach.rate * 100).toFixed(1)}%`}
          lines={[`${r.breach.breached} / ${r.breach.resolved}`, t("complaints.reports.breachDef")]}
        />
        <Kpi testId="kpi-overdue" label={t("complaints.reports.openOverdue")} value={String(r.breach.openOverdue)} lines={[]} />
      </Box>
      <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", lg: "1fr 1fr" }, gap: 2, mb: 2 }}>
        <ChartFrame title={t("complaints.reports.backlog")} table={{ columns: [{ key: "state", label: t("complaints.reports.state") }, count], rows: r.backlog.map((b) => ({ state: t(`complaints.state.${b.state}`), count: b.count })) }}>
          <BacklogChart data={r.backlog} />
        </ChartFrame>
        <ChartFrame
          title={t("complaints.reports.trend")}
          table={{
            columns: [{ key: "week", label: t("complaints.reports.week") }, { key: "created", label: t("complaints.reports.created"), align: "right" }, { key: "resolved", label: t("complaints.reports.resolved"), align: "right" }],
            rows: r.trend,
          }}
        >
          <TrendChart data={r.trend} />
        </ChartFrame>
      </Box>
      <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", lg: "3fr 2fr" }, gap: 2 }}>
        <ChartFrame
          title={t("complaints.reports.byPair")}
          table={{
            columns: [{ key: "pair", label: t("complaints.reports.pair") }, { key: "cause", label: t("complaints.reports.cause") }, count],
            rows: r.rootCausesByPair.map((p) => ({ pair: `${p.homeName} → ${p.visitName}`, cause: t(`complaints.rootCause.${p.rootCause}`), count: p.count })),
          }}
        >
          <RootCauseChart data={pairRows} />
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
              { key: "institution", header: t("complaints.reports.institution"), cell: (i) => i.institutionName ?? i.institutionCode },
              { key: "cause", header: t("complaints.reports.cause"), cell: (i) => t(`complaints.rootCause.${i.rootCause}`) },
              // The header kept on one line (as before); the figures never wrap anyway.
              { key: "count", header: t("complaints.reports.count"), align: "right", nowrap: true, cell: (i) => i.count },
            ]}
          />
        </Paper>
      </Box>
    </>
  );
}
