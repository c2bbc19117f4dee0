// The daily report's cards: the heading with the day picker, the four region-pair tables and the
// downtime windows. Server components (DataTable renders plain markup).
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import { DataTable } from "@/components/ui/data-table";
import type { Translate } from "@/lib/i18n";
import type { DailyReportData, PairCount } from "@/lib/complaints/daily-report";
import { formatDateTime } from "../../../_components/date-time";
import s from "../../_components/complaints.module.css";
import { DailyControls } from "./daily-controls";

/** A card's title with its figure in the primary colour (Typography h4 gutterBottom). */
function Title({ title, figure }: { title: string; figure: number | null }) {
  return (
    <h4 className={`yb-h4 ${s.title}`}>
      {title} {figure !== null && <span className={`yb-h4 ${s.primary}`}>{figure}</span>}
    </h4>
  );
}

/** The title, the bureau and day, when the report was built, and the day picker. */
export function DailyHeading({ data, t, locale }: { data: DailyReportData; t: Translate; locale: string }) {
  return (
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

/** New, overdue, escalated and failed settlements by region pair, two cards a row. */
export function PairTables({ data, t }: { data: DailyReportData; t: Translate }) {
  return (
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
  );
}

/** The downtime windows overlapping the day. */
export function DowntimeCard({ data, t }: { data: DailyReportData; t: Translate }) {
  return (
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
  );
}
