// What the settlement import takes and gives, and the chunk its stages hand each other.
import type { Actor } from "../../auth/actor";
import type { MessageRef } from "../../errors";
import type { CsvEncoding } from "../csv";
import type { DeltaTable } from "../deltas";

/** At most this many rejected rows are listed (all are counted). */
export const MAX_REJECTIONS_LISTED = 1000;

export interface Rejection {
  /** Line number in the file; the header is line 1. */
  row: number;
  field: string;
  error: MessageRef;
}

export interface ImportOutcome {
  importId: number;
  encoding: CsvEncoding | null;
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejected: Rejection[];
  rejectedTotal: number;
  reversals: number;
}

/** The outcome of an import before its first row. */
export function newOutcome(importId: number): ImportOutcome {
  return {
    importId,
    encoding: null,
    rowsRead: 0,
    accepted: 0,
    duplicates: 0,
    rejected: [],
    rejectedTotal: 0,
    reversals: 0,
  };
}

export interface ImportOptions {
  source: "upload" | "api" | "seed" | "bench";
  fileName?: string | null;
  /** Region prefix of the importer ("" = national): rows touching neither side are rejected. */
  scopePrefix: string;
  /** Valid region codes; loaded from the region table when omitted. */
  regions?: ReadonlySet<string>;
  actor?: Pick<Actor, "id" | "displayName" | "username" | "regionCode"> | null;
  /** Rows per merge step and characters per queued batch (defaults: CHUNK_ROWS, 64 KiB); tests make them small. */
  chunkRows?: number;
  batchChars?: number;
}

/** One chunk of the file as the spool hands it to the merge: everything bulky is in spool files. */
export interface Chunk {
  /** SETTLED/FAILED records and the Beijing months they fall in. */
  rows: number;
  months: string[];
  /** Record lines (COPY text) and the cube deltas summed by the parser, one file per delta table (null: no records). */
  spool: string | null;
  deltas: Record<DeltaTable, string> | null;
  /** The same for the records of fresh months (no partition yet: stored by a second connection, fresh.ts). */
  freshRows: number;
  freshMonths: string[];
  freshSpool: string | null;
  freshDeltas: Record<DeltaTable, string> | null;
  /** REVERSED rows as COPY text for rev_in. */
  reversals: Buffer[];
}

/** Milliseconds spent per kind of work, logged at the end of an import. */
export interface StageTimes {
  wait: number;
  copy: number;
  fresh: number;
  slow: number;
  reversals: number;
  cubes: number;
}
