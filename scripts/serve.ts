// `npm run serve`: one instance of the production server (server.ts: a worker per core) on PORT
// (3000) and HOST (127.0.0.1; 0.0.0.0 behind a balancer on another machine), for deployments
// that prepare the database (`npm run prepare-db`) and build (`npm run build`: .next and
// dist/server.js) themselves. Needs DATABASE_URL, NEXTAUTH_SECRET and PII_KEYS — the same secret
// and keys on every instance.
import fs from "node:fs";
import { env } from "../lib/env";
import { SERVER_ENTRY, startServer } from "./server";

if (!env().DATABASE_URL || !env().NEXTAUTH_SECRET || !env().PII_KEYS) {
  process.stderr.write(
    "serve needs DATABASE_URL, NEXTAUTH_SECRET and PII_KEYS (the same secret and keys on every instance)\n",
  );
  process.exit(2);
}
if (!fs.existsSync(SERVER_ENTRY)) {
  process.stderr.write(`serve runs ${SERVER_ENTRY}: build first (npm run build)\n`);
  process.exit(2);
}
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const child = startServer(port, {}, (code) => process.exit(code), host);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
