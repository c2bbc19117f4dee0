import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { ValidationError } from "@/lib/errors";
import { canHandleComplaints } from "@/lib/auth/policy";
import { complaintReport } from "@/lib/complaints/reports";
import { pickParams, type SearchParams } from "../../admin/_components/search-params";
import { ComplaintsNav } from "../_components/complaints-nav";
import { hoursOf } from "../_components/format";
import { BacklogChart, RootCauseChart, TrendChart } from "./_components/report-charts";
import { ReportRange } from "./_components/report-range";

export async function generateMetadata() {
  return { title: (await getT())("complaints.reports.title") };
}

function Kpi({ label, value, lines, testId }: { label: string; value: string; lines: string[]; testId: string }) {
  return (
    <Paper sx={{ p: 2 }} data-testid={testId}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h3" sx={{ my: 0.5 }}>
        {value}
      </Typography>
      {lines.map((l) => (
        <Typography key={l} variant="caption" color="text.secondary" sx={{ display: "block" }}>
          {l}
        </Typography>
      ))}
    </Paper>
  );
}

export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireArea("complaints");
  const [t, sp] = await Promise.all([getT(), searchParams]);
  const params = pickParams(sp, ["from", "to"]);
  const r = await complaintReport(actor, params).catch((e: unknown) => {
    if (e instanceof ValidationError) return complaintReport(actor, {});
    throw e;
  });
  const h = (m: number | null) => t("complaints.reports.hoursValue", { v: hoursOf(m) });
  const pairMap = new Map<string, { pair: string; [k: string]: number | string }>();
  for (const p of r.rootCausesByPair) {
    const key = `${p.homeName}→${p.visitName}`;
    const row = pairMap.get(key) ?? { pair: key };
    row[p.rootCause] = ((row[p.rootCause] as number | undefined) ?? 0) + p.count;
    pairMap.set(key, row);
  }
  const pairRows = [...pairMap.values()].slice(0, 12);
  return (
    <>
      <PageHeader title={t("complaints.reports.title")} subtitle={t("complaints.reports.subtitle", { from: r.from, to: r.to })} actions={<ReportRange from={r.from} to={r.to} />} />
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
        <Paper sx={{ p: 2 }}>
          <Typography variant="h4" gutterBottom>
            {t("complaints.reports.backlog")}
          </Typography>
          <BacklogChart data={r.backlog} />
        </Paper>
        <Paper sx={{ p: 2 }}>
          <Typography variant="h4" gutterBottom>
            {t("complaints.reports.trend")}
          </Typography>
          <TrendChart data={r.trend} />
        </Paper>
      </Box>
      <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", lg: "3fr 2fr" }, gap: 2 }}>
        <Paper sx={{ p: 2 }}>
          <Typography variant="h4" gutterBottom>
            {t("complaints.reports.byPair")}
          </Typography>
          <RootCauseChart data={pairRows} />
        </Paper>
        <Paper sx={{ p: 2, overflow: "auto" }}>
          <Typography variant="h4" gutterBottom>
            {t("complaints.reports.byInstitution")}
          </Typography>
          <Table size="small" data-testid="by-institution">
            <TableHead>
              <TableRow>
                <TableCell>{t("complaints.reports.institution")}</TableCell>
                <TableCell>{t("complaints.reports.cause")}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>{t("complaints.reports.count")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {r.rootCausesByInstitution.slice(0, 15).map((i) => (
                <TableRow key={`${i.institutionCode}-${i.rootCause}`}>
                  <TableCell>{i.institutionName ?? i.institutionCode}</TableCell>
                  <TableCell>{t(`complaints.rootCause.${i.rootCause}`)}</TableCell>
                  <TableCell align="right">{i.count}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      </Box>
    </>
  );
}
