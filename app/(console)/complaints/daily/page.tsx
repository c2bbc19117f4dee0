import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import type { Translate } from "@/lib/i18n";
import { ValidationError } from "@/lib/errors";
import { canHandleComplaints } from "@/lib/auth/policy";
import { getDailyReport, type PairCount } from "@/lib/complaints/daily-report";
import { formatDateTime } from "../../_components/date-time";
import { pickParams, type SearchParams } from "../../admin/_components/search-params";
import { ComplaintsNav } from "../_components/complaints-nav";
import { DailyControls } from "./_components/daily-controls";

export async function generateMetadata() {
  return { title: (await getT())("complaints.daily.title") };
}

function PairTable({ title, rows, total, t, testId, empty }: { title: string; rows: PairCount[] | null; total: number | null; t: Translate; testId: string; empty?: string }) {
  return (
    <Paper sx={{ p: 2, breakInside: "avoid" }} data-testid={testId}>
      <Typography variant="h4" gutterBottom>
        {title} {total !== null && <Typography component="span" variant="h4" color="primary">{total}</Typography>}
      </Typography>
      {rows === null ? (
        <Typography color="text.secondary">{empty}</Typography>
      ) : rows.length === 0 ? (
        <Typography color="text.secondary">{t("complaints.daily.none")}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t("complaints.daily.pair")}</TableCell>
              <TableCell align="right">{t("complaints.daily.count")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={`${r.homeRegion}-${r.visitRegion}`}>
                <TableCell>
                  {r.homeName} → {r.visitName}
                </TableCell>
                <TableCell align="right">{r.count.toLocaleString("zh-CN")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

export default async function DailyReportPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireArea("complaints");
  const [t, locale, sp] = await Promise.all([getT(), getLocale(), searchParams]);
  const params = pickParams(sp, ["day", "regenerate"]);
  const data = await getDailyReport(actor, params).catch((e: unknown) => {
    if (e instanceof ValidationError) return getDailyReport(actor, {});
    throw e;
  });
  return (
    <Box sx={{ "@media print": { "& .MuiPaper-root": { boxShadow: "none", border: "1px solid #ccc" } } }}>
      <ComplaintsNav current="/complaints/daily" t={t} canCreate={canHandleComplaints(actor)} />
      <Box sx={{ display: "flex", justifyContent: "space-between", alignItems: "flex-start", flexWrap: "wrap", gap: 2, mb: 2 }}>
        <Box>
          <Typography variant="h2" component="h1">
            {t("complaints.daily.title")}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t("complaints.daily.subtitle", { bureau: locale === "en" ? data.bureau.nameEn : data.bureau.name, day: data.day })}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {t("complaints.daily.generatedAt", { at: formatDateTime(data.generatedAt, { seconds: false }) })}
          </Typography>
        </Box>
        <DailyControls day={data.day} />
      </Box>
      <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", md: "1fr 1fr" }, gap: 2, "@media print": { gridTemplateColumns: "1fr 1fr" } }}>
        <PairTable title={t("complaints.daily.new")} rows={data.newByPair} total={data.totals.new} t={t} testId="daily-new" />
        <PairTable title={t("complaints.daily.overdue")} rows={data.overdueByPair} total={data.totals.overdue} t={t} testId="daily-overdue" />
        <PairTable title={t("complaints.daily.escalated")} rows={data.escalatedByPair} total={data.totals.escalated} t={t} testId="daily-escalated" />
        <PairTable title={t("complaints.daily.failures")} rows={data.failuresByPair} total={data.totals.failures} t={t} testId="daily-failures" empty={t("complaints.daily.failuresUnavailable")} />
      </Box>
      <Paper sx={{ p: 2, mt: 2 }} data-testid="daily-downtimes">
        <Typography variant="h4" gutterBottom>
          {t("complaints.daily.downtime")} <Typography component="span" variant="h4" color="primary">{data.downtimes.length}</Typography>
        </Typography>
        {data.downtimes.length === 0 ? (
          <Typography color="text.secondary">{t("complaints.daily.none")}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t("complaints.downtime.region")}</TableCell>
                <TableCell>{t("complaints.downtime.kindLabel")}</TableCell>
                <TableCell>{t("complaints.downtime.start")}</TableCell>
                <TableCell>{t("complaints.downtime.end")}</TableCell>
                <TableCell>{t("complaints.downtime.reason")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.downtimes.map((w, i) => (
                <TableRow key={i}>
                  <TableCell>{w.regionName}</TableCell>
                  <TableCell>{t(`complaints.downtime.kind.${w.kind}`)}</TableCell>
                  <TableCell>{formatDateTime(w.startsAt, { seconds: false })}</TableCell>
                  <TableCell>{formatDateTime(w.endsAt, { seconds: false })}</TableCell>
                  <TableCell>{w.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      <Typography variant="caption" color="text.secondary" sx={{ display: "block", mt: 2 }}>
        {t("complaints.daily.definition")}
      </Typography>
    </Box>
  );
}
