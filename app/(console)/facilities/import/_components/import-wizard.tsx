"use client";
// Bulk import in two steps: a dry run, then "apply" of the same file. The file goes as the raw
// body to POST /api/v1/institutions/import through XMLHttpRequest — upload progress from
// xhr.upload, then the server's own progress as NDJSON lines — and the report comes last.
import { useRef, useState } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Grid from "@mui/material/Grid";
import LinearProgress from "@mui/material/LinearProgress";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TablePagination from "@mui/material/TablePagination";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import UploadFileOutlined from "@mui/icons-material/UploadFileOutlined";
import { useT } from "@/components/i18n/i18n-provider";

export interface ImportReportView {
  dryRun: boolean;
  format: "csv" | "xlsx" | null;
  encoding: string | null;
  totalRows: number;
  counts: { new: number; changed: number; unchanged: number; rejected: number };
  errors: { row: number; code: string | null; field: string; message: string; messageKey?: { key: string; params?: Record<string, string | number> } }[];
  errorsTruncated: boolean;
  rows: { row: number; code: string; outcome: "new" | "changed"; fields: string[] }[];
  rowsTruncated: boolean;
  written?: { new: number; changed: number };
  applied: boolean;
  pendingChangeId: string | null;
  elapsedMs: number;
}

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; dryRun: boolean; percent: number }
  | { kind: "processing"; dryRun: boolean; step: string; percent: number }
  | { kind: "failed"; message: string };

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function contentTypeOf(file: File): string {
  if (/\.xlsx$/i.test(file.name)) return XLSX;
  if (/\.csv$/i.test(file.name)) return "text/csv";
  return file.type || "application/octet-stream";
}

export function ImportWizard() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [dry, setDry] = useState<ImportReportView | null>(null);
  const [result, setResult] = useState<ImportReportView | null>(null);

  function run(dryRun: boolean) {
    if (!file) return;
    const xhr = new XMLHttpRequest();
    let seen = 0;
    // Filled by the XHR callbacks (an object, so the closures and the final check share it).
    const out: { report: ImportReportView | null; failure: string | null } = { report: null, failure: null };
    const consume = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n");
      if (end < seen) return;
      for (const line of text.slice(seen, end).split("\n")) {
        if (!line.trim()) continue;
        try {
          const msg = JSON.parse(line) as { type: string; phase?: string; fraction?: number; report?: ImportReportView; error?: { message: string; details?: { message: string }[] } };
          if (msg.type === "progress") setPhase({ kind: "processing", dryRun, step: msg.phase ?? "check", percent: Math.round((msg.fraction ?? 0) * 100) });
          else if (msg.type === "report" && msg.report) out.report = msg.report;
          else if (msg.type === "error") out.failure = [msg.error?.message, ...(msg.error?.details ?? []).map((d) => d.message)].filter(Boolean).join("：");
        } catch {
          // a partial line; the next progress event completes it
        }
      }
      seen = end + 1;
    };
    xhr.open("POST", `/api/v1/institutions/import?dryRun=${dryRun}`);
    xhr.setRequestHeader("content-type", contentTypeOf(file));
    xhr.setRequestHeader("accept", "application/x-ndjson");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPhase({ kind: "uploading", dryRun, percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => setPhase({ kind: "processing", dryRun, step: "read", percent: 0 });
    xhr.onprogress = consume;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        try {
          const body = JSON.parse(xhr.responseText) as { error?: { message: string; details?: { message: string }[] } };
          out.failure = [body.error?.message, ...(body.error?.details ?? []).map((d) => d.message)].filter(Boolean).join("：") || String(xhr.status);
        } catch {
          out.failure = String(xhr.status);
        }
      } else {
        consume();
        const rest = xhr.responseText.slice(seen).trim();
        if (rest) {
          seen = xhr.responseText.length;
          try {
            const msg = JSON.parse(rest) as { type: string; report?: ImportReportView };
            if (msg.type === "report" && msg.report) out.report = msg.report;
          } catch {
            // ignore
          }
        }
      }
      const report = out.report;
      if (report && !out.failure) {
        if (dryRun) {
          setDry(report);
          setResult(null);
        } else setResult(report);
        setPhase({ kind: "idle" });
      } else setPhase({ kind: "failed", message: out.failure ?? t("errors.internal") });
    };
    xhr.onerror = () => setPhase({ kind: "failed", message: t("errors.internal") });
    setPhase({ kind: "uploading", dryRun, percent: 0 });
    xhr.send(file);
  }

  const busy = phase.kind === "uploading" || phase.kind === "processing";
  const applicable = dry ? dry.counts.new + dry.counts.changed : 0;

  return (
    <>
      <Paper sx={{ p: 2, mb: 2 }}>
        <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
          <input
            ref={input}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            data-testid="import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setDry(null);
              setResult(null);
              setPhase({ kind: "idle" });
            }}
          />
          <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => input.current?.click()} disabled={busy}>
            {dry || result ? t("rosterUi.import.again") : t("rosterUi.import.choose")}
          </Button>
          <Typography variant="body2" color={file ? "text.primary" : "text.secondary"} data-testid="import-file-name">
            {file ? `${file.name}（${(file.size / 1024).toFixed(1)} KiB）` : t("rosterUi.import.noFile")}
          </Typography>
          <Box sx={{ flex: 1 }} />
          <Button variant="contained" onClick={() => run(true)} disabled={!file || busy || Boolean(result)} data-testid="import-dry-run">
            {t("rosterUi.import.dryRun")}
          </Button>
        </Box>
        {/* Always in the page, so a screen reader announces the progress as it changes. */}
        <div aria-live="polite">
          {busy && (
            <Box sx={{ mt: 2 }} data-testid="import-progress">
              <LinearProgress variant="determinate" value={phase.percent} aria-label={t("rosterUi.import.dryRun")} />
              <Typography variant="caption" color="text.secondary">
                {phase.kind === "uploading"
                  ? t("rosterUi.import.uploading", { percent: phase.percent })
                  : t("rosterUi.import.processing", { phase: t(`rosterUi.import.phases.${phase.step}`), percent: phase.percent })}
              </Typography>
            </Box>
          )}
        </div>
      </Paper>
      {phase.kind === "failed" && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="import-failed">
          {t("rosterUi.import.failed")}：{phase.message}
        </Alert>
      )}
      {result && <AppliedResult report={result} />}
      {dry && (
        <ReportView
          report={dry}
          footer={
            !result && (
              <Box sx={{ display: "flex", alignItems: "center", gap: 2, mt: 2, flexWrap: "wrap" }}>
                <Typography variant="body2" color="text.secondary">
                  {applicable ? t("rosterUi.import.applyHint", { count: applicable }) : t("rosterUi.import.nothingToApply")}
                </Typography>
                <Button variant="contained" color="primary" onClick={() => run(false)} disabled={busy || !applicable} data-testid="import-apply">
                  {t("rosterUi.import.apply")}
                </Button>
              </Box>
            )
          }
        />
      )}
    </>
  );
}

function AppliedResult({ report }: { report: ImportReportView }) {
  const t = useT();
  return (
    <Alert severity={report.pendingChangeId ? "info" : "success"} sx={{ mb: 2 }} data-testid="import-result">
      <Typography variant="subtitle2">{t("rosterUi.import.appliedTitle")}</Typography>
      {report.pendingChangeId
        ? t("rosterUi.import.pendingApproval")
        : t("rosterUi.import.written", { new: report.written?.new ?? report.counts.new, changed: report.written?.changed ?? report.counts.changed })}
    </Alert>
  );
}

function ReportView({ report, footer }: { report: ImportReportView; footer: React.ReactNode }) {
  const t = useT();
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(10);
  const figures = [
    { id: "totalRows", value: report.totalRows, color: "primary.dark" },
    { id: "new", value: report.counts.new, color: "success.main" },
    { id: "changed", value: report.counts.changed, color: "info.main" },
    { id: "unchanged", value: report.counts.unchanged, color: "text.secondary" },
    { id: "rejected", value: report.counts.rejected, color: report.counts.rejected ? "error.main" : "text.secondary" },
  ] as const;
  const errors = report.errors.slice(page * size, page * size + size);
  return (
    <Paper sx={{ p: 2 }} data-testid="import-report">
      <Typography variant="h4" component="h2" sx={{ mb: 1.5 }}>
        {t("rosterUi.import.reportTitle")}
        <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
          {[report.format?.toUpperCase(), report.encoding && `${t("rosterUi.import.encoding")} ${report.encoding.toUpperCase()}`, t("rosterUi.import.elapsed", { seconds: (report.elapsedMs / 1000).toFixed(1) })]
            .filter(Boolean)
            .join(" · ")}
        </Typography>
      </Typography>
      <Grid container spacing={2} sx={{ mb: 2 }}>
        {figures.map((f) => (
          <Grid key={f.id} size={{ xs: 6, md: 2.4 }}>
            <Box data-testid={`import-count-${f.id}`} data-value={f.value} sx={{ p: 1.5, bgcolor: "#f7f9fb", borderRadius: 1, border: 1, borderColor: "divider" }}>
              <Typography variant="caption" color="text.secondary">
                {t(`rosterUi.import.${f.id}`)}
              </Typography>
              <Typography sx={{ fontSize: "1.6rem", fontWeight: 600, color: f.color, fontVariantNumeric: "tabular-nums" }}>{f.value.toLocaleString()}</Typography>
            </Box>
          </Grid>
        ))}
      </Grid>
      <Typography variant="h4" component="h3" sx={{ mb: 1 }}>
        {t("rosterUi.import.errorsTitle")}
        {report.errorsTruncated && (
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
            {t("rosterUi.import.errorsTruncated", { count: report.errors.length })}
          </Typography>
        )}
      </Typography>
      {report.errors.length ? (
        <>
          <TableContainer sx={{ border: 1, borderColor: "divider", borderRadius: 1 }}>
            <Table size="small" data-testid="import-errors">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 80 }}>{t("rosterUi.import.row")}</TableCell>
                  <TableCell sx={{ width: 150 }}>{t("rosterUi.import.code")}</TableCell>
                  <TableCell sx={{ width: 180 }}>{t("rosterUi.import.field")}</TableCell>
                  <TableCell>{t("rosterUi.import.message")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {errors.map((e, i) => (
                  <TableRow key={`${e.row}-${e.field}-${i}`} data-testid="import-error" data-row={e.row}>
                    <TableCell sx={{ fontVariantNumeric: "tabular-nums" }}>{e.row || "—"}</TableCell>
                    <TableCell sx={{ fontFamily: "monospace", fontSize: "0.85rem" }}>{e.code ?? "—"}</TableCell>
                    <TableCell>
                      <FieldName field={e.field} />
                    </TableCell>
                    <TableCell>{e.messageKey ? t(e.messageKey.key, e.messageKey.params) : e.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <TablePagination
            component="div"
            count={report.errors.length}
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
      ) : (
        <Typography variant="body2" color="success.main" sx={{ mb: 1 }}>
          {t("rosterUi.import.noErrors")}
        </Typography>
      )}
      {report.rows.length > 0 && (
        <>
          <Typography variant="h4" component="h3" sx={{ mb: 1, mt: 2 }}>
            {t("rosterUi.import.changesTitle")}
          </Typography>
          <TableContainer sx={{ border: 1, borderColor: "divider", borderRadius: 1, maxHeight: 320 }}>
            <Table size="small" stickyHeader data-testid="import-rows">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 80 }}>{t("rosterUi.import.row")}</TableCell>
                  <TableCell sx={{ width: 150 }}>{t("rosterUi.import.code")}</TableCell>
                  <TableCell sx={{ width: 100 }}>{t("rosterUi.import.outcome")}</TableCell>
                  <TableCell>{t("rosterUi.import.changedFields")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.rows.slice(0, 200).map((r) => (
                  <TableRow key={r.row}>
                    <TableCell>{r.row}</TableCell>
                    <TableCell sx={{ fontFamily: "monospace", fontSize: "0.85rem" }}>{r.code}</TableCell>
                    <TableCell>
                      <Chip label={t(`rosterUi.import.${r.outcome}`)} color={r.outcome === "new" ? "success" : "info"} variant="outlined" />
                    </TableCell>
                    <TableCell>
                      {r.outcome === "new" ? "—" : r.fields.map((f) => <FieldName key={f} field={f} inline />)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}
      {footer}
    </Paper>
  );
}

/** A file column shown with its Chinese / English label. */
function FieldName({ field, inline }: { field: string; inline?: boolean }) {
  const t = useT();
  const key = `facilities.columns.${field}`;
  const label = t(key);
  return (
    <Box component="span" sx={{ mr: inline ? 1.5 : 0, whiteSpace: "nowrap" }}>
      {label === key ? field : label}
      <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5, fontFamily: "monospace" }}>
        {field}
      </Typography>
    </Box>
  );
}
