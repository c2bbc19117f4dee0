// Periodic jobs, run once per tick across every app process and machine. Each process checks
// regularly whether a job's current tick (slot = now rounded down to the job's period) has
// been claimed; the one whose INSERT into job_run succeeds runs it, every other skips it. A
// process that dies mid-run loses only that tick: every job is idempotent and catches up on the
// next one. See docs/decisions/010-scale-out.md.
import os from "node:os";
import { prisma } from "../db/client";
import { env } from "../env";
import { logger } from "../logger";
import { expireAgreements } from "../agreements/expiry";
import { escalateOverdue } from "../complaints/service";
import { generateDueDailyReports } from "../complaints/daily-report";
import { pruneStyleSheets } from "../styles/sheets";
import { pruneRateLimits } from "../ratelimit/limiter";
import { sealAudit } from "../audit/chain";

export interface JobSpec {
  name: string;
  everyMs: number;
  run: (now: Date) => Promise<Record<string, number>>;
}

/** The jobs, each with its period (JOB_INTERVAL_SECONDS, 5 minutes by default). */
export function jobs(everyMs = env().JOB_INTERVAL_SECONDS * 1000): JobSpec[] {
  return [
    { name: "complaints.sla-sweep", everyMs, run: (now) => escalateOverdue(now) },
    {
      name: "complaints.daily-reports",
      everyMs,
      run: async (now) => ({ reports: await generateDueDailyReports(now) }),
    },
    { name: "agreements.expiry", everyMs, run: async (now) => ({ expired: await expireAgreements(now) }) },
    { name: "ui.style-sheet-prune", everyMs, run: async (now) => ({ pruned: await pruneStyleSheets(now) }) },
    { name: "security.rate-limit-prune", everyMs, run: async () => ({ pruned: await pruneRateLimits() }) },
    { name: "security.audit-seal", everyMs, run: async () => ({ sealed: await sealAudit() }) },
  ];
}

const KEEP_DAYS = 30;

/** This process, as written in job_run.instance. */
export function instanceName(): string {
  return `${env().INSTANCE_NAME ?? os.hostname()}#${process.pid}`;
}

export function slotOf(job: Pick<JobSpec, "everyMs">, now: Date): Date {
  return new Date(Math.floor(now.getTime() / job.everyMs) * job.everyMs);
}

/** Claims the job's tick for this process: true for exactly one claimant per (job, slot). */
export async function claimTick(job: string, slot: Date, instance = instanceName()): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ job: string }[]>`
    INSERT INTO job_run (job, slot, instance) VALUES (${job}, ${slot}, ${instance})
    ON CONFLICT (job, slot) DO NOTHING RETURNING job`;
  return rows.length === 1;
}

/** Runs the job's current tick if no process has claimed it; returns the outcome, or null if skipped. */
export async function runTickIfUnclaimed(
  job: JobSpec,
  now = new Date(),
  instance = instanceName(),
): Promise<Record<string, number> | null> {
  const slot = slotOf(job, now);
  if (!(await claimTick(job.name, slot, instance))) return null;
  let outcome: Record<string, number | string> = {};
  try {
    const result = await job.run(now);
    outcome = result;
    if (Object.values(result).some((v) => v > 0)) logger.info(`job ${job.name}`, result);
    return result;
  } catch (e) {
    outcome = { error: (e as Error).message };
    logger.error(`job ${job.name} failed`, e);
    return null;
  } finally {
    await prisma.jobRun
      .update({ where: { job_slot: { job: job.name, slot } }, data: { finishedAt: new Date(), outcome } })
      .catch(() => undefined);
  }
}

async function tick(list: JobSpec[]): Promise<void> {
  const now = new Date();
  for (const job of list) await runTickIfUnclaimed(job, now);
  await prisma.jobRun.deleteMany({ where: { slot: { lt: new Date(now.getTime() - KEEP_DAYS * 86_400_000) } } });
}

const g = globalThis as unknown as { __jobScheduler?: NodeJS.Timeout };

/** Starts the scheduler in this process (idempotent); the first check runs after `firstDelayMs`. */
export function startScheduler(firstDelayMs = 5_000): void {
  if (g.__jobScheduler) return;
  const list = jobs();
  // Check often enough that no tick is missed; each check costs one INSERT attempt per job.
  const checkMs = Math.min(15_000, Math.max(500, Math.floor(Math.min(...list.map((j) => j.everyMs)) / 2)));
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await tick(list);
    } catch (e) {
      logger.error("job scheduler tick failed", e);
    } finally {
      running = false;
    }
  };
  setTimeout(() => void run(), firstDelayMs).unref();
  g.__jobScheduler = setInterval(() => void run(), checkMs);
  g.__jobScheduler.unref();
}
