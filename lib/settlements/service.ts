// Imports of settlement CSV files (UI upload, API push, demo seed, benchmark): stream → decode →
// validate row by row (cube deltas summed on the way) → COPY straight into the monthly
// partitions, chunk by chunk, with a set-based slow path for duplicates. Memory stays flat: rows
// are never held, only each chunk's summed deltas and a capped list of rejections. One
// transaction: an import that fails leaves nothing behind except its FAILED entry in the import log.
import { dispatchCacheEvent } from "../db/events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Actor } from "../auth/actor";
import { regionPrefix } from "../auth/roles";
import { databaseUrl } from "../env";
import { ValidationError, type MessageRef } from "../errors";
import { logger } from "../logger";
import { CSV_COLUMNS } from "./codes";
import { CsvEncodingError, CsvLines, csvPieces, mapHeader, recordLine, reversalLine, splitFields, validateRow, type ColumnIndex, type CsvEncoding } from "./csv";
import { Channel } from "./channel";
import { ChunkDeltas, type DeltaTable } from "./deltas";
import { dayNumber, fastContext, fastReversalLine, FastRow, MAX_FAST_LINE, monthText, parseFast, writeRecordLine, type FastContext } from "./fastrow";
import { FreshRecords, dropOrphanStaging, partitionedMonths } from "./fresh";
import { addMovedDeltas, copyRecords, ensurePartitions, flushDeltas, loadDeltas, matchReversals, MERGE_DDL, mergeSpooled, recordReversals } from "./merge";
import { requireAnyRole } from "../auth/require-role";

/**
 * Records per chunk (one savepoint, one cube upsert). The first chunks are smaller (an eighth,
 * a quarter, a half) so the database starts early. Past this size, or half of MAX_CHUNK_KEYS
 * cube keys, a chunk ends where the next month starts; it ends anyway at twice this size,
 * MAX_CHUNK_KEYS cube keys or MAX_CHUNK_REVERSALS reversals, which bounds the parser's memory.
 */
export const CHUNK_ROWS = 2_000_000;
const MAX_CHUNK_KEYS = 200_000;
const MAX_CHUNK_REVERSALS = 100_000;
/** Chunks the parser may have finished ahead of the merging connection (on disk). */
const CHUNKS_AHEAD = 2;

/** One chunk of the file as the parser hands it over: everything bulky is in spool files. */
interface Chunk {
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

async function loadRegionCodes(client: pg.ClientBase): Promise<Set<string>> {
  const res = await client.query<{ code: string }>("select code from region where code <> '000000'");
  return new Set(res.rows.map((r) => r.code));
}

/**
 * Imports one CSV stream on `client` (a dedicated connection: the import's scratch tables are
 * temp tables of that session, and the whole import is one transaction on it). Throws
 * ValidationError for a file that cannot be read at all (encoding, header); row problems are
 * reported in the outcome.
 */
export async function importSettlementCsv(
  client: pg.ClientBase,
  body: AsyncIterable<Uint8Array>,
  opts: ImportOptions,
): Promise<ImportOutcome> {
  const regions = opts.regions ?? (await loadRegionCodes(client));
  const log = await client.query<{ id: number }>(
    `insert into settlement_import (user_id, region_code, source, file_name) values ($1, $2, $3, $4) returning id`,
    [opts.actor?.id ?? null, opts.actor?.regionCode ?? null, opts.source, opts.fileName ?? null],
  );
  const importId = log.rows[0]!.id;
  const outcome: ImportOutcome = {
    importId,
    encoding: null,
    rowsRead: 0,
    accepted: 0,
    duplicates: 0,
    rejected: [],
    rejectedTotal: 0,
    reversals: 0,
  };
  // The parser writes each chunk to spool files and runs up to CHUNKS_AHEAD chunks ahead of this
  // connection, which copies, merges and upserts chunk after chunk in one transaction
  // (decision 007). Memory holds one chunk's cube deltas and one batch of COPY text.
  const chunks = new Channel<Chunk>(CHUNKS_AHEAD);
  const chunkRows = opts.chunkRows ?? CHUNK_ROWS;
  const batchChars = opts.batchChars ?? 65536;
  const files: string[] = [];
  let fileNo = 0;
  const scratch = (name: string) => {
    const f = path.join(os.tmpdir(), `yibao-settlements-${process.pid}-${importId}-${++fileNo}-${name}`);
    files.push(f);
    return f;
  };
  let lineNo = 0;
  let valid = 0;
  let index: ReturnType<typeof mapHeader> | null = null;

  // Months the database has a partition for: their records go through this connection (the key
  // index refuses re-sent rows); the others ("fresh" months) through a second connection (fresh.ts).
  let partitioned = new Set<number>();
  const fresh = new FreshRecords(client, importId);

  // The chunk being parsed: a spool writer and deltas for each kind of month.
  let target = Math.max(1, Math.floor(chunkRows / 8));
  let reversals: Buffer[] = [];
  let reversalRows = 0;
  // Reversal lines are kept as bytes: a string built from fields would keep alive the whole
  // decoded piece of the file each field was sliced from.
  let reversalText = "";
  let lastMonth = -1;
  let lastPart: Part | null = null;
  let cutAtMonth = false;
  // What the current piece of the file produced, in order; written out (awaited) after it.
  type Step = { kind: "batch"; part: Part; file: string; data: Buffer } | { kind: "end"; chunk: Chunk; deltas: [ChunkDeltas, ChunkDeltas] };
  let steps: Step[] = [];

  /**
   * One kind of month's records of the chunk: COPY bytes written into a reusable arena (a Buffer
   * per batch would be a gigabyte of garbage for a 10 M-row file) and cut into batches, which
   * flush() writes to the spool file before the next piece of the file is parsed.
   */
  class Part {
    rows = 0;
    months = new Set<number>();
    deltas = new ChunkDeltas();
    spool: string | null = null;
    out: fs.promises.FileHandle | null = null;
    private readonly main = Buffer.allocUnsafe(2 << 20);
    arena = this.main;
    pos = 0;
    private batchStart = 0;

    constructor(readonly kind: "records" | "fresh") {}

    cut(): void {
      if (this.pos === this.batchStart) return;
      steps.push({ kind: "batch", part: this, file: this.spool!, data: this.arena.subarray(this.batchStart, this.pos) });
      this.batchStart = this.pos;
    }

    /** Room for `bytes` more; a piece that does not fit continues in a fresh buffer. */
    room(bytes: number): void {
      this.spool ??= scratch(`${this.kind}.copy`);
      if (this.arena.length - this.pos >= bytes) return;
      this.cut();
      this.arena = Buffer.allocUnsafe(Math.max(2 << 20, bytes));
      this.pos = 0;
      this.batchStart = 0;
    }

    added(): void {
      this.rows += 1;
      if (this.pos - this.batchStart > batchChars) this.cut();
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
  }
  const records = new Part("records");
  const freshRecords = new Part("fresh");
  /** The part of a record of month `m` (YYYYMM). */
  const partOf = (m: number): Part => {
    if (m === lastMonth) return lastPart!;
    // A chunk that reached its soft size ends where a month does: each month's cube rows are
    // then written once, as plain inserts.
    if (cutAtMonth) endChunk();
    const p = partitioned.has(m) ? records : freshRecords;
    p.months.add(m);
    lastMonth = m;
    lastPart = p;
    return p;
  };
  const importIdBytes = Buffer.from(String(importId), "latin1");

  const endChunk = () => {
    if (reversalText) reversals.push(Buffer.from(reversalText, "utf8"));
    const r = records.take();
    const f = freshRecords.take();
    steps.push({
      kind: "end",
      chunk: { rows: r.rows, months: r.months, spool: r.spool, freshRows: f.rows, freshMonths: f.months, freshSpool: f.spool, deltas: null, freshDeltas: null, reversals },
      deltas: [r.deltas, f.deltas],
    });
    reversals = [];
    reversalRows = 0;
    reversalText = "";
    lastMonth = -1;
    lastPart = null;
    cutAtMonth = false;
    target = Math.min(chunkRows, target * 2);
  };
  const afterRow = () => {
    const rows = records.rows + freshRecords.rows;
    const keys = records.deltas.keys + freshRecords.deltas.keys;
    if (rows >= 2 * target || keys >= MAX_CHUNK_KEYS || records.deltas.full || freshRecords.deltas.full || reversalRows >= MAX_CHUNK_REVERSALS) endChunk();
    else if (rows >= target || keys >= MAX_CHUNK_KEYS / 2) cutAtMonth = true;
  };
  const addReversal = (line: string) => {
    reversalText += line;
    reversalRows += 1;
    if (reversalText.length > batchChars) {
      reversals.push(Buffer.from(reversalText, "utf8"));
      reversalText = "";
    }
  };

  // The string path (csv.ts): the header, and every line the fast path declines — unusual but
  // valid shapes, and errors, which it names.
  let fast: FastContext | null = null;
  const onLine = (line: string) => {
    lineNo += 1;
    if (index === null) {
      index = mapHeader(line);
      if (!index.ok) {
        throw new ValidationError({
          file: [{ key: "statistics.import.errors.header", params: { missing: index.missing.join(", "), expected: CSV_COLUMNS.join(",") } }],
        });
      }
      fast = fastContext(index.index, regions, opts.scopePrefix);
      return;
    }
    if (line.length === 0 || line.trim() === "") return;
    outcome.rowsRead += 1;
    const result = validateRow(splitFields(line), { index: (index as { index: ColumnIndex }).index, regions, scopePrefix: opts.scopePrefix });
    if (!result.ok) {
      outcome.rejectedTotal += 1;
      if (outcome.rejected.length < MAX_REJECTIONS_LISTED) outcome.rejected.push({ row: lineNo, field: result.field, error: result.error });
      return;
    }
    const row = result.row;
    valid += 1;
    if (row.status === "R") addReversal(reversalLine(lineNo, row));
    else {
      const p = partOf(Math.floor(dayNumber(row.beijingDay) / 100));
      const text = recordLine(row, importId);
      p.room(text.length * 3);
      p.pos += p.arena.write(text, p.pos, "utf8");
      p.deltas.add(row);
      p.added();
    }
    afterRow();
  };

  // The fast path (fastrow.ts): a plain ASCII line, as bytes, straight into the arena and the deltas.
  const fr = new FastRow();
  const onFastLine = (buf: Buffer, s: number, e: number): boolean => {
    if (fast === null || e === s || !parseFast(buf, s, e, fast, fr)) return false;
    lineNo += 1;
    outcome.rowsRead += 1;
    valid += 1;
    if (fr.status === 2) addReversal(fastReversalLine(buf, fr, lineNo));
    else {
      const p = partOf(Math.floor(fr.day / 100));
      p.room(MAX_FAST_LINE);
      p.pos = writeRecordLine(buf, fr, importIdBytes, p.arena, p.pos);
      p.deltas.addKeys(fr.day, fr.visit, fr.home, fr.inst, fr.service, fr.filing, fr.status === 0, fr.totalFen, fr.fundFen);
      p.added();
    }
    afterRow();
    return true;
  };

  const write = async (fh: fs.promises.FileHandle, data: Buffer | string) => {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    for (let at = 0; at < bytes.length; ) at += (await fh.write(bytes, at)).bytesWritten;
  };
  /** A chunk's deltas as three COPY files (null: no records of that kind). */
  const writeDeltas = async (deltas: ChunkDeltas, rows: number): Promise<Record<DeltaTable, string> | null> => {
    if (!rows) return null;
    const out = { d_month: scratch("d_month.copy"), d_day: scratch("d_day.copy"), d_inst: scratch("d_inst.copy") };
    for (const t of ["d_month", "d_day", "d_inst"] as const) {
      const fh = await fs.promises.open(out[t], "w");
      try {
        for (const piece of deltas.copyText(t)) await write(fh, piece);
      } finally {
        await fh.close();
      }
    }
    return out;
  };
  // Batches to their chunk's spools; an ended chunk's spools closed, its deltas written out, the
  // chunk handed over (waiting while CHUNKS_AHEAD are queued).
  async function flush(): Promise<void> {
    records.cut();
    freshRecords.cut();
    const todo = steps;
    steps = [];
    for (const step of todo) {
      if (step.kind === "batch") {
        step.part.out ??= await fs.promises.open(step.file, "w");
        await write(step.part.out, step.data);
        continue;
      }
      for (const p of [records, freshRecords]) {
        await p.out?.close();
        p.out = null;
      }
      const c = step.chunk;
      c.deltas = await writeDeltas(step.deltas[0], c.rows);
      c.freshDeltas = await writeDeltas(step.deltas[1], c.freshRows);
      await chunks.push(c);
    }
    records.reset();
    freshRecords.reset();
  }
  async function produce(): Promise<void> {
    const lines = new CsvLines(onFastLine, onLine);
    for await (const piece of csvPieces(body, (e) => (outcome.encoding = e))) {
      lines.push(piece, outcome.encoding!);
      await flush();
    }
    lines.end();
    if (index === null) throw new ValidationError({ file: [{ key: "statistics.import.errors.empty" }] });
    if (records.rows || freshRecords.rows || reversalRows) endChunk();
    await flush();
  }

  const ms = { wait: 0, copy: 0, fresh: 0, slow: 0, reversals: 0, cubes: 0 };
  const since = (t: number) => Date.now() - t;
  let producing: Promise<void> = Promise.resolve();
  try {
    const started = Date.now();
    // The delta tables of a chunk outgrow the default 8 MB of temp buffers; settable only before
    // the session's first temp table (a reused connection keeps what it had).
    await client.query("set temp_buffers = '64MB'").catch(() => undefined);
    await client.query("begin");
    for (const ddl of MERGE_DDL) await client.query(ddl);
    await client.query("set local work_mem = '256MB'");
    // Imports are serialised: partitions and cube rows are never raced.
    await client.query("select pg_advisory_xact_lock(7007001)");
    await dropOrphanStaging(client);
    partitioned = await partitionedMonths(client);
    producing = produce().then(
      () => chunks.close(),
      (e: unknown) => chunks.fail(e),
    );
    for (;;) {
      let t = Date.now();
      const c = await chunks.take();
      ms.wait += since(t);
      if (!c) break;
      if (c.spool) {
        await client.query("savepoint chunk");
        t = Date.now();
        await ensurePartitions(client, c.months);
        if (await copyRecords(client, c.spool)) {
          ms.copy += since(t);
          outcome.accepted += c.rows;
          await loadDeltas(client, c.deltas!);
        } else {
          // A key already there (or twice in the file): this chunk the slow way.
          await client.query("rollback to savepoint chunk");
          outcome.accepted += await mergeSpooled(client, c.spool, c.months);
          ms.slow += since(t);
        }
        await client.query("release savepoint chunk");
      }
      if (c.freshSpool) {
        // Copied by the second connection while this one goes on (rows repeated in the file are
        // found when its key index is built, and taken back then).
        t = Date.now();
        await fresh.add(c.freshSpool, c.freshMonths);
        ms.fresh += since(t);
        outcome.accepted += c.freshRows;
        await loadDeltas(client, c.freshDeltas!);
      }
      for (const f of [c.spool, ...Object.values(c.deltas ?? {}), ...Object.values(c.freshDeltas ?? {})]) if (f) await fs.promises.rm(f, { force: true });
      t = Date.now();
      outcome.accepted += await recordReversals(client, importId, c.reversals);
      ms.reversals += since(t);
      t = Date.now();
      await flushDeltas(client);
      ms.cubes += since(t);
    }
    await producing;
    let t = Date.now();
    const repeated = await fresh.finish();
    outcome.accepted -= repeated;
    if (repeated) await addMovedDeltas(client, -1);
    await fresh.attach();
    ms.fresh += since(t);
    // Reversals once every record of the import is in: one pass, whichever came first.
    t = Date.now();
    outcome.reversals += await matchReversals(client);
    ms.reversals += since(t);
    t = Date.now();
    await flushDeltas(client);
    ms.cubes += since(t);
    logger.debug(
      `settlement import ${importId}: ${Date.now() - started} ms — waiting for the parser ${ms.wait}, COPY ${ms.copy}, waiting for the fresh months' connection ${ms.fresh}, slow path ${ms.slow}, reversals ${ms.reversals}, cube upserts ${ms.cubes}`,
    );
    outcome.duplicates = valid - outcome.accepted;
    await client.query(
      `update settlement_import set state = 'DONE', encoding = $2, rows_read = $3, accepted = $4, duplicates = $5,
              rejected = $6, reversals = $7, finished_at = now() where id = $1`,
      [importId, outcome.encoding, outcome.rowsRead, outcome.accepted, outcome.duplicates, outcome.rejectedTotal, outcome.reversals],
    );
    if (opts.actor) {
      await client.query(
        `insert into audit_log (actor_id, actor_name, actor_region, action, entity_type, entity_id, entity_region, after)
         values ($1, $2, $3, 'IMPORT', 'SettlementImport', $4, $3, $5)`,
        [
          opts.actor.id,
          `${opts.actor.displayName} (${opts.actor.username})`,
          opts.actor.regionCode,
          String(importId),
          JSON.stringify({
            fileName: opts.fileName ?? null,
            rowsRead: outcome.rowsRead,
            accepted: outcome.accepted,
            duplicates: outcome.duplicates,
            rejected: outcome.rejectedTotal,
            reversals: outcome.reversals,
          }),
        ],
      );
    }
    await client.query("commit");
    // Dashboards cached in this process show the import at once (others hear the trigger's notification).
    dispatchCacheEvent("statistics");
    await fresh.close(false);
    return outcome;
  } catch (e) {
    chunks.fail(e);
    await Promise.allSettled([producing]);
    for (const p of [records, freshRecords]) await p.out?.close().catch(() => undefined);
    await client.query("rollback").catch(() => undefined);
    await fresh.close(true).catch(() => undefined);
    await client
      .query(`update settlement_import set state = 'FAILED', rows_read = $2, finished_at = now() where id = $1`, [importId, outcome.rowsRead])
      .catch(() => undefined);
    if (e instanceof CsvEncodingError) throw new ValidationError({ file: [{ key: "statistics.import.errors.encoding" }] });
    throw e;
  } finally {
    // Spools are scratch: removed whatever happened.
    for (const f of files) await fs.promises.rm(f, { force: true }).catch(() => undefined);
  }
}

/** An analyst's import (UI upload or API push), on a connection of its own. */
export async function importSettlements(
  actor: Actor,
  body: AsyncIterable<Uint8Array> | null,
  meta: { source: "upload" | "api"; fileName?: string | null },
): Promise<ImportOutcome> {
  requireAnyRole(actor, ["ANALYST"]);
  if (!body) throw new ValidationError({ file: [{ key: "statistics.import.errors.empty" }] });
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const outcome = await importSettlementCsv(client, body, {
      source: meta.source,
      fileName: meta.fileName ?? null,
      scopePrefix: regionPrefix(actor.regionCode),
      actor,
    });
    logger.info(`settlement import ${outcome.importId}: ${outcome.accepted} accepted, ${outcome.duplicates} duplicates, ${outcome.rejectedTotal} rejected`);
    return outcome;
  } finally {
    await client.end();
  }
}
