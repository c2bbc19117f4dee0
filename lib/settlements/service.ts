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
import { copyIntoStaging, mergeStaged, STAGING_DDL } from "./merge";

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
  let valid = 0;
  // Beijing months of the SETTLED/FAILED rows: their partitions must exist before the merge.
  const months = new Set<string>();

  async function* copyText(): AsyncGenerator<string> {
    let lineNo = 0;
    let index: ReturnType<typeof mapHeader> | null = null;
    let batch = "";
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
        valid += 1;
        if (result.row.status !== "R") months.add(result.row.beijingDay.slice(0, 7));
        batch += copyLine(lineNo, result.row);
      } else {
        outcome.rejectedTotal += 1;
        if (outcome.rejected.length < MAX_REJECTIONS_LISTED) outcome.rejected.push({ row: lineNo, field: result.field, error: result.error });
      }
    };
    // Lines are handled synchronously within each decoded chunk; one COPY write per chunk.
    const splitter = new LineSplitter();
    for await (const chunk of decodeCsv(body, (e) => (outcome.encoding = e))) {
      splitter.push(chunk, onLine);
      if (batch.length > 65536) {
        yield batch;
        batch = "";
      }
    }
    splitter.end(onLine);
    if (index === null) throw new ValidationError({ file: [{ key: "statistics.import.errors.empty" }] });
    if (batch) yield batch;
  }

  try {
    const started = Date.now();
    await client.query("begin");
    await client.query(STAGING_DDL);
    await copyIntoStaging(client, copyText());
    const copied = Date.now();
    await client.query("set local work_mem = '256MB'");
    const merged = await mergeStaged(client, importId, [...months]);
    logger.debug(`settlement import ${importId}: parse+copy ${copied - started} ms, merge ${Date.now() - copied} ms`);
    outcome.accepted = merged.accepted;
    outcome.reversals = merged.reversals;
    outcome.duplicates = valid - merged.accepted;
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
    await client.query("rollback").catch(() => undefined);
    await client
      .query(`update settlement_import set state = 'FAILED', rows_read = $2, finished_at = now() where id = $1`, [importId, outcome.rowsRead])
      .catch(() => undefined);
    if (e instanceof CsvEncodingError) throw new ValidationError({ file: [{ key: "statistics.import.errors.encoding" }] });
    throw e;
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
    // Staging lives in temp buffers; larger ones spare disk writes for typical nightly files.
    await client.query("set temp_buffers = '64MB'");
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
