// Imports of settlement CSV files (UI upload, API push, demo seed, benchmark): stream → decode →
// validate row by row → COPY into a staging table → one set-based merge. Memory stays flat: rows
// are never held, only a capped list of rejections. One transaction: an import that fails
// leaves nothing behind except its FAILED entry in the import log.
import pg from "pg";
import type { Actor } from "../auth/actor";
import { canImportSettlements } from "../auth/policy";
import { regionPrefix } from "../auth/roles";
import { databaseUrl } from "../env";
import { ForbiddenError, ValidationError, type MessageRef } from "../errors";
import { logger } from "../logger";
import { CSV_COLUMNS } from "./codes";
import { copyLine, CsvEncodingError, decodeCsv, LineSplitter, mapHeader, splitFields, validateRow, type ColumnIndex, type CsvEncoding } from "./csv";
import { Channel } from "./channel";
import { copyIntoStaging, dropOrphanStaging, MERGE_DDL, mergeStaged, stagingTableDdl, stagingTableName, type StagedChunk } from "./merge";

/** Rows copied and merged per step; the producer runs up to QUEUE_BYTES of COPY text ahead. */
export const CHUNK_ROWS = 2_000_000;
const QUEUE_BYTES = 16 * 1024 * 1024;

/** Validated rows as COPY text, with what the merge needs to know about them. */
interface Batch {
  text: string;
  rows: number;
  months: Set<string>;
  /** File lines of the first and last row (0 = none yet). */
  firstRow: number;
  lastRow: number;
}

const emptyBatch = (): Batch => ({ text: "", rows: 0, months: new Set(), firstRow: 0, lastRow: 0 });

/** A batch as queued: flattened to bytes at once (a string built by `+=` is a rope of small strings, several times its length in heap). */
interface QueuedBatch {
  data: Buffer;
  batch: Batch;
}

const queued = (b: Batch): QueuedBatch => ({ data: Buffer.from(b.text, "utf8"), batch: { ...b, text: "" } });

/** COPY bytes of the next queued batches, until `maxRows` rows (whole batches) or the end; fills `into`. */
async function* takeRows(queue: Channel<QueuedBatch>, maxRows: number, into: Batch): AsyncGenerator<Buffer> {
  while (into.rows < maxRows) {
    const item = await queue.take();
    if (!item) return;
    const b = item.batch;
    into.rows += b.rows;
    into.firstRow ||= b.firstRow;
    into.lastRow = b.lastRow;
    for (const m of b.months) into.months.add(m);
    yield item.data;
  }
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
  /** The database `client` is connected to, for the staging connection (default: DATABASE_URL). */
  connectionString?: string;
  /** Rows per merge step and characters per queued batch (defaults: CHUNK_ROWS, 64 KiB); tests make them small. */
  chunkRows?: number;
  batchChars?: number;
}

async function loadRegionCodes(client: pg.ClientBase): Promise<Set<string>> {
  const res = await client.query<{ code: string }>("select code from region where code <> '000000'");
  return new Set(res.rows.map((r) => r.code));
}

/**
 * Imports one CSV stream on `client` (a dedicated connection: the staging table is a temp table
 * of that session). Throws ValidationError for a file that cannot be read at all (encoding,
 * header); row problems are reported in the outcome.
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
  // The file is parsed and validated by a producer that runs up to QUEUE_BYTES of COPY text ahead
  // of the staging connection, which copies chunks of ~CHUNK_ROWS rows into tables of their own
  // while this connection merges the chunk before, in one transaction (decision 007).
  const queue = new Channel<QueuedBatch>(QUEUE_BYTES, (q) => q.data.length);
  let lineNo = 0;
  let index: ReturnType<typeof mapHeader> | null = null;
  let batch: Batch = emptyBatch();
  // Batches completed while a decoded chunk was split (synchronously), queued right after it.
  const ready: Batch[] = [];
  const batchChars = opts.batchChars ?? 65536;
  const onLine = (line: string) => {
    lineNo += 1;
    if (index === null) {
      index = mapHeader(line);
      if (!index.ok) {
        throw new ValidationError({
          file: [{ key: "statistics.import.errors.header", params: { missing: index.missing.join(", "), expected: CSV_COLUMNS.join(",") } }],
        });
      }
      return;
    }
    if (line.length === 0 || line.trim() === "") return;
    outcome.rowsRead += 1;
    const result = validateRow(splitFields(line), { index: (index as { index: ColumnIndex }).index, regions, scopePrefix: opts.scopePrefix });
    if (result.ok) {
      batch.rows += 1;
      batch.firstRow ||= lineNo;
      batch.lastRow = lineNo;
      // Beijing months of the SETTLED/FAILED rows: their partitions must exist before the merge.
      if (result.row.status !== "R") batch.months.add(result.row.beijingDay.slice(0, 7));
      batch.text += copyLine(lineNo, result.row);
      if (batch.text.length > batchChars) {
        ready.push(batch);
        batch = emptyBatch();
      }
    } else {
      outcome.rejectedTotal += 1;
      if (outcome.rejected.length < MAX_REJECTIONS_LISTED) outcome.rejected.push({ row: lineNo, field: result.field, error: result.error });
    }
  };
  async function produce(): Promise<void> {
    // Lines are handled synchronously within each decoded chunk, then its batches are queued.
    const splitter = new LineSplitter();
    for await (const chunk of decodeCsv(body, (e) => (outcome.encoding = e))) {
      splitter.push(chunk, onLine);
      for (const b of ready.splice(0)) await queue.push(queued(b));
    }
    splitter.end(onLine);
    if (index === null) throw new ValidationError({ file: [{ key: "statistics.import.errors.empty" }] });
    if (batch.rows) await queue.push(queued(batch));
  }

  // A second connection stages chunks while this one merges: COPY of chunk k+1 (and the parsing
  // feeding it) runs beside the merge of chunk k.
  const stager = new pg.Client({ connectionString: opts.connectionString ?? databaseUrl() });
  const staged = new Channel<StagedChunk>(2);
  const tables: string[] = [];
  async function stage(): Promise<void> {
    await dropOrphanStaging(stager);
    for (let k = 1; ; k++) {
      const table = stagingTableName(importId, k);
      await stager.query(stagingTableDdl(table));
      tables.push(table);
      const chunk = emptyBatch();
      await copyIntoStaging(stager, table, takeRows(queue, opts.chunkRows ?? CHUNK_ROWS, chunk));
      if (chunk.rows === 0) break;
      // Row estimates for the merge's joins.
      await stager.query(`analyze ${table}`);
      await staged.push({ table, months: [...chunk.months], rows: chunk.rows, firstRow: chunk.firstRow, lastRow: chunk.lastRow });
    }
    staged.close();
  }

  let producing: Promise<void> = Promise.resolve();
  let staging: Promise<void> = Promise.resolve();
  try {
    const started = Date.now();
    await stager.connect();
    await client.query("begin");
    await client.query(MERGE_DDL);
    await client.query("set local work_mem = '256MB'");
    const stop = (e: unknown) => {
      queue.fail(e);
      staged.fail(e);
    };
    producing = produce().then(() => queue.close(), stop);
    staging = stage().catch(stop);
    let valid = 0;
    let waitMs = 0;
    for (;;) {
      const t = Date.now();
      const chunk = await staged.take();
      waitMs += Date.now() - t;
      if (!chunk) break;
      valid += chunk.rows;
      const merged = await mergeStaged(client, importId, chunk);
      outcome.accepted += merged.accepted;
      outcome.reversals += merged.reversals;
    }
    await producing;
    await staging;
    logger.debug(`settlement import ${importId}: waiting for staging ${waitMs} ms, merging ${Date.now() - started - waitMs} ms`);
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
    queue.fail(e);
    staged.fail(e);
    await Promise.allSettled([producing, staging]);
    await client.query("rollback").catch(() => undefined);
    await client
      .query(`update settlement_import set state = 'FAILED', rows_read = $2, finished_at = now() where id = $1`, [importId, outcome.rowsRead])
      .catch(() => undefined);
    if (e instanceof CsvEncodingError) throw new ValidationError({ file: [{ key: "statistics.import.errors.encoding" }] });
    throw e;
  } finally {
    // Staging is scratch: dropped whatever happened (orphans of a dead process go at the next import).
    for (const t of tables) await stager.query(`drop table if exists ${t}`).catch(() => undefined);
    await stager.end().catch(() => undefined);
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
