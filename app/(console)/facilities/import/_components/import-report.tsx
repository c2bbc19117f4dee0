"use client";
// The roster import's report: its counts (the kit's ReportFigures), the rows with errors (paged
// here, in the browser: the report came whole) and the rows it would add or change.
import { useState, type ReactNode } from "react";
import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import TablePagination from "@mui/material/TablePagination";
import Typography from "@mui/material/Typography";
import { useT } from "@/components/i18n/i18n-provider";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ReportFigures, ReportHeading, type ReportFigure } from "@/components/ui/file-upload";

export interface ImportReportView {
  dryRun: boolean;
  format: "csv" | "xlsx" | null;
  encoding: string | null;
  totalRows: number;
  counts: { new: number; changed: number; unchanged: number; rejected: number };
  errors: {
    row: number;
    code: string | null;
    field: string;
    message: string;
    messageKey?: { key: string; params?: Record<string, string | number> };
  }[];
  errorsTruncated: boolean;
  rows: { row: number; code: string; outcome: "new" | "changed"; fields: string[] }[];
  rowsTruncated: boolean;
  written?: { new: number; changed: number };
  applied: boolean;
  pendingChangeId: string | null;
  elapsedMs: number;
}

type ImportError = ImportReportView["errors"][number];
type ImportRow = ImportReportView["rows"][number];

export function ReportView({ report, footer }: { report: ImportReportView; footer: ReactNode }) {
  const t = useT();
  const figures: ReportFigure[] = [
    { id: "totalRows", value: report.totalRows },
    { id: "new", value: report.counts.new, tone: "success" },
    { id: "changed", value: report.counts.changed, tone: "info" },
    { id: "unchanged", value: report.counts.unchanged, tone: "muted" },
    { id: "rejected", value: report.counts.rejected, tone: report.counts.rejected ? "error" : "muted" },
  ].map((f) => ({ ...f, label: t(`rosterUi.import.${f.id}`) }) as ReportFigure);
  const meta = [
    report.format?.toUpperCase(),
    report.encoding && `${t("rosterUi.import.encoding")} ${report.encoding.toUpperCase()}`,
    t("rosterUi.import.elapsed", { seconds: (report.elapsedMs / 1000).toFixed(1) }),
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <Paper sx={{ p: 2, mb: 2 }} data-testid="import-report">
      <ReportHeading title={t("rosterUi.import.reportTitle")} meta={meta} />
      <ReportFigures figures={figures} testIdPrefix="import-count-" />
      <ReportHeading
        level={3}
        title={t("rosterUi.import.errorsTitle")}
        meta={report.errorsTruncated && t("rosterUi.import.errorsTruncated", { count: report.errors.length })}
      />
      {report.errors.length ? (
        <ErrorsTable errors={report.errors} />
      ) : (
        <Typography variant="body2" color="success.main" sx={{ mb: 1 }}>
          {t("rosterUi.import.noErrors")}
        </Typography>
      )}
      {report.rows.length > 0 && <RowsTable rows={report.rows} />}
      {footer}
    </Paper>
  );
}

function ErrorsTable({ errors }: { errors: ImportError[] }) {
  const t = useT();
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(10);
  const columns: Column<ImportError>[] = [
    { key: "row", header: t("rosterUi.import.row"), cell: (e) => e.row || "—", numeric: true, width: 80 },
    {
      key: "code",
      header: t("rosterUi.import.code"),
      cell: (e) => <code>{e.code ?? "—"}</code>,
      width: 150,
      nowrap: true,
    },
    { key: "field", header: t("rosterUi.import.field"), cell: (e) => <FieldName field={e.field} />, width: 180 },
    {
      key: "message",
      header: t("rosterUi.import.message"),
      cell: (e) => (e.messageKey ? t(e.messageKey.key, e.messageKey.params) : e.message),
      minWidth: 200,
    },
  ];
  return (
    <>
      <DataTable
        columns={columns}
        rows={errors.slice(page * size, page * size + size)}
        rowKey={(e, i) => `${e.row}-${e.field}-${i}`}
        rowProps={(e) => ({ "data-testid": "import-error", "data-row": String(e.row) })}
        label={t("rosterUi.import.errorsTitle")}
        testId="import-errors"
        hover={false}
      />
      <TablePagination
        component="div"
        count={errors.length}
        page={page}
        rowsPerPage={size}
        rowsPerPageOptions={[10, 25, 50]}
        onPageChange={(_, p) => setPage(p)}
        onRowsPerPageChange={(e) => {
          setSize(Number(e.target.value));
          setPage(0);
        }}
      />
    </>
  );
}

function RowsTable({ rows }: { rows: ImportRow[] }) {
  const t = useT();
  const columns: Column<ImportRow>[] = [
    { key: "row", header: t("rosterUi.import.row"), cell: (r) => r.row, numeric: true, width: 80 },
    { key: "code", header: t("rosterUi.import.code"), cell: (r) => <code>{r.code}</code>, width: 150, nowrap: true },
    {
      key: "outcome",
      header: t("rosterUi.import.outcome"),
      cell: (r) => (
        <Chip
          label={t(`rosterUi.import.${r.outcome}`)}
          color={r.outcome === "new" ? "success" : "info"}
          variant="outlined"
        />
      ),
      width: 100,
    },
    {
      key: "fields",
      header: t("rosterUi.import.changedFields"),
      cell: (r) => (r.outcome === "new" ? "—" : r.fields.map((f) => <FieldName key={f} field={f} inline />)),
      minWidth: 200,
    },
  ];
  return (
    <>
      <ReportHeading level={3} title={t("rosterUi.import.changesTitle")} />
      <div style={{ maxHeight: 320, overflowY: "auto" }}>
        <DataTable
          columns={columns}
          rows={rows.slice(0, 200)}
          rowKey={(r) => String(r.row)}
          label={t("rosterUi.import.changesTitle")}
          testId="import-rows"
          hover={false}
        />
      </div>
    </>
  );
}

/** A file column shown with its Chinese / English label. */
function FieldName({ field, inline }: { field: string; inline?: boolean }) {
  const t = useT();
  const key = `facilities.columns.${field}`;
  const label = t(key);
  return (
    <span style={{ marginRight: inline ? 12 : 0, whiteSpace: "nowrap" }}>
      {label === key ? field : label}
      <code className="yb-caption yb-secondary" style={{ marginLeft: 4 }}>
        {field}
      </code>
    </span>
  );
}
