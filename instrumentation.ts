// Next.js start-up hook: in the Node.js server process, run the complaint SLA sweep and the
// morning daily-report generation every five minutes (both idempotent, so several server
// processes may run them). See docs/decisions/008-complaints.md.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startComplaintScheduler } = await import("./lib/complaints/scheduler");
  startComplaintScheduler();
}
