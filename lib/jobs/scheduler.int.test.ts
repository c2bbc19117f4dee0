// Periodic jobs across instances: a tick is claimed by exactly one claimant however many race
// for it, and a claimed tick records its outcome.
import { describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { claimTick, runTickIfUnclaimed, slotOf, type JobSpec } from "./scheduler";

describe("job ticks", () => {
  it("ten instances racing for one tick: one runs it, nine skip it", async () => {
    let runs = 0;
    const job: JobSpec = {
      name: "test.race",
      everyMs: 60_000,
      run: async () => {
        runs += 1;
        await new Promise((r) => setTimeout(r, 50));
        return { done: 1 };
      },
    };
    const now = new Date("2026-12-06T08:00:30Z");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => runTickIfUnclaimed(job, now, `host-${i}#1`)),
    );
    expect(runs).toBe(1);
    expect(results.filter((r) => r !== null)).toEqual([{ done: 1 }]);
    const row = await prisma.jobRun.findUniqueOrThrow({
      where: { job_slot: { job: "test.race", slot: slotOf(job, now) } },
    });
    expect(row.slot.toISOString()).toBe("2026-12-06T08:00:00.000Z");
    expect(row.finishedAt).not.toBeNull();
    expect(row.outcome).toEqual({ done: 1 });
    // The next period is a new tick.
    expect(await claimTick("test.race", slotOf(job, new Date("2026-12-06T08:01:00Z")), "host-0#1")).toBe(true);
    expect(await claimTick("test.race", slotOf(job, new Date("2026-12-06T08:01:59Z")), "host-1#1")).toBe(false);
  });

  it("a failing job records its error and does not throw", async () => {
    const job: JobSpec = { name: "test.fail", everyMs: 60_000, run: () => Promise.reject(new Error("boom")) };
    const now = new Date("2026-12-06T09:00:00Z");
    expect(await runTickIfUnclaimed(job, now, "host#1")).toBeNull();
    const row = await prisma.jobRun.findUniqueOrThrow({ where: { job_slot: { job: "test.fail", slot: now } } });
    expect(row.outcome).toEqual({ error: "boom" });
  });
});
