// Named advisory locks: the ids are distinct, and a lock held by one transaction keeps another
// out until the first one ends.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl } from "../env";
import { ADVISORY_LOCKS, lockForTransaction, tryLockForTransaction } from "./locks";

let a: pg.Client;
let b: pg.Client;

beforeAll(async () => {
  a = new pg.Client({ connectionString: databaseUrl() });
  b = new pg.Client({ connectionString: databaseUrl() });
  await Promise.all([a.connect(), b.connect()]);
});

afterAll(async () => {
  await Promise.all([a.end(), b.end()]);
});

describe("advisory locks", () => {
  it("give every lock its own id", () => {
    const ids = Object.values(ADVISORY_LOCKS);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keep a second transaction out until the holder commits, and only for the same name", async () => {
    await a.query("begin");
    await lockForTransaction(a, "settlementImport");
    await b.query("begin");
    expect(await tryLockForTransaction(b, "settlementImport")).toBe(false);
    expect(await tryLockForTransaction(b, "rosterImport")).toBe(true);
    await b.query("rollback");
    await a.query("commit");
    await b.query("begin");
    expect(await tryLockForTransaction(b, "settlementImport")).toBe(true);
    await b.query("rollback");
  });
});
