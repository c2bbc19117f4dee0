// `npm start`: zero-setup start of the console with demo data.
// No DATABASE_URL → embedded PostgreSQL under .data/pg (first start initialises it, later
// starts reuse it). DATABASE_URL set → that server. Then migrations, regions, demo data
// (first start only), a build if the sources changed, and `next start` on PORT (3000).
import { env, embeddedUrl } from "../lib/env";
import { startEmbedded } from "../lib/db/bootstrap";
import { prepareDatabase } from "../lib/db/prepare";
import { authSecret, buildIfStale, piiKeys, startServer } from "./server";

const port = Number(process.env.PORT ?? 3000);
const demo = process.env.SEED_DEMO !== "false";

let stopDb: () => Promise<void> = async () => undefined;
let url = env().DATABASE_URL;
if (!url) {
  const handle = await startEmbedded(env().EMBEDDED_PG_DIR, env().EMBEDDED_PG_PORT);
  stopDb = handle.stop;
  url = embeddedUrl("yibao");
}
await prepareDatabase(url, { demo, piiKeys: piiKeys() });
buildIfStale();

/** Stops the embedded database, but never waits on a database that is gone or stuck. */
async function stopDbWithin(ms: number): Promise<void> {
  await Promise.race([stopDb().catch(() => undefined), new Promise((r) => setTimeout(r, ms).unref())]);
}

const child = startServer(port, { DATABASE_URL: url, NEXTAUTH_SECRET: authSecret(), PII_KEYS: piiKeys(), NEXTAUTH_URL: `http://localhost:${port}` }, async (code) => {
  await stopDbWithin(10_000);
  process.exit(code);
});
process.stdout.write(`\n  医保异地就医协同平台 → http://localhost:${port}  (demo password: see README)\n\n`);
// SIGINT/SIGTERM stop the server, then the database — in every state: a server that does not exit
// within 10 s is killed, and the database stop is given 10 s at most.
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    child.kill(sig);
    setTimeout(() => {
      child.kill("SIGKILL");
      void stopDbWithin(10_000).finally(() => process.exit(1));
    }, 10_000).unref();
  });
}
