import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import { DataTable } from "@/components/ui/data-table";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import type { Translate } from "@/lib/i18n";
import { ValidationError } from "@/lib/errors";
import { canHandleComplaints } from "@/lib/auth/policy";
import { getDailyReport, type PairCount } from "@/lib/complaints/daily-report";
import { formatDateTime } from "../../_components/date-time";
import { pickParams, type SearchParams } from "../../admin/_components/search-params";
import s from "../_components/complaints.module.css";
import { ComplaintsNav } from "../_components/complaints-nav";
import { DailyControls } from "./_components/daily-controls";

export async function generateMetadata() {
  return { title: (await getT())("complaints.daily.title") };
}

/** A card's title with its figure in the primary colour (Typography h4 gutterBottom). */
function Title({ title, figure }: { title: string; figure: number | null }) {
  return (
    <h4 className={`yb-h4 ${s.title}`}>
      {title} {figure !== null && <span className={`yb-h4 ${s.primary}`}>{figure}</span>}
    </h4>
  );
}

function PairTable({
  title,
  rows,
  total,
  t,
  testId,
  empty,
}: {
  title: string;
  rows: PairCount[] | null;
  total: number | null;
  t: Translate;
  testId: string;
  empty?: string;
}) {
  return (
    <Paper sx={{ p: 2, breakInside: "avoid" }} data-testid={testId}>
      <Title title={title} figure={total} />
      {rows === null ? (
        <p className="yb-body1">{empty}</p>
      ) : rows.length === 0 ? (
        <p className="yb-body1">{t("complaints.daily.none")}</p>
      ) : (
        <DataTable
          label={title}
          hover={false}
          rows={rows}
          rowKey={(r) => `${r.homeRegion}-${r.visitRegion}`}
          columns={[
            { key: "pair", header: t("complaints.daily.pair"), cell: (r) => `${r.homeName} → ${r.visitName}` },
            {
              key: "count",
              header: t("complaints.daily.count"),
              align: "right",
              cell: (r) => r.count.toLocaleString("zh-CN"),
            },
          ]}
        />
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
      <Box
        sx={{
          display: "flex",
          justifyContent: "space-between",
          alignItems: "flex-start",
          flexWrap: "wrap",
          gap: 2,
          mb: 2,
        }}
      >
        <Box>
          <Typography variant="h2" component="h1">
            {t("complaints.daily.title")}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t("complaints.daily.subtitle", {
              bureau: locale === "en" ? data.bureau.nameEn : data.bureau.name,
              day: data.day,
            })}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {t("complaints.daily.generatedAt", { at: formatDateTime(data.generatedAt, { seconds: false }) })}
          </Typography>
        </Box>
        <DailyControls day={data.day} />
      </Box>
      <Box
        sx={{
          display: "grid",
          gridTemplateColumns: { xs: "1fr", md: "1fr 1fr" },
          gap: 2,
          "@media print": { gridTemplateColumns: "1fr 1fr" },
        }}
      >
        <PairTable
          title={t("complaints.daily.new")}
          rows={data.newByPair}
          total={data.totals.new}
          t={t}
          testId="daily-new"
        />
        <PairTable
          title={t("complaints.daily.overdue")}
          rows={data.overdueByPair}
          total={data.totals.overdue}
          t={t}
          testId="daily-overdue"
        />
        <PairTable
          title={t("complaints.daily.escalated")}
          rows={data.escalatedByPair}
          total={data.totals.escalated}
          t={t}
          testId="daily-escalated"
        />
        <PairTable
          title={t("complaints.daily.failures")}
          rows={data.failuresByPair}
          total={data.totals.failures}
          t={t}
          testId="daily-failures"
          empty={t("complaints.daily.failuresUnavailable")}
        />
      </Box>
      <Paper sx={{ p: 2, mt: 2 }} data-testid="daily-downtimes">
        <Title title={t("complaints.daily.downtime")} figure={data.downtimes.length} />
        {data.downtimes.length === 0 ? (
          <p className="yb-body1">{t("complaints.daily.none")}</p>
        ) : (
          <DataTable
            label={t("complaints.daily.downtime")}
            hover={false}
            rows={data.downtimes}
            rowKey={(_, i) => String(i)}
            columns={[
              { key: "region", header: t("complaints.downtime.region"), cell: (w) => w.regionName },
              {
                key: "kind",
                header: t("complaints.downtime.kindLabel"),
                cell: (w) => t(`complaints.downtime.kind.${w.kind}`),
              },
              {
                key: "start",
                header: t("complaints.downtime.start"),
                cell: (w) => formatDateTime(w.startsAt, { seconds: false }),
              },
              {
                key: "end",
                header: t("complaints.downtime.end"),
                cell: (w) => formatDateTime(w.endsAt, { seconds: false }),
              },
              { key: "reason", header: t("complaints.downtime.reason"), cell: (w) => w.reason },
            ]}
          />
        )}
      </Paper>
      <Typography variant="caption" color="text.secondary" sx={{ display: "block", mt: 2 }}>
        {t("complaints.daily.definition")}
      </Typography>
    </Box>
  );
}
