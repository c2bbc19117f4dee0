"use client";
// Upload with a progress bar (the kit's UploadCard and sendFile): the file goes as the raw body
// to /api/v1/settlements/import with the session cookie; the report lists rejected rows.
import { useState } from "react";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import { useT } from "@/components/i18n/i18n-provider";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ReportFigures, ReportHeading, sendFile, UploadCard, type ReportFigure } from "@/components/ui/file-upload";
import { Panel } from "@/components/ui/panel";

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

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "processing" }
  | { kind: "done"; report: Report }
  | { kind: "failed"; message: string };

function outcomeOf(xhr: XMLHttpRequest): Phase {
  try {
    const body = JSON.parse(xhr.responseText) as Report & {
      error?: { message: string; details: { message: string }[] };
    };
    if (xhr.status === 200) return { kind: "done", report: body };
    return { kind: "failed", message: body.error?.details[0]?.message ?? body.error?.message ?? String(xhr.status) };
  } catch {
    return { kind: "failed", message: String(xhr.status) };
  }
}

export function ImportForm() {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });

  function upload() {
    if (!file) return;
    sendFile(`/api/v1/settlements/import?fileName=${encodeURIComponent(file.name)}`, file, {
      headers: { "content-type": "text/csv", "x-import-source": "upload" },
      onUpload: (percent) => setPhase({ kind: "uploading", percent }),
      onUploaded: () => setPhase({ kind: "processing" }),
      onLoad: (xhr) => setPhase(outcomeOf(xhr)),
      onError: () => setPhase({ kind: "failed", message: "network" }),
    });
  }

  const busy = phase.kind === "uploading" || phase.kind === "processing";
  return (
    <>
      <UploadCard
        accept=".csv,text/csv"
        file={file}
        onFile={setFile}
        busy={busy}
        chooseLabel={t("statistics.import.choose")}
        noFileLabel={t("statistics.import.noFile")}
        progress={{
          percent: phase.kind === "uploading" ? phase.percent : null,
          label: t("statistics.import.upload"),
          text:
            phase.kind === "uploading"
              ? t("statistics.import.uploading", { percent: phase.percent })
              : t("statistics.import.processing"),
        }}
        actions={
          <Button variant="contained" onClick={upload} disabled={!file || busy} data-testid="import-submit">
            {t("statistics.import.upload")}
          </Button>
        }
      />
      {phase.kind === "failed" && (
        <Alert severity="error" data-testid="import-failed">
          {t("statistics.import.failed")}: {phase.message}
        </Alert>
      )}
      {phase.kind === "done" && <ImportReport report={phase.report} />}
    </>
  );
}

type Rejected = Report["rejected"][number];

function ImportReport({ report }: { report: Report }) {
  const t = useT();
  const figures: ReportFigure[] = [
    { id: "rowsRead", label: t("statistics.import.rowsRead"), value: report.rowsRead },
    { id: "accepted", label: t("statistics.import.accepted"), value: report.accepted },
    { id: "duplicates", label: t("statistics.import.duplicates"), value: report.duplicates },
    {
      id: "rejected",
      label: t("statistics.import.rejected"),
      value: report.rejectedTotal,
      tone: report.rejectedTotal ? "error" : "primary",
    },
    { id: "reversals", label: t("statistics.import.reversals"), value: report.reversals },
  ];
  const columns: Column<Rejected>[] = [
    { key: "row", header: t("statistics.import.row"), cell: (r) => r.row, numeric: true },
    { key: "field", header: t("statistics.import.field"), cell: (r) => <code>{r.field}</code> },
    { key: "message", header: t("statistics.import.message"), cell: (r) => r.message, minWidth: 200 },
  ];
  return (
    <Panel className="yb-upload-card" testId="import-report">
      <ReportHeading
        title={t("statistics.import.done")}
        meta={`#${report.importId} · ${t("statistics.import.encoding")} ${report.encoding?.toUpperCase() ?? ""}`}
      />
      <ReportFigures figures={figures} testIdPrefix="import-" />
      {report.rejected.length ? (
        <>
          <ReportHeading
            level={3}
            title={t("statistics.import.errorsTitle")}
            meta={
              report.rejectedTotal > report.rejected.length &&
              t("statistics.import.errorsNote", { count: report.rejected.length })
            }
          />
          <DataTable
            columns={columns}
            rows={report.rejected}
            rowKey={(r) => `${r.row}-${r.field}`}
            label={t("statistics.import.errorsTitle")}
            testId="import-errors"
            hover={false}
          />
        </>
      ) : (
        <Alert severity="success">{t("statistics.import.noErrors")}</Alert>
      )}
    </Panel>
  );
}
