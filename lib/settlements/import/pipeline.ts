// Imports of settlement CSV files (UI upload, API push, demo seed, benchmark) as a pipeline of
// named stages (decision 007):
//   read (read.ts) → decode/validate (decode.ts) → spool (spool.ts, chunk-policy.ts)
//   → merge (merge.ts) → finalize (finalize.ts)
// The first three run as the producer, writing chunks to disk up to CHUNKS_AHEAD ahead of the
// merge, which runs on the import's connection in one transaction. Memory stays flat: rows are
// never held, only each chunk's summed deltas and a capped list of rejections. An import that
// fails leaves nothing behind except its FAILED entry in the import log.
import type pg from "pg";
import { lockForTransaction } from "../../db/locks";
import { Channel } from "../channel";
import { FreshRecords, dropOrphanStaging, partitionedMonths } from "../fresh";
import { MERGE_DDL } from "../merge";
import { CHUNK_ROWS } from "./chunk-policy";
import { RowDecoder } from "./decode";
import { failImport, finalizeImport } from "./finalize";
import { mergeChunks } from "./merge";
import { readFile } from "./read";
import { ChunkSpool, ScratchFiles } from "./spool";
import { newOutcome, type Chunk, type ImportOptions, type ImportOutcome, type StageTimes } from "./types";

/** Chunks the parser may have finished ahead of the merging connection (on disk). */
const CHUNKS_AHEAD = 2;

async function loadRegionCodes(client: pg.ClientBase): Promise<Set<string>> {
  const res = await client.query<{ code: string }>("select code from region where code <> '000000'");
  return new Set(res.rows.map((r) => r.code));
}

async function openImportLog(client: pg.ClientBase, opts: ImportOptions): Promise<number> {
  const log = await client.query<{ id: number }>(
    `insert into settlement_import (user_id, region_code, source, file_name) values ($1, $2, $3, $4) returning id`,
    [opts.actor?.id ?? null, opts.actor?.regionCode ?? null, opts.source, opts.fileName ?? null],
  );
  return log.rows[0]!.id;
}

/** The import's transaction, its scratch tables and the lock that serialises imports. */
async function beginImport(client: pg.ClientBase): Promise<Set<number>> {
  // The delta tables of a chunk outgrow the default 8 MB of temp buffers; settable only before
  // the session's first temp table (a reused connection keeps what it had).
  await client.query("set temp_buffers = '64MB'").catch(() => undefined);
  await client.query("begin");
  for (const ddl of MERGE_DDL) await client.query(ddl);
  await client.query("set local work_mem = '256MB'");
  await lockForTransaction(client, "settlementImport");
  await dropOrphanStaging(client);
  // Months the database has a partition for: their records go through this connection (the key
  // index refuses re-sent rows); the others ("fresh" months) through a second connection (fresh.ts).
  return partitionedMonths(client);
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
  const importId = await openImportLog(client, opts);
  const outcome = newOutcome(importId);
  const chunks = new Channel<Chunk>(CHUNKS_AHEAD);
  const files = ScratchFiles.forImport(importId);
  const fresh = new FreshRecords(client, importId);
  const ms: StageTimes = { wait: 0, copy: 0, fresh: 0, slow: 0, reversals: 0, cubes: 0 };
  let spool: ChunkSpool | null = null;
  let producing: Promise<void> = Promise.resolve();
  try {
    const started = Date.now();
    const partitioned = await beginImport(client);
    spool = new ChunkSpool(files, partitioned, opts.chunkRows ?? CHUNK_ROWS, opts.batchChars ?? 65536);
    const decoder = new RowDecoder({ importId, regions, scopePrefix: opts.scopePrefix }, spool, outcome);
    producing = readFile(body, decoder, spool, outcome, (c) => chunks.push(c)).then(
      () => chunks.close(),
      (e: unknown) => chunks.fail(e),
    );
    outcome.accepted += await mergeChunks(client, chunks, fresh, importId, ms);
    await producing;
    await finalizeImport(client, fresh, outcome, decoder.valid, opts, ms, started);
    return outcome;
  } catch (e) {
    chunks.fail(e);
    await Promise.allSettled([producing]);
    await spool?.closeFiles().catch(() => undefined);
    throw await failImport(client, fresh, outcome, e);
  } finally {
    // Spools are scratch: removed whatever happened.
    await files.removeAll();
  }
}
