"use client";
// Bulk import in two steps: a dry run, then "apply" of the same file. The file goes as the raw
// body to POST /api/v1/institutions/import (the kit's sendFile) — upload progress from
// xhr.upload, then the server's own progress as NDJSON lines — and the report comes last.
import { useState } from "react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Typography from "@mui/material/Typography";
import { useT } from "@/components/i18n/i18n-provider";
import { sendFile, UploadCard, type UploadProgress } from "@/components/ui/file-upload";
import { ReportView, type ImportReportView } from "./import-report";

export type { ImportReportView };

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; dryRun: boolean; percent: number }
  | { kind: "processing"; dryRun: boolean; step: string; percent: number }
  | { kind: "failed"; message: string };

type ServerError = { message: string; details?: { message: string }[] };
type Line = { type: string; phase?: string; fraction?: number; report?: ImportReportView; error?: ServerError };

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ACCEPT = `.csv,.xlsx,text/csv,${XLSX}`;

function contentTypeOf(file: File): string {
  if (/\.xlsx$/i.test(file.name)) return XLSX;
  if (/\.csv$/i.test(file.name)) return "text/csv";
  return file.type || "application/octet-stream";
}

const errorText = (e: ServerError | undefined) =>
  [e?.message, ...(e?.details ?? []).map((d) => d.message)].filter(Boolean).join("：");

/** Reads the NDJSON answer line by line as it arrives: progress, then the report or an error. */
function ndjsonReader(onProgress: (step: string, fraction: number) => void) {
  let seen = 0;
  const out: { report: ImportReportView | null; failure: string | null } = { report: null, failure: null };
  const take = (line: string) => {
    const msg = JSON.parse(line) as Line;
    if (msg.type === "progress") onProgress(msg.phase ?? "check", msg.fraction ?? 0);
    else if (msg.type === "report" && msg.report) out.report = msg.report;
    else if (msg.type === "error") out.failure = errorText(msg.error);
  };
  function consume(text: string, final = false) {
    const end = final ? text.length : text.lastIndexOf("\n");
    if (end < seen) return;
    for (const line of text.slice(seen, end).split("\n")) {
      if (!line.trim()) continue;
      try {
        take(line);
      } catch {
        // a partial line; the next progress event completes it
      }
    }
    seen = final ? text.length : end + 1;
  }
  return { consume, out };
}

function failureOf(xhr: XMLHttpRequest): string {
  try {
    return errorText((JSON.parse(xhr.responseText) as { error?: ServerError }).error) || String(xhr.status);
  } catch {
    return String(xhr.status);
  }
}

/** Runs a dry run or the import of the file; the latest dry run's report and the import's result. */
function useImportRun(file: File | null) {
  const t = useT();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [dry, setDry] = useState<ImportReportView | null>(null);
  const [result, setResult] = useState<ImportReportView | null>(null);

  function finish(dryRun: boolean, report: ImportReportView | null, failure: string | null) {
    if (!report || failure) return setPhase({ kind: "failed", message: failure ?? t("errors.internal") });
    if (dryRun) {
      setDry(report);
      setResult(null);
    } else setResult(report);
    setPhase({ kind: "idle" });
  }

  function run(dryRun: boolean) {
    if (!file) return;
    const reader = ndjsonReader((step, fraction) =>
      setPhase({ kind: "processing", dryRun, step, percent: Math.round(fraction * 100) }),
    );
    sendFile(`/api/v1/institutions/import?dryRun=${dryRun}`, file, {
      headers: { "content-type": contentTypeOf(file), accept: "application/x-ndjson" },
      onUpload: (percent) => setPhase({ kind: "uploading", dryRun, percent }),
      onUploaded: () => setPhase({ kind: "processing", dryRun, step: "read", percent: 0 }),
      onChunk: (xhr) => reader.consume(xhr.responseText),
      onLoad: (xhr) => {
        if (xhr.status !== 200) return finish(dryRun, null, failureOf(xhr));
        reader.consume(xhr.responseText, true);
        finish(dryRun, reader.out.report, reader.out.failure);
      },
      onError: () => setPhase({ kind: "failed", message: t("errors.internal") }),
    });
  }

  function choose() {
    setDry(null);
    setResult(null);
    setPhase({ kind: "idle" });
  }

  return { phase, dry, result, run, choose };
}

/** The bar's name says what runs (the dry run or the import), its line how far it is. */
function progressOf(phase: Phase, t: ReturnType<typeof useT>): UploadProgress | null {
  if (phase.kind !== "uploading" && phase.kind !== "processing") return null;
  return {
    percent: phase.percent,
    label: t(phase.dryRun ? "rosterUi.import.dryRun" : "rosterUi.import.apply"),
    text:
      phase.kind === "uploading"
        ? t("rosterUi.import.uploading", { percent: phase.percent })
        : t("rosterUi.import.processing", { phase: t(`rosterUi.import.phases.${phase.step}`), percent: phase.percent }),
  };
}

export function ImportWizard() {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const { phase, dry, result, run, choose } = useImportRun(file);
  const progress = progressOf(phase, t);
  const busy = progress !== null;
  const applicable = dry ? dry.counts.new + dry.counts.changed : 0;

  return (
    <>
      <UploadCard
        accept={ACCEPT}
        file={file}
        onFile={(f) => {
          setFile(f);
          choose();
        }}
        busy={busy}
        chooseLabel={dry || result ? t("rosterUi.import.again") : t("rosterUi.import.choose")}
        noFileLabel={t("rosterUi.import.noFile")}
        progress={progress}
        actions={
          <Button
            variant="contained"
            onClick={() => run(true)}
            disabled={!file || busy || Boolean(result)}
            data-testid="import-dry-run"
          >
            {t("rosterUi.import.dryRun")}
          </Button>
        }
      />
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
            !result && <ApplyFooter applicable={applicable} disabled={busy || !applicable} onApply={() => run(false)} />
          }
        />
      )}
    </>
  );
}

function ApplyFooter({
  applicable,
  disabled,
  onApply,
}: {
  applicable: number;
  disabled: boolean;
  onApply: () => void;
}) {
  const t = useT();
  return (
    <Box sx={{ display: "flex", alignItems: "center", gap: 2, mt: 2, flexWrap: "wrap" }}>
      <Typography variant="body2" color="text.secondary">
        {applicable ? t("rosterUi.import.applyHint", { count: applicable }) : t("rosterUi.import.nothingToApply")}
      </Typography>
      <Button variant="contained" color="primary" onClick={onApply} disabled={disabled} data-testid="import-apply">
        {t("rosterUi.import.apply")}
      </Button>
    </Box>
  );
}

function AppliedResult({ report }: { report: ImportReportView }) {
  const t = useT();
  return (
    <Alert severity={report.pendingChangeId ? "info" : "success"} sx={{ mb: 2 }} data-testid="import-result">
      <Typography variant="subtitle2">{t("rosterUi.import.appliedTitle")}</Typography>
      {report.pendingChangeId
        ? t("rosterUi.import.pendingApproval")
        : t("rosterUi.import.written", {
            new: report.written?.new ?? report.counts.new,
            changed: report.written?.changed ?? report.counts.changed,
          })}
    </Alert>
  );
}
