// `npm run audit:verify`: seals the audit rows written since the last tick, then recomputes the
// whole hash chain and names the first row that does not match (exit code 1), against
// DATABASE_URL or the running console's embedded database. Decision 011.
import { sealAudit, verifyAudit } from "../lib/audit/chain";
import { closePgPool } from "../lib/db/pg";

const sealed = process.argv.includes("--no-seal") ? 0 : await sealAudit();
const v = await verifyAudit();
await closePgPool();
const out = (s: string) => process.stdout.write(`${s}\n`);
if (sealed) out(`sealed ${sealed} new rows`);
out(`audit chain: ${v.sealed} sealed rows, ${v.unsealed} not sealed yet`);
if (v.broken) {
  const what = {
    missing: "is missing (a sealed row was deleted)",
    link: "does not link to the row before it",
    content: "was changed after it was sealed",
  }[v.broken.problem];
  out(
    `BROKEN at chain position ${v.broken.seq}${v.broken.id ? ` (audit_log.id ${v.broken.id})` : ""}: the row ${what}`,
  );
  process.exit(1);
}
out("the chain holds");
process.exit(0);
