// `npm run prepare-db`: brings DATABASE_URL's database to the current schema (migrations), loads
// the region tree, and — unless SEED_DEMO=false — the demo data into an empty database. For
// deployments where instances are started by hand (README, docs/operations.md): run it once per
// release before starting them.
import { env } from "../lib/env";
import { prepareDatabase } from "../lib/ops/prepare";

const url = env().DATABASE_URL;
if (!url) {
  process.stderr.write("prepare-db needs DATABASE_URL (npm start prepares its embedded database itself)\n");
  process.exit(2);
}
await prepareDatabase(url, { demo: process.env.SEED_DEMO !== "false" });
process.exit(0);
