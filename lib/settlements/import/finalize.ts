// The finalize stage of the settlement import: once every chunk is in, the fresh months' records
// are indexed and attached (repeats taken back), reversals matched in one pass whichever came
// first, the last cube deltas upserted, the import log and the audit written, and the transaction
// committed. failImport is its counterpart when anything went wrong.
import type pg from "pg";
import { recordAuditPg } from "../../audit/service";
import { dispatchCacheEvent } from "../../db/events";
import { ValidationError } from "../../errors";
import { logger } from "../../logger";
import { CsvEncodingError } from "../csv";
import type { FreshRecords } from "../fresh";
import { addMovedDeltas, flushDeltas, matchReversals } from "../merge";
import type { ImportOptions, ImportOutcome, StageTimes } from "./types";

const since = (t: number) => Date.now() - t;

/** Completes the import in its transaction and commits it; `valid` is the count of valid rows. */
export async function finalizeImport(
  client: pg.ClientBase,
  fresh: FreshRecords,
  outcome: ImportOutcome,
  valid: number,
  opts: ImportOptions,
  ms: StageTimes,
  started: number,
): Promise<void> {
  let t = Date.now();
  const repeated = await fresh.finish();
  outcome.accepted -= repeated;
  if (repeated) await addMovedDeltas(client, -1);
  await fresh.attach();
  ms.fresh += since(t);
  t = Date.now();
  outcome.reversals += await matchReversals(client);
  ms.reversals += since(t);
  t = Date.now();
  await flushDeltas(client);
  ms.cubes += since(t);
  logger.debug(
    `settlement import ${outcome.importId}: ${Date.now() - started} ms — waiting for the parser ${ms.wait}, COPY ${ms.copy}, waiting for the fresh months' connection ${ms.fresh}, slow path ${ms.slow}, reversals ${ms.reversals}, cube upserts ${ms.cubes}`,
  );
  outcome.duplicates = valid - outcome.accepted;
  await writeImportLog(client, outcome);
  if (opts.actor) await auditImport(client, outcome, opts.actor, opts.fileName ?? null);
  await client.query("commit");
  // Dashboards cached in this process show the import at once (others hear the trigger's notification).
  dispatchCacheEvent("statistics");
  await fresh.close(false);
}

async function writeImportLog(client: pg.ClientBase, outcome: ImportOutcome): Promise<void> {
  await client.query(
    `update settlement_import set state = 'DONE', encoding = $2, rows_read = $3, accepted = $4, duplicates = $5,
            rejected = $6, reversals = $7, finished_at = now() where id = $1`,
    [
      outcome.importId,
      outcome.encoding,
      outcome.rowsRead,
      outcome.accepted,
      outcome.duplicates,
      outcome.rejectedTotal,
      outcome.reversals,
    ],
  );
}

async function auditImport(
  client: pg.ClientBase,
  outcome: ImportOutcome,
  actor: NonNullable<ImportOptions["actor"]>,
  fileName: string | null,
): Promise<void> {
  await recordAuditPg(client, {
    actor,
    action: "IMPORT",
    entityType: "SettlementImport",
    entityId: String(outcome.importId),
    entityRegion: actor.regionCode,
    after: {
      fileName,
      rowsRead: outcome.rowsRead,
      accepted: outcome.accepted,
      duplicates: outcome.duplicates,
      rejected: outcome.rejectedTotal,
      reversals: outcome.reversals,
    },
  });
}

/**
 * An import that failed leaves nothing behind except its FAILED entry in the import log. Returns
 * the error to throw: an undecodable file is the caller's validation error.
 */
export async function failImport(
  client: pg.ClientBase,
  fresh: FreshRecords,
  outcome: ImportOutcome,
  e: unknown,
): Promise<unknown> {
  await client.query("rollback").catch(() => undefined);
  await fresh.close(true).catch(() => undefined);
  await client
    .query(`update settlement_import set state = 'FAILED', rows_read = $2, finished_at = now() where id = $1`, [
      outcome.importId,
      outcome.rowsRead,
    ])
    .catch(() => undefined);
  return e instanceof CsvEncodingError
    ? new ValidationError({ file: [{ key: "statistics.import.errors.encoding" }] })
    : e;
}
