// The in-process scheduler: every 5 minutes, escalateOverdue() and generateDueDailyReports().
// Errors are logged and the next tick tries again; a tick never overlaps the previous one.
import { logger } from "../logger";
import { generateDueDailyReports } from "./daily-report";
import { escalateOverdue } from "./service";

const INTERVAL_MS = 5 * 60_000;
const globalForScheduler = globalThis as unknown as { __complaintScheduler?: NodeJS.Timeout };

export async function runComplaintJobs(now = new Date()): Promise<void> {
  const sla = await escalateOverdue(now);
  const reports = await generateDueDailyReports(now);
  if (sla.firstResponse + sla.update + sla.resolution + reports > 0) logger.info("complaint jobs", { ...sla, dailyReports: reports });
}

export function startComplaintScheduler(): void {
  if (globalForScheduler.__complaintScheduler) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runComplaintJobs();
    } catch (e) {
      logger.error("complaint jobs failed", e);
    } finally {
      running = false;
    }
  };
  setTimeout(() => void tick(), 15_000).unref();
  globalForScheduler.__complaintScheduler = setInterval(() => void tick(), INTERVAL_MS);
  globalForScheduler.__complaintScheduler.unref();
}
