// `npm run jobs`: runs every periodic job once now (SLA sweep, daily reports, agreement expiry)
// against DATABASE_URL, outside the tick schedule — after a restore, or before a benchmark so
// no instance has a backlog to work off. Safe beside running instances: each job is idempotent.
import { jobs } from "../lib/jobs/scheduler";

for (const job of jobs()) {
  const result = await job.run(new Date());
  process.stdout.write(`[jobs] ${job.name}: ${JSON.stringify(result)}\n`);
}
process.exit(0);
