// The output side of the fast path (fastrow.ts): an accepted FastRow written as its COPY record
// line or its reversal line straight from the line's bytes, without a string per field. Must write
// what csv.ts recordLine / reversalLine write for the same row (fastrow.test.ts checks both).
import { dayText, type FastRow } from "./fastrow";

const STATUS_BYTE = [83, 70, 82]; // S F R

function copyBytes(src: Uint8Array, s: number, e: number, dst: Uint8Array, at: number): number {
  for (let i = s; i < e; i++) dst[at++] = src[i]!;
  return at;
}

function writeDigits(n: number, width: number, dst: Uint8Array, at: number): number {
  for (let i = at + width - 1; i >= at; i--) {
    dst[i] = 48 + (n % 10);
    n = Math.floor(n / 10);
  }
  return at + width;
}

/** YYYYMMDD as "YYYY-MM-DD" at `at`. */
function writeDay(day: number, dst: Uint8Array, at: number): number {
  at = writeDigits(Math.floor(day / 10000), 4, dst, at);
  dst[at++] = 45;
  at = writeDigits(Math.floor(day / 100) % 100, 2, dst, at);
  dst[at++] = 45;
  return writeDigits(day % 100, 2, dst, at);
}

/** Upper bound of the bytes of a record line of a fast row (fields are bounded: id ≤ 64, settled_at ≤ 32, amounts ≤ 15). */
export const MAX_FAST_LINE = 256;

/**
 * The COPY line of a SETTLED or FAILED fast row (merge.ts RECORD_COLUMNS, as csv.ts recordLine
 * writes it) at `at` in `dst`; `importId` as ASCII digits. Returns the end.
 */
export function writeRecordLine(
  buf: Uint8Array,
  r: FastRow,
  importId: Uint8Array,
  dst: Uint8Array,
  at: number,
): number {
  at = copyBytes(buf, r.idStart, r.idEnd, dst, at);
  dst[at++] = 9;
  dst[at++] = STATUS_BYTE[r.status]!;
  dst[at++] = 9;
  at = copyBytes(buf, r.atStart, r.atEnd, dst, at);
  dst[at++] = 9;
  at = writeDay(r.day, dst, at);
  dst[at++] = 9;
  at = writeDigits(r.visit, 6, dst, at);
  dst[at++] = 9;
  at = writeDigits(r.home, 6, dst, at);
  dst[at++] = 9;
  at = copyBytes(buf, r.instStart, r.instStart + 12, dst, at);
  dst[at++] = 9;
  dst[at++] = 48 + r.service;
  dst[at++] = 9;
  dst[at++] = 48 + r.filing;
  dst[at++] = 9;
  at = copyBytes(buf, r.totalStart, r.totalEnd, dst, at);
  dst[at++] = 9;
  at = copyBytes(buf, r.fundStart, r.fundEnd, dst, at);
  dst[at++] = 9;
  for (let i = 0; i < importId.length; i++) dst[at++] = importId[i]!;
  dst[at++] = 10;
  return at;
}

/** The reversal line of a fast row (csv.ts reversalLine: row_no, settlement_id, settled_at, settled_day). */
export function fastReversalLine(buf: Uint8Array, r: FastRow, rowNo: number): string {
  return `${rowNo}\t${Buffer.from(buf.buffer, buf.byteOffset + r.idStart, r.idEnd - r.idStart).toString("latin1")}\t${Buffer.from(buf.buffer, buf.byteOffset + r.atStart, r.atEnd - r.atStart).toString("latin1")}\t${dayText(r.day)}\n`;
}
