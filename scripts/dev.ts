// `npm run dev`: the same prepare step as `npm start` (embedded PostgreSQL unless DATABASE_URL is
// set, migrations, regions, demo data into an empty database), then `next dev` on PORT (3000).
// `next dev` has no bearer fast path or JSON 405 of server.ts: the route handlers answer there,
// with the same contract (decision 009).
import { spawn } from "node:child_process";
import path from "node:path";
import { consoleEnv, readyDatabase, stopTogether } from "./server";

const port = Number(process.env.PORT ?? 3000);
const db = await readyDatabase();
const child = spawn(
  process.execPath,
  [path.resolve("node_modules/next/dist/bin/next"), "dev", "--port", String(port)],
  {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...consoleEnv(db.url, port) },
  },
);
child.on("exit", async (code) => {
  await db.stopWithin(10_000);
  process.exit(code ?? 0);
});
stopTogether(child, db);
