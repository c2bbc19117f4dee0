// Settlement imports for analysts (UI upload, API push): the permission check and a connection of
// the import's own around the import pipeline (lib/settlements/import/pipeline.ts), which the demo
// seed and the benchmark call directly.
import pg from "pg";
import type { Actor } from "../auth/actor";
import { regionPrefix } from "../auth/roles";
import { databaseUrl } from "../env";
import { ValidationError } from "../errors";
import { logger } from "../logger";
import { importSettlementCsv } from "./import/pipeline";
import type { ImportOutcome } from "./import/types";
import { requireAnyRole } from "../auth/require-role";

export { importSettlementCsv } from "./import/pipeline";
export type { ImportOptions, ImportOutcome } from "./import/types";

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
    logger.info(
      `settlement import ${outcome.importId}: ${outcome.accepted} accepted, ${outcome.duplicates} duplicates, ${outcome.rejectedTotal} rejected`,
    );
    return outcome;
  } finally {
    await client.end();
  }
}
