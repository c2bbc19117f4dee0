// Imports of settlement CSV files (UI upload, API push, demo seed, benchmark): stream → decode →
// validate row by row (cube deltas summed on the way) → COPY straight into the monthly
// partitions, chunk by chunk, with a set-based slow path for duplicates. Memory stays flat: rows
// are never held, only each chunk's summed deltas and a capped list of rejections. One
// transaction: an import that fails leaves nothing behind except its FAILED entry in the import log.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Actor } from "../auth/actor";
import { canImportSettlements } from "../auth/policy";
import { regionPrefix } from "../auth/roles";
import { databaseUrl } from "../env";
import { ForbiddenError, ValidationError, type MessageRef } from "../errors";
import { logger } from "../logger";
import { CSV_COLUMNS } from "./codes";
import { CsvEncodingError, CsvLines, csvPieces, mapHeader, recordLine, reversalLine, splitFields, validateRow, type ColumnIndex, type CsvEncoding } from "./csv";
import { Channel } from "./channel";
import { ChunkDeltas, type DeltaTable } from "./deltas";
import { dayNumber, fastContext, fastReversalLine, FastRow, MAX_FAST_LINE, parseFast, writeRecordLine, type FastContext } from "./fastrow";
import { applyReversals, copyRecords, ensurePartitions, flushDeltas, loadDeltas, MERGE_DDL, mergeSpooled } from "./merge";

/**
 * Records per chunk (one savepoint, one cube upsert). The first chunks are smaller (an eighth,
 * a quarter, a half) so the database starts early; a chunk also ends at MAX_CHUNK_KEYS cube
 * keys or MAX_CHUNK_REVERSALS reversals, which bounds the parser's memory.
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

  // The chunk being parsed.
  let target = Math.max(1, Math.floor(chunkRows / 8));
  let rows = 0;
  let months = new Set<number>();
  let lastMonth = -1;
  let deltas = new ChunkDeltas();
  // Reversal lines are kept as bytes: a string built from fields would keep alive the whole
  // decoded piece of the file each field was sliced from.
  let reversals: Buffer[] = [];
  let reversalRows = 0;
  let reversalText = "";
  let spoolPath: string | null = null;
  // What the current piece of the file produced, in order; written out (awaited) after it.
  type Step = { kind: "batch"; file: string; data: Buffer } | { kind: "end"; chunk: Chunk; deltas: ChunkDeltas };
  let steps: Step[] = [];

  // The COPY text of one piece of the file is written as bytes into one reusable arena (a Buffer
  // per batch would be a gigabyte of garbage for a 10 M-row file); flush() writes it out before
  // the next piece is parsed. A piece that does not fit continues in a fresh buffer.
  const mainArena = Buffer.allocUnsafe(4 << 20);
  let arena = mainArena;
  let pos = 0;
  let batchStart = 0;
  const cutBatch = () => {
    if (pos === batchStart) return;
    steps.push({ kind: "batch", file: spoolPath!, data: arena.subarray(batchStart, pos) });
    batchStart = pos;
  };
  const room = (bytes: number) => {
    if (arena.length - pos >= bytes) return;
    cutBatch();
    arena = Buffer.allocUnsafe(Math.max(4 << 20, bytes));
    pos = 0;
    batchStart = 0;
  };
  const importIdBytes = Buffer.from(String(importId), "latin1");
  const monthText = (m: number) => `${Math.floor(m / 100)}-${String(m % 100).padStart(2, "0")}`;
  const endChunk = () => {
    cutBatch();
    if (reversalText) reversals.push(Buffer.from(reversalText, "utf8"));
    steps.push({ kind: "end", chunk: { rows, months: [...months].map(monthText), spool: spoolPath, deltas: null, reversals }, deltas });
    rows = 0;
    months = new Set();
    lastMonth = -1;
    deltas = new ChunkDeltas();
    reversals = [];
    reversalRows = 0;
    reversalText = "";
    spoolPath = null;
    target = Math.min(chunkRows, target * 2);
  };
  const afterRow = () => {
    if (pos - batchStart > batchChars) cutBatch();
    if (rows >= target || deltas.keys >= MAX_CHUNK_KEYS || deltas.full || reversalRows >= MAX_CHUNK_REVERSALS) endChunk();
  };
  const addReversal = (line: string) => {
    reversalText += line;
    reversalRows += 1;
    if (reversalText.length > batchChars) {
      reversals.push(Buffer.from(reversalText, "utf8"));
      reversalText = "";
    }
  };
  const addMonth = (m: number) => {
    if (m !== lastMonth) {
      months.add(m);
      lastMonth = m;
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
      spoolPath ??= scratch("records.copy");
      addMonth(Math.floor(dayNumber(row.beijingDay) / 100));
      const text = recordLine(row, importId);
      room(text.length * 3);
      pos += arena.write(text, pos, "utf8");
      rows += 1;
      deltas.add(row);
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
      spoolPath ??= scratch("records.copy");
      addMonth(Math.floor(fr.day / 100));
      room(MAX_FAST_LINE);
      pos = writeRecordLine(buf, fr, importIdBytes, arena, pos);
      rows += 1;
      deltas.addKeys(fr.day, fr.visit, fr.home, fr.inst, fr.service, fr.filing, fr.status === 0, fr.totalFen, fr.fundFen);
    }
    afterRow();
    return true;
  };

  const write = async (fh: fs.promises.FileHandle, data: Buffer | string) => {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    for (let at = 0; at < bytes.length; ) at += (await fh.write(bytes, at)).bytesWritten;
  };
  let out: fs.promises.FileHandle | null = null;
  // Batches to their chunk's spool; an ended chunk's spool closed, its deltas written out, the
  // chunk handed over (waiting while CHUNKS_AHEAD are queued).
  async function flush(): Promise<void> {
    if (spoolPath) cutBatch();
    const todo = steps;
    steps = [];
    for (const step of todo) {
      if (step.kind === "batch") {
        out ??= await fs.promises.open(step.file, "w");
        await write(out, step.data);
        continue;
      }
      await out?.close();
      out = null;
      const c = step.chunk;
      if (c.rows) {
        const files = { d_month: scratch("d_month.copy"), d_day: scratch("d_day.copy"), d_inst: scratch("d_inst.copy") };
        for (const t of ["d_month", "d_day", "d_inst"] as const) {
          const fh = await fs.promises.open(files[t], "w");
          try {
            for (const piece of step.deltas.copyText(t)) await write(fh, piece);
          } finally {
            await fh.close();
          }
        }
        c.deltas = files;
      }
      await chunks.push(c);
    }
    arena = mainArena;
    pos = 0;
    batchStart = 0;
  }
  async function produce(): Promise<void> {
    const lines = new CsvLines(onFastLine, onLine);
    for await (const piece of csvPieces(body, (e) => (outcome.encoding = e))) {
      lines.push(piece, outcome.encoding!);
      await flush();
    }
    lines.end();
    if (index === null) throw new ValidationError({ file: [{ key: "statistics.import.errors.empty" }] });
    if (rows || reversalRows) endChunk();
    await flush();
  }
  const ms = { wait: 0, copy: 0, slow: 0, reversals: 0, cubes: 0 };
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
    producing = produce().then(
      () => chunks.close(),
      (e: unknown) => chunks.fail(e),
    );
    for (;;) {
      let t = Date.now();
      const c = await chunks.take();
      ms.wait += since(t);
      if (!c) break;
      await client.query("savepoint chunk");
      t = Date.now();
      if (c.spool) {
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
      }
      await client.query("release savepoint chunk");
      for (const f of [c.spool, ...Object.values(c.deltas ?? {})]) if (f) await fs.promises.rm(f, { force: true });
      t = Date.now();
      const rv = await applyReversals(client, importId, c.reversals, c.rows > 0);
      ms.reversals += since(t);
      outcome.accepted += rv.recorded;
      outcome.reversals += rv.cancelled;
      t = Date.now();
      await flushDeltas(client);
      ms.cubes += since(t);
    }
    await producing;
    logger.debug(
      `settlement import ${importId}: ${Date.now() - started} ms — waiting for the parser ${ms.wait}, COPY ${ms.copy}, slow path ${ms.slow}, reversals ${ms.reversals}, cube upserts ${ms.cubes}`,
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
    return outcome;
  } catch (e) {
    chunks.fail(e);
    await Promise.allSettled([producing]);
    await (out as fs.promises.FileHandle | null)?.close().catch(() => undefined);
    await client.query("rollback").catch(() => undefined);
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
  if (!canImportSettlements(actor)) throw new ForbiddenError();
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
