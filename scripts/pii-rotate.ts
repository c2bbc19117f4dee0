// `npm run pii:rotate`: re-encrypts every complainant phone and ID number not under the current
// PII key (the first of PII_KEYS, or of .data/pii-keys for the zero-setup start) and encrypts any
// still in clear, in batches of 500 rows, each batch in its own transaction; prints the counts.
// Against DATABASE_URL or the running console's embedded database. Decision 012, docs/security.md.
// `npm run pii:rotate -- --new-key <id>` prints a fresh key entry to put first, and changes nothing.
import fs from "node:fs";
import { rotateIdentities } from "../lib/complaints/identity";
import { newKeySpec, parseKeyring } from "../lib/crypto/pii";
import { closePgPool, withPgClient } from "../lib/db/pg";
import { piiKeys } from "./server";

const out = (s: string) => process.stdout.write(`${s}\n`);
const newKey = process.argv.indexOf("--new-key");
if (newKey >= 0) {
  out(newKeySpec(process.argv[newKey + 1] ?? `k${Date.now().toString(36)}`));
  process.exit(0);
}
if (!process.env.PII_KEYS && !fs.existsSync(".data/pii-keys")) {
  process.stderr.write("pii:rotate needs PII_KEYS (the new key first, the old ones after it)\n");
  process.exit(2);
}
const ring = parseKeyring(piiKeys());
const report = await withPgClient((client) => rotateIdentities(client, ring));
await closePgPool();
const rotated = Object.entries(report.rotated);
out(`encrypted ${report.encrypted} rows still in clear`);
out(
  rotated.length
    ? rotated.map(([k, n]) => `re-encrypted ${n} rows from key ${k}`).join("\n")
    : "no row under an older key",
);
out(`every value is under key ${report.current}: the other keys can leave PII_KEYS`);
process.exit(0);
