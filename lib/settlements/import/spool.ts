// The spool stage of the settlement import: valid rows become chunks on disk. Records go as COPY
// text into a reusable arena, cut into batches that flush() writes to the chunk's spool file
// before the next piece of the file is parsed; cube deltas are summed per chunk and written out
// when it ends; the finished chunk is handed to the merge (which may be CHUNKS_AHEAD behind).
// Memory holds one chunk's cube deltas and one piece's batches, never the rows.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ChunkDeltas, type DeltaTable } from "../deltas";
import { monthText } from "../fastrow";
import { ChunkPolicy } from "./chunk-policy";
import type { Chunk } from "./types";

/** The scratch files of one import, removed together at its end whatever happened. */
export class ScratchFiles {
  private readonly files: string[] = [];
  private n = 0;

  constructor(private readonly prefix: string) {}

  static forImport(importId: number): ScratchFiles {
    return new ScratchFiles(path.join(os.tmpdir(), `yibao-settlements-${process.pid}-${importId}`));
  }

  name(kind: string): string {
    const f = `${this.prefix}-${++this.n}-${kind}`;
    this.files.push(f);
    return f;
  }

  async removeAll(): Promise<void> {
    for (const f of this.files) await fs.promises.rm(f, { force: true }).catch(() => undefined);
  }
}

async function writeAll(fh: fs.promises.FileHandle, data: Buffer | string): Promise<void> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  for (let at = 0; at < bytes.length;) at += (await fh.write(bytes, at)).bytesWritten;
}

/** A chunk's deltas as three COPY files (null: no records of that kind). */
async function writeDeltas(
  files: ScratchFiles,
  deltas: ChunkDeltas,
  rows: number,
): Promise<Record<DeltaTable, string> | null> {
  if (!rows) return null;
  const out = {
    d_month: files.name("d_month.copy"),
    d_day: files.name("d_day.copy"),
    d_inst: files.name("d_inst.copy"),
  };
  for (const t of ["d_month", "d_day", "d_inst"] as const) {
    const fh = await fs.promises.open(out[t], "w");
    try {
      for (const piece of deltas.copyText(t)) await writeAll(fh, piece);
    } finally {
      await fh.close();
    }
  }
  return out;
}

/**
 * One kind of month's records of the chunk: COPY bytes written into a reusable arena (a Buffer
 * per batch would be a gigabyte of garbage for a 10 M-row file) and cut into batches.
 */
export class Part {
  rows = 0;
  months = new Set<number>();
  deltas = new ChunkDeltas();
  spool: string | null = null;
  out: fs.promises.FileHandle | null = null;
  private readonly main = Buffer.allocUnsafe(2 << 20);
  arena = this.main;
  pos = 0;
  private batchStart = 0;

  constructor(
    readonly kind: "records" | "fresh",
    private readonly files: ScratchFiles,
    private readonly batchChars: number,
    private readonly onBatch: (part: Part, file: string, data: Buffer) => void,
  ) {}

  cut(): void {
    if (this.pos === this.batchStart) return;
    this.onBatch(this, this.spool!, this.arena.subarray(this.batchStart, this.pos));
    this.batchStart = this.pos;
  }

  /** Room for `bytes` more; a piece that does not fit continues in a fresh buffer. */
  room(bytes: number): void {
    this.spool ??= this.files.name(`${this.kind}.copy`);
    if (this.arena.length - this.pos >= bytes) return;
    this.cut();
    this.arena = Buffer.allocUnsafe(Math.max(2 << 20, bytes));
    this.pos = 0;
    this.batchStart = 0;
  }

  added(): void {
    this.rows += 1;
    if (this.pos - this.batchStart > this.batchChars) this.cut();
  }

  /** After flush() wrote every batch: the arena is free again. */
  reset(): void {
    this.arena = this.main;
    this.pos = 0;
    this.batchStart = 0;
  }

  /** The chunk's records of this kind handed over; a new chunk starts empty. */
  take(): { rows: number; months: string[]; spool: string | null; deltas: ChunkDeltas } {
    this.cut();
    const taken = { rows: this.rows, months: [...this.months].map(monthText), spool: this.spool, deltas: this.deltas };
    this.rows = 0;
    this.months = new Set();
    this.deltas = new ChunkDeltas();
    this.spool = null;
    return taken;
  }

  async closeFile(): Promise<void> {
    await this.out?.close();
    this.out = null;
  }
}

/** What the current piece of the file produced, in order; written out (awaited) after it. */
type Step =
  | { kind: "batch"; part: Part; file: string; data: Buffer }
  | { kind: "end"; chunk: Chunk; deltas: [ChunkDeltas, ChunkDeltas] };

/**
 * The chunk being built: records of partitioned months and of fresh ones (no partition yet: a
 * second connection stores them, fresh.ts), reversal lines, and the policy deciding where it ends.
 */
export class ChunkSpool {
  readonly records: Part;
  readonly fresh: Part;
  private steps: Step[] = [];
  private readonly policy: ChunkPolicy;
  // Reversal lines are kept as bytes: a string built from fields would keep alive the whole
  // decoded piece of the file each field was sliced from.
  private reversals: Buffer[] = [];
  private reversalRows = 0;
  private reversalText = "";
  private lastMonth = -1;
  private lastPart: Part | null = null;
  private cutAtMonth = false;

  constructor(
    private readonly files: ScratchFiles,
    /** Months (YYYYMM) the database has a partition for. */
    private readonly partitioned: ReadonlySet<number>,
    chunkRows: number,
    private readonly batchChars: number,
  ) {
    const onBatch = (part: Part, file: string, data: Buffer) => this.steps.push({ kind: "batch", part, file, data });
    this.records = new Part("records", files, batchChars, onBatch);
    this.fresh = new Part("fresh", files, batchChars, onBatch);
    this.policy = new ChunkPolicy(chunkRows);
  }

  /** The part a record of month `m` (YYYYMM) goes to; a chunk past its soft size ends here. */
  partOf(m: number): Part {
    if (m === this.lastMonth) return this.lastPart!;
    if (this.cutAtMonth) this.endChunk();
    const p = this.partitioned.has(m) ? this.records : this.fresh;
    p.months.add(m);
    this.lastMonth = m;
    this.lastPart = p;
    return p;
  }

  addReversal(line: string): void {
    this.reversalText += line;
    this.reversalRows += 1;
    if (this.reversalText.length > this.batchChars) {
      this.reversals.push(Buffer.from(this.reversalText, "utf8"));
      this.reversalText = "";
    }
  }

  /** After every valid row: the chunk policy decides whether the chunk ends. */
  afterRow(): void {
    const { records: r, fresh: f } = this;
    const decision = this.policy.decide(
      r.rows + f.rows,
      r.deltas.keys + f.deltas.keys,
      r.deltas.full || f.deltas.full,
      this.reversalRows,
    );
    if (decision === "end") this.endChunk();
    else if (decision === "endAtMonth") this.cutAtMonth = true;
  }

  /** The end of the file: the last chunk, if it holds anything. */
  finish(): void {
    if (this.records.rows || this.fresh.rows || this.reversalRows) this.endChunk();
  }

  private endChunk(): void {
    if (this.reversalText) this.reversals.push(Buffer.from(this.reversalText, "utf8"));
    const r = this.records.take();
    const f = this.fresh.take();
    this.steps.push({
      kind: "end",
      chunk: {
        rows: r.rows,
        months: r.months,
        spool: r.spool,
        freshRows: f.rows,
        freshMonths: f.months,
        freshSpool: f.spool,
        deltas: null,
        freshDeltas: null,
        reversals: this.reversals,
      },
      deltas: [r.deltas, f.deltas],
    });
    this.reversals = [];
    this.reversalRows = 0;
    this.reversalText = "";
    this.lastMonth = -1;
    this.lastPart = null;
    this.cutAtMonth = false;
    this.policy.ended();
  }

  /**
   * Batches to their chunk's spools; an ended chunk's spools closed, its deltas written out, the
   * chunk handed over by `push` (which waits while the merge is CHUNKS_AHEAD behind).
   */
  async flush(push: (chunk: Chunk) => Promise<void>): Promise<void> {
    this.records.cut();
    this.fresh.cut();
    const todo = this.steps;
    this.steps = [];
    for (const step of todo) {
      if (step.kind === "batch") {
        step.part.out ??= await fs.promises.open(step.file, "w");
        await writeAll(step.part.out, step.data);
        continue;
      }
      await this.closeFiles();
      const c = step.chunk;
      c.deltas = await writeDeltas(this.files, step.deltas[0], c.rows);
      c.freshDeltas = await writeDeltas(this.files, step.deltas[1], c.freshRows);
      await push(c);
    }
    this.records.reset();
    this.fresh.reset();
  }

  async closeFiles(): Promise<void> {
    await this.records.closeFile();
    await this.fresh.closeFile();
  }
}
