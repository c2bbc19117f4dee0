// `npm start`: zero-setup start of the console with demo data.
// No DATABASE_URL → embedded PostgreSQL under .data/pg (first start initialises it, later
// starts reuse it). DATABASE_URL set → that server. Then migrations, regions, demo data
// (first start only), a build if the sources changed, and the production server on PORT (3000).
import { buildIfStale, consoleEnv, readyDatabase, startServer, stopTogether } from "./server";

const port = Number(process.env.PORT ?? 3000);
const db = await readyDatabase();
buildIfStale();
const child = startServer(port, consoleEnv(db.url, port), async (code) => {
  await db.stopWithin(10_000);
  process.exit(code);
});
process.stdout.write(`\n  医保异地就医协同平台 → http://localhost:${port}  (demo password: see README)\n\n`);
stopTogether(child, db);
