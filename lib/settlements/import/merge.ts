// The merge stage of the settlement import: chunk after chunk from the spool, in the import's
// transaction. Records of partitioned months are COPYed straight into their partitions (the key
// index refuses re-sent rows: then the chunk goes the set-based slow way); records of fresh
// months go to the second connection (fresh.ts); reversals are staged; the chunk's cube deltas
// are upserted. Spool files are removed as soon as their chunk is in.
import fs from "node:fs";
import type pg from "pg";
import type { Channel } from "../channel";
import type { FreshRecords } from "../fresh";
import { copyRecords, ensurePartitions, flushDeltas, loadDeltas, mergeSpooled, recordReversals } from "../merge";
import type { Chunk, StageTimes } from "./types";

const since = (t: number) => Date.now() - t;

/** Merges every chunk the spool hands over; returns the records accepted. */
export async function mergeChunks(
  client: pg.ClientBase,
  chunks: Channel<Chunk>,
  fresh: FreshRecords,
  importId: number,
  ms: StageTimes,
): Promise<number> {
  let accepted = 0;
  for (;;) {
    const t = Date.now();
    const c = await chunks.take();
    ms.wait += since(t);
    if (!c) return accepted;
    accepted += await mergeChunk(client, c, fresh, importId, ms);
  }
}

async function mergeChunk(
  client: pg.ClientBase,
  c: Chunk,
  fresh: FreshRecords,
  importId: number,
  ms: StageTimes,
): Promise<number> {
  let accepted = 0;
  if (c.spool) accepted += await mergeRecords(client, c, ms);
  if (c.freshSpool) {
    // Copied by the second connection while this one goes on (rows repeated in the file are
    // found when its key index is built, and taken back then).
    const t = Date.now();
    await fresh.add(c.freshSpool, c.freshMonths);
    ms.fresh += since(t);
    accepted += c.freshRows;
    await loadDeltas(client, c.freshDeltas!);
  }
  for (const f of [c.spool, ...Object.values(c.deltas ?? {}), ...Object.values(c.freshDeltas ?? {})])
    if (f) await fs.promises.rm(f, { force: true });
  let t = Date.now();
  accepted += await recordReversals(client, importId, c.reversals);
  ms.reversals += since(t);
  t = Date.now();
  await flushDeltas(client);
  ms.cubes += since(t);
  return accepted;
}

/** The chunk's records of partitioned months: one COPY, or the slow path when a key repeats. */
async function mergeRecords(client: pg.ClientBase, c: Chunk, ms: StageTimes): Promise<number> {
  let accepted: number;
  await client.query("savepoint chunk");
  const t = Date.now();
  await ensurePartitions(client, c.months);
  if (await copyRecords(client, c.spool!)) {
    ms.copy += since(t);
    accepted = c.rows;
    await loadDeltas(client, c.deltas!);
  } else {
    // A key already there (or twice in the file): this chunk the slow way.
    await client.query("rollback to savepoint chunk");
    accepted = await mergeSpooled(client, c.spool!, c.months);
    ms.slow += since(t);
  }
  await client.query("release savepoint chunk");
  return accepted;
}
