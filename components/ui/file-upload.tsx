"use client";
// The upload step every import screen shares (the roster's wizard, the settlement import): a
// card with the file chooser, the chosen file's name and size, the screen's own buttons, and
// the progress bar announced to screen readers; `sendFile` posts the file as the raw body
// through XMLHttpRequest (upload progress from xhr.upload); `ReportFigures` and `ReportHeading`
// are the report's head — counts in tiles and a title with its details.
import { useRef, type ReactNode } from "react";
import Button from "@mui/material/Button";
import LinearProgress from "@mui/material/LinearProgress";
import UploadFileOutlined from "@mui/icons-material/UploadFileOutlined";
import { Panel } from "./panel";
import "./file-upload.css";

export interface UploadProgress {
  /** null: the server is working and says not how far. */
  percent: number | null;
  /** Accessible name of the bar: what runs (a dry run, the import). */
  label: string;
  /** The line under the bar. */
  text: string;
}

export function UploadCard({
  accept,
  file,
  onFile,
  busy,
  chooseLabel,
  noFileLabel,
  actions,
  progress,
}: {
  accept: string;
  file: File | null;
  onFile: (file: File | null) => void;
  busy: boolean;
  chooseLabel: ReactNode;
  noFileLabel: ReactNode;
  /** The screen's buttons at the end of the row (dry run, upload). */
  actions: ReactNode;
  /** Shown while busy. */
  progress: UploadProgress | null;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <Panel className="yb-upload-card">
      <div className="yb-upload-bar">
        <input
          ref={input}
          type="file"
          accept={accept}
          hidden
          data-testid="import-file"
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        />
        <Button
          variant="outlined"
          startIcon={<UploadFileOutlined />}
          onClick={() => input.current?.click()}
          disabled={busy}
        >
          {chooseLabel}
        </Button>
        <p
          className={file ? "yb-body2 yb-upload-name" : "yb-body2 yb-upload-name yb-secondary"}
          data-testid="import-file-name"
        >
          {file ? `${file.name} (${(file.size / 1024).toFixed(1)} KiB)` : noFileLabel}
        </p>
        <div className="yb-upload-spacer" />
        {actions}
      </div>
      {/* Always in the page, so a screen reader announces the progress as it changes. */}
      <div aria-live="polite">
        {busy && progress && (
          <div className="yb-upload-progress" data-testid="import-progress">
            <LinearProgress
              variant={progress.percent === null ? "indeterminate" : "determinate"}
              value={progress.percent ?? undefined}
              aria-label={progress.label}
            />
            <span className="yb-caption yb-secondary">{progress.text}</span>
          </div>
        )}
      </div>
    </Panel>
  );
}

/** POSTs the file as the raw body; `onLoad` gets the finished request, `onChunk` each part of the response. */
export function sendFile(
  url: string,
  file: File,
  handlers: {
    headers: Record<string, string>;
    onUpload: (percent: number) => void;
    onUploaded: () => void;
    onChunk?: (xhr: XMLHttpRequest) => void;
    onLoad: (xhr: XMLHttpRequest) => void;
    onError: () => void;
  },
): void {
  const xhr = new XMLHttpRequest();
  xhr.open("POST", url);
  for (const [k, v] of Object.entries(handlers.headers)) xhr.setRequestHeader(k, v);
  xhr.upload.onprogress = (e) => {
    if (e.lengthComputable) handlers.onUpload(Math.round((e.loaded / e.total) * 100));
  };
  xhr.upload.onload = handlers.onUploaded;
  if (handlers.onChunk) xhr.onprogress = () => handlers.onChunk!(xhr);
  xhr.onload = () => handlers.onLoad(xhr);
  xhr.onerror = handlers.onError;
  handlers.onUpload(0);
  xhr.send(file);
}

export interface ReportFigure {
  id: string;
  label: ReactNode;
  value: number;
  tone?: "primary" | "success" | "info" | "muted" | "error";
}

/** The report's counts, one tile each (two a row on a phone, five on a wide screen). */
export function ReportFigures({ figures, testIdPrefix }: { figures: ReportFigure[]; testIdPrefix: string }) {
  return (
    <div className="yb-figures">
      {figures.map((f) => (
        <div key={f.id} className="yb-figure" data-testid={`${testIdPrefix}${f.id}`} data-value={f.value}>
          <div className="yb-caption yb-secondary">{f.label}</div>
          <div className={`yb-figure-value yb-tone-${f.tone ?? "primary"}`}>{f.value.toLocaleString()}</div>
        </div>
      ))}
    </div>
  );
}

/** A report's title with its details (format, encoding, time) after it. */
export function ReportHeading({ title, meta, level = 2 }: { title: ReactNode; meta?: ReactNode; level?: 2 | 3 }) {
  const Tag = level === 2 ? "h2" : "h3";
  return (
    <Tag className="yb-h4 yb-report-heading">
      {title}
      {meta && <span className="yb-body2 yb-secondary yb-report-meta">{meta}</span>}
    </Tag>
  );
}
