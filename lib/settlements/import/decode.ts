// The decode/validate stage of the settlement import: each line of the file becomes a valid row
// handed to the spool, or a counted (and, up to MAX_REJECTIONS_LISTED, listed) rejection. Plain
// ASCII lines take the fast path (fastrow.ts: validated on their bytes; fastrow-lines.ts: written
// as COPY text without strings); the header and every line the fast path declines — unusual but
// valid shapes, and errors, which it names — take the string path (csv.ts).
import { ValidationError } from "../../errors";
import { CSV_COLUMNS } from "../codes";
import { mapHeader, recordLine, reversalLine, splitFields, validateRow, type ColumnIndex } from "../csv";
import { dayNumber, fastContext, FastRow, parseFast, type FastContext } from "../fastrow";
import { fastReversalLine, MAX_FAST_LINE, writeRecordLine } from "../fastrow-lines";
import type { ChunkSpool } from "./spool";
import { MAX_REJECTIONS_LISTED, type ImportOutcome } from "./types";

export interface DecodeContext {
  importId: number;
  regions: ReadonlySet<string>;
  /** Region prefix of the importer ("" = national). */
  scopePrefix: string;
}

export class RowDecoder {
  /** Lines read so far (the header is line 1). */
  private lineNo = 0;
  /** Rows that passed validation (records and reversals). */
  valid = 0;
  private index: ColumnIndex | null = null;
  private fast: FastContext | null = null;
  private readonly fr = new FastRow();
  private readonly importIdBytes: Buffer;

  constructor(
    private readonly ctx: DecodeContext,
    private readonly spool: ChunkSpool,
    private readonly outcome: ImportOutcome,
  ) {
    this.importIdBytes = Buffer.from(String(ctx.importId), "latin1");
  }

  /** Whether the header line has been read. */
  get sawHeader(): boolean {
    return this.index !== null;
  }

  /** The string path: the header, then any line the fast path declined. */
  readonly onLine = (line: string): void => {
    this.lineNo += 1;
    if (this.index === null) return this.readHeader(line);
    if (line.length === 0 || line.trim() === "") return;
    const { outcome, ctx } = this;
    outcome.rowsRead += 1;
    const result = validateRow(splitFields(line), {
      index: this.index,
      regions: ctx.regions,
      scopePrefix: ctx.scopePrefix,
    });
    if (!result.ok) {
      outcome.rejectedTotal += 1;
      if (outcome.rejected.length < MAX_REJECTIONS_LISTED)
        outcome.rejected.push({ row: this.lineNo, field: result.field, error: result.error });
      return;
    }
    const row = result.row;
    this.valid += 1;
    if (row.status === "R") this.spool.addReversal(reversalLine(this.lineNo, row));
    else {
      const p = this.spool.partOf(Math.floor(dayNumber(row.beijingDay) / 100));
      const text = recordLine(row, ctx.importId);
      p.room(text.length * 3);
      p.pos += p.arena.write(text, p.pos, "utf8");
      p.deltas.add(row);
      p.added();
    }
    this.spool.afterRow();
  };

  /** The fast path: a plain ASCII line, as bytes, straight into the arena and the deltas; false declines it. */
  readonly onFastLine = (buf: Buffer, s: number, e: number): boolean => {
    const fr = this.fr;
    if (this.fast === null || e === s || !parseFast(buf, s, e, this.fast, fr)) return false;
    this.lineNo += 1;
    this.outcome.rowsRead += 1;
    this.valid += 1;
    if (fr.status === 2) this.spool.addReversal(fastReversalLine(buf, fr, this.lineNo));
    else {
      const p = this.spool.partOf(Math.floor(fr.day / 100));
      p.room(MAX_FAST_LINE);
      p.pos = writeRecordLine(buf, fr, this.importIdBytes, p.arena, p.pos);
      p.deltas.addKeys(
        fr.day,
        fr.visit,
        fr.home,
        fr.inst,
        fr.service,
        fr.filing,
        fr.status === 0,
        fr.totalFen,
        fr.fundFen,
      );
      p.added();
    }
    this.spool.afterRow();
    return true;
  };

  private readHeader(line: string): void {
    const mapped = mapHeader(line);
    if (!mapped.ok) {
      throw new ValidationError({
        file: [
          {
            key: "statistics.import.errors.header",
            params: { missing: mapped.missing.join(", "), expected: CSV_COLUMNS.join(",") },
          },
        ],
      });
    }
    this.index = mapped.index;
    this.fast = fastContext(mapped.index, this.ctx.regions, this.ctx.scopePrefix);
  }
}
