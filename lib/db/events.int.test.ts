// Cache invalidation events from the database: the triggers notify on the columns caches hold,
// at commit only, and the listener hands them to the topic's handlers.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/tests/factories";
import { databaseUrl } from "../env";
import { onCacheEvent, startCacheListener, stopCacheListener, type CacheTopic } from "./events";

const seen: { topic: CacheTopic; id: string | null }[] = [];
let writer: pg.Client;

beforeAll(async () => {
  for (const topic of ["users", "agreements", "tokens", "regions", "bureaus"] as const)
    onCacheEvent(topic, (id) => seen.push({ topic, id }));
  await startCacheListener();
  writer = new pg.Client({ connectionString: databaseUrl() });
  await writer.connect();
});

afterAll(async () => {
  await writer.end();
  await stopCacheListener();
});

async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 300));
}

describe("cache events", () => {
  it("a committed change of a cached user column names the user; sign-in bookkeeping and rollbacks say nothing", async () => {
    const actor = await createActor("130000", ["ANALYST"]);
    await settle();
    seen.length = 0;
    await writer.query("update app_user set last_login_at = now(), failed_login_count = 0 where id = $1", [actor.id]);
    await writer.query("begin");
    await writer.query("update app_user set disabled = true where id = $1", [actor.id]);
    await writer.query("rollback");
    await settle();
    expect(seen).toEqual([]);

    await writer.query("update app_user set disabled = true where id = $1", [actor.id]);
    await settle();
    expect(seen).toEqual([{ topic: "users", id: actor.id }]);
  });

  it("one statement on the agreement tables is one event, whatever it touched", async () => {
    seen.length = 0;
    await writer.query("begin");
    await writer.query("update agreement set notes = notes");
    await writer.query("update agreement_party set role = role");
    await writer.query("commit");
    await settle();
    expect(seen).toEqual([{ topic: "agreements", id: null }]);
  });
});
