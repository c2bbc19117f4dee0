// Next.js start-up hook, in each Node.js server process (every worker of every instance): the
// cache-invalidation listener (lib/db/events.ts), the read-replica probes (lib/db/replicas.ts),
// the freezer of MUI's shared stylesheet (lib/styles/sheets.ts) and the periodic-job scheduler,
// whose ticks run once across all processes (lib/jobs/scheduler.ts). docs/decisions/010-scale-out.md.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startCacheListener } = await import("./lib/db/events");
  const { startReplicaProbes } = await import("./lib/db/replicas");
  const { startScheduler } = await import("./lib/jobs/scheduler");
  const { startStyleSheetFreezer } = await import("./lib/styles/sheets");
  await startCacheListener();
  startReplicaProbes();
  startStyleSheetFreezer();
  const { env } = await import("./lib/env");
  if (env().RUN_JOBS) startScheduler();
}
