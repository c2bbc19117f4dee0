// Runs in each test worker before any test file is imported: points DATABASE_URL at a database
// of this worker's own, cloned from the migrated template, so workers never share rows.
import { inject } from "vitest";
import { cloneDatabase } from "../support/test-db";

// A fixed PII key (decision 012), so tests can also read what they wrote with raw SQL.
export const TEST_PII_KEYS = `it1:${Buffer.alloc(32, 0x5a).toString("base64")}`;
process.env.PII_KEYS ??= TEST_PII_KEYS;

const worker = process.env.VITEST_POOL_ID ?? "0";
const name = `yibao_it_${inject("testRunId")}_w${worker}`;
if (process.env.__IT_DB !== name) {
  process.env.DATABASE_URL = await cloneDatabase(inject("testServerUrl"), inject("testTemplateDb"), name);
  process.env.__IT_DB = name;
}
