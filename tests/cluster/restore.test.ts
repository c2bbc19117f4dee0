// Backups, tested: WAL archiving on the primary, a base backup, then a point-in-time restore into
// a new server — what docs/operations.md ("Backups and restore") tells an operator to do. Rows
// committed before the target instant are there after the restore; rows committed after it are not.
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../../lib/ops/prepare";
import { enableArchiving, restoreToTime, startPrimary, takeBaseBackup, type PgNode } from "../support/cluster";

const DIR = path.resolve(".data", "restore-test");
const DB = "yibao";
let primary: PgNode;
const stops: (() => Promise<void>)[] = [];

async function q<T extends pg.QueryResultRow>(node: PgNode, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: node.url(DB) });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  primary = await startPrimary(path.join(DIR, "primary"), 54345, { durable: true });
  stops.push(primary.stop);
  await prepareDatabase(primary.url(DB), { demo: false });
  await enableArchiving(primary, path.join(DIR, "archive"));
}, 180_000);

afterAll(async () => {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
}, 60_000);

describe("WAL archiving and point-in-time restore", () => {
  it("restores a base backup to an instant: what was committed before it, nothing after", async () => {
    await takeBaseBackup(primary, path.join(DIR, "base"));
    const mark = (label: string) =>
      q(
        primary,
        "insert into audit_log (actor_name, action, entity_type, entity_id) values ('restore-test', 'MARK', 'Test', $1)",
        [label],
      );
    await mark("before");
    const at = (await q<{ at: Date }>(primary, "select clock_timestamp() as at"))[0]!.at;
    await new Promise((r) => setTimeout(r, 1_100));
    await mark("after");
    await q(primary, "select pg_switch_wal()");
    // The segment holding both marks must reach the archive before it can be replayed.
    await new Promise((r) => setTimeout(r, 1_500));

    const restored = await restoreToTime(
      path.join(DIR, "base"),
      path.join(DIR, "archive"),
      at,
      path.join(DIR, "restored"),
      54346,
    );
    stops.push(restored.stop);
    const marks = await q<{ entity_id: string }>(
      restored,
      "select entity_id from audit_log where actor_name = 'restore-test' order by id",
    );
    expect(marks.map((m) => m.entity_id)).toEqual(["before"]);
    // The restored server is a primary again: the console's schema is complete and writable.
    const regions = (await q<{ n: number }>(restored, "select count(*)::int as n from region"))[0]!.n;
    expect(regions).toBeGreaterThan(3000);
    await q(
      restored,
      "insert into audit_log (actor_name, action, entity_type, entity_id) values ('restore-test', 'MARK', 'Test', 'restored')",
    );
  });
});
