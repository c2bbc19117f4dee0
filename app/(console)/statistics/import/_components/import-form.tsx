"use client";
// Upload with a progress bar: XMLHttpRequest (upload progress events) POSTs the file as the raw
// body to /api/v1/settlements/import with the session cookie; the report lists rejected rows.
// The form's card and row are plain elements with static classes (import.module.css, kit.css) in
// the look of the MUI Paper, Box and Typography they replaced: they render on every page view.
import { useRef, useState } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Grid from "@mui/material/Grid";
import LinearProgress from "@mui/material/LinearProgress";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import UploadFileOutlined from "@mui/icons-material/UploadFileOutlined";
import { useT } from "@/components/i18n/i18n-provider";
import css from "./import.module.css";

interface Report {
  importId: string;
  encoding: string | null;
  rowsRead: number;
  accepted: number;
  duplicates: number;
  reversals: number;
  rejected: { row: number; field: string; message: string }[];
  rejectedTotal: number;
}

type Phase = { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "processing" } | { kind: "done"; report: Report } | { kind: "failed"; message: string };

export function ImportForm() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });

  function upload() {
    if (!file) return;
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/settlements/import?fileName=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.setRequestHeader("x-import-source", "upload");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPhase({ kind: "uploading", percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => setPhase({ kind: "processing" });
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as Report & { error?: { message: string; details: { message: string }[] } };
        if (xhr.status === 200) setPhase({ kind: "done", report: body });
        else setPhase({ kind: "failed", message: body.error?.details[0]?.message ?? body.error?.message ?? String(xhr.status) });
      } catch {
        setPhase({ kind: "failed", message: String(xhr.status) });
      }
    };
    xhr.onerror = () => setPhase({ kind: "failed", message: "network" });
    setPhase({ kind: "uploading", percent: 0 });
    xhr.send(file);
  }

  const busy = phase.kind === "uploading" || phase.kind === "processing";
  return (
    <>
      <div className={css.card}>
        <div className={css.bar}>
          <input ref={input} type="file" accept=".csv,text/csv" hidden data-testid="import-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => input.current?.click()} disabled={busy}>
            {t("statistics.import.choose")}
          </Button>
          <p className="yb-body2" data-testid="import-file-name">
            {file ? `${file.name} (${(file.size / 1024).toFixed(1)} KiB)` : t("statistics.import.noFile")}
          </p>
          <div className={css.spacer} />
          <Button variant="contained" onClick={upload} disabled={!file || busy} data-testid="import-submit">
            {t("statistics.import.upload")}
          </Button>
        </div>
        {/* Always in the page, so a screen reader announces the progress as it changes. */}
        <div aria-live="polite">
          {busy && (
            <div className={css.progress} data-testid="import-progress">
              <LinearProgress variant={phase.kind === "uploading" ? "determinate" : "indeterminate"} value={phase.kind === "uploading" ? phase.percent : undefined} aria-label={t("statistics.import.upload")} />
              <span className="yb-caption">{phase.kind === "uploading" ? t("statistics.import.uploading", { percent: phase.percent }) : t("statistics.import.processing")}</span>
            </div>
          )}
        </div>
      </div>
      {phase.kind === "failed" && (
        <Alert severity="error" data-testid="import-failed">
          {t("statistics.import.failed")}: {phase.message}
        </Alert>
      )}
      {phase.kind === "done" && <ImportReport report={phase.report} />}
    </>
  );
}

function ImportReport({ report }: { report: Report }) {
  const t = useT();
  const figures = [
    { id: "rowsRead", label: t("statistics.import.rowsRead"), value: report.rowsRead },
    { id: "accepted", label: t("statistics.import.accepted"), value: report.accepted },
    { id: "duplicates", label: t("statistics.import.duplicates"), value: report.duplicates },
    { id: "rejected", label: t("statistics.import.rejected"), value: report.rejectedTotal },
    { id: "reversals", label: t("statistics.import.reversals"), value: report.reversals },
  ];
  return (
    <Paper sx={{ p: 2 }} data-testid="import-report">
      <Typography variant="h4" component="h2" sx={{ mb: 1.5 }}>
        {t("statistics.import.done")}
        <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
          #{report.importId} · {t("statistics.import.encoding")} {report.encoding?.toUpperCase()}
        </Typography>
      </Typography>
      <Grid container spacing={2} sx={{ mb: 2 }}>
        {figures.map((f) => (
          <Grid key={f.id} size={{ xs: 6, md: 2.4 }}>
            <Box data-testid={`import-${f.id}`} sx={{ p: 1.5, bgcolor: "#f7f9fb", borderRadius: 1 }}>
              <Typography variant="caption" color="text.secondary">
                {f.label}
              </Typography>
              <Typography sx={{ fontSize: "1.5rem", fontWeight: 600, color: f.id === "rejected" && f.value ? "error.main" : "primary.dark" }}>{f.value.toLocaleString()}</Typography>
            </Box>
          </Grid>
        ))}
      </Grid>
      {report.rejected.length ? (
        <>
          <Typography variant="h4" component="h3" sx={{ mb: 1 }}>
            {t("statistics.import.errorsTitle")}
            {report.rejectedTotal > report.rejected.length && (
              <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                {t("statistics.import.errorsNote", { count: report.rejected.length })}
              </Typography>
            )}
          </Typography>
          <Table size="small" data-testid="import-errors">
            <TableHead>
              <TableRow>
                <TableCell>{t("statistics.import.row")}</TableCell>
                <TableCell>{t("statistics.import.field")}</TableCell>
                <TableCell>{t("statistics.import.message")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.rejected.map((r) => (
                <TableRow key={`${r.row}-${r.field}`}>
                  <TableCell>{r.row}</TableCell>
                  <TableCell>
                    <code>{r.field}</code>
                  </TableCell>
                  <TableCell>{r.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : (
        <Alert severity="success">{t("statistics.import.noErrors")}</Alert>
      )}
    </Paper>
  );
}
