// What a roster import reports (counts, row errors, progress) and the limits it works within.
import type { MessageRef } from "../../errors";
import type { CsvEncoding } from "../encoding";
import type { ChangePlan, CurrentInstitution } from "../plan";

export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;
export const MAX_REPORTED_ERRORS = 10_000;
export const MAX_REPORTED_ROWS = 1_000;
export const FETCH_BATCH = 10_000;

export interface ImportProgress {
  phase: "read" | "check" | "write" | "done";
  done: number;
  total: number | null;
  /** Overall progress 0…1 for a progress bar. */
  fraction: number;
}

export interface ImportOptions {
  dryRun: boolean;
  /** Row numbers to apply, e.g. "2-50,53" (default: every valid row). */
  rows?: string;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportRowError {
  row: number;
  code: string | null;
  field: string;
  message: MessageRef;
}

export interface ImportReport {
  dryRun: boolean;
  format: "csv" | "xlsx" | null;
  encoding: CsvEncoding | null;
  columns: string[];
  ignoredColumns: string[];
  totalRows: number;
  counts: { new: number; changed: number; unchanged: number; rejected: number };
  errors: ImportRowError[];
  errorsTruncated: boolean;
  rows: { row: number; code: string; outcome: "new" | "changed"; fields: string[] }[];
  rowsTruncated: boolean;
  /** Rows written (apply only): new and changed among the chosen valid rows. */
  written: { new: number; changed: number };
  applied: boolean;
  importId: string | null;
  pendingChangeId: string | null;
  elapsedMs: number;
}

export interface Candidate {
  row: number;
  code: string;
  /** The institution's id (a new one's is chosen here, so every table can be COPYed at once). */
  id: string;
  current: CurrentInstitution | null;
  plan: ChangePlan;
}

export interface Analysis {
  report: ImportReport;
  candidates: Candidate[];
}

const WEIGHTS = { read: [0, 0.35], check: [0.35, 0.6], write: [0.6, 1] } as const;

export function progressOf(phase: ImportProgress["phase"], done: number, total: number | null): ImportProgress {
  if (phase === "done") return { phase, done, total, fraction: 1 };
  const [a, b] = WEIGHTS[phase];
  const f = total ? Math.min(1, done / total) : 0;
  return { phase, done, total, fraction: a + (b - a) * f };
}

export const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

export function emptyReport(dryRun: boolean): ImportReport {
  return {
    dryRun,
    format: null,
    encoding: null,
    columns: [],
    ignoredColumns: [],
    totalRows: 0,
    counts: { new: 0, changed: 0, unchanged: 0, rejected: 0 },
    errors: [],
    errorsTruncated: false,
    rows: [],
    rowsTruncated: false,
    written: { new: 0, changed: 0 },
    applied: false,
    importId: null,
    pendingChangeId: null,
    elapsedMs: 0,
  };
}
