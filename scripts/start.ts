// `npm start`: zero-setup start of the console with demo data.
// No DATABASE_URL → embedded PostgreSQL under .data/pg (first start initialises it, later
// starts reuse it). DATABASE_URL set → that server. Then migrations, regions, demo data
// (first start only), a build if the sources changed, and `next start` on PORT (3000).
import { env, embeddedUrl } from "../lib/env";
import { startEmbedded } from "../lib/db/bootstrap";
import { prepareDatabase } from "../lib/db/prepare";
import { authSecret, buildIfStale, startServer } from "./server";

const port = Number(process.env.PORT ?? 3000);
const demo = process.env.SEED_DEMO !== "false";

let stopDb: () => Promise<void> = async () => undefined;
let url = env().DATABASE_URL;
if (!url) {
  const handle = await startEmbedded(env().EMBEDDED_PG_DIR, env().EMBEDDED_PG_PORT);
  stopDb = handle.stop;
  url = embeddedUrl("yibao");
}
await prepareDatabase(url, { demo });
buildIfStale();

const child = startServer(port, { DATABASE_URL: url, NEXTAUTH_SECRET: authSecret(), NEXTAUTH_URL: `http://localhost:${port}` }, async (code) => {
  await stopDb();
  process.exit(code);
});
process.stdout.write(`\n  医保异地就医协同平台 → http://localhost:${port}  (demo password: see README)\n\n`);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => child.kill(sig));
}
