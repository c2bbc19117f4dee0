// The shared rate limit against a real PostgreSQL: the window's count is the table's, whatever
// process counted it (a second process is stood in for by forgetting this one's leases).
import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { hit, pruneRateLimits, rateLimitHeaders, resetLeases } from "./limiter";
import { pgPool } from "../db/pg";

const key = () => `test:${crypto.randomUUID()}`;

describe("rate limits", () => {
  it("allows `limit` hits in a window, then refuses with the seconds to wait", async () => {
    const k = key();
    const rule = { limit: 3, windowSeconds: 60 };
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await hit(k, rule));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, false]);
    expect(answers.map((a) => a.remaining)).toEqual([2, 1, 0, 0]);
    const refused = answers[3]!;
    expect(refused.resetSeconds).toBeGreaterThan(0);
    expect(refused.resetSeconds).toBeLessThanOrEqual(60);
    expect(rateLimitHeaders(refused)).toMatchObject({
      "ratelimit-limit": "3",
      "ratelimit-remaining": "0",
      "retry-after": String(refused.resetSeconds),
    });
  });

  it("never lets more than the limit through across processes; leases may leave some unused", async () => {
    const run = async (lease: number) => {
      const k = key();
      let allowed = 0;
      // Three "processes" in turn, each trying 12 hits (a process's leases die with it).
      for (let p = 0; p < 3; p++) {
        resetLeases();
        for (let i = 0; i < 12; i++) if ((await hit(k, { limit: 25, windowSeconds: 60, lease })).allowed) allowed++;
      }
      return allowed;
    };
    expect(await run(1)).toBe(25);
    const leased = await run(10);
    expect(leased).toBeLessThanOrEqual(25);
    // At most one lease per process is lost: the 8 hits of the first one's second lease here.
    expect(leased).toBeGreaterThanOrEqual(25 - 10);
  });

  it("a new window starts the count again; old rows are pruned", async () => {
    const k = key();
    await hit(k, { limit: 1, windowSeconds: 60 });
    expect((await hit(k, { limit: 1, windowSeconds: 60 })).allowed).toBe(false);
    await pgPool().query("UPDATE rate_limit SET window_start = now() - interval '2 days' WHERE key = $1", [k]);
    resetLeases();
    expect((await hit(k, { limit: 1, windowSeconds: 60 })).allowed).toBe(true);
    await pgPool().query("UPDATE rate_limit SET window_start = now() - interval '2 days' WHERE key = $1", [k]);
    expect(await pruneRateLimits()).toBeGreaterThanOrEqual(1);
  });
});
