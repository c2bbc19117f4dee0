// The server Playwright tests run against: a fresh database with demo data (dropped and
// recreated each run so lockout and edit tests start from the same state), the production
// build, `next start` on E2E_PORT. DATABASE_URL set → a database `yibao_e2e_<port>` on that server.
import { startEmbedded } from "../lib/db/bootstrap";
import { prepareDatabase } from "../lib/ops/prepare";
import { dropDatabase, TEST_PG_DIR, TEST_PG_PORT, withDatabase } from "../tests/support/test-db";
import { authSecret, buildIfStale, piiKeys, startServer } from "./server";

const port = Number(process.env.E2E_PORT ?? 3100);
let stopDb: () => Promise<void> = async () => undefined;
let serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  const handle = await startEmbedded(TEST_PG_DIR, TEST_PG_PORT);
  stopDb = handle.stop;
  serverUrl = handle.url("postgres");
}
// One database per port, so two e2e runs on different ports never share rows.
const dbName = `yibao_e2e_${port}`;
const url = withDatabase(serverUrl, dbName);
await dropDatabase(serverUrl, dbName);
await prepareDatabase(url, { demo: true, piiKeys: piiKeys() });
buildIfStale();
const child = startServer(
  port,
  // Every browser of the suite signs in from 127.0.0.1: the per-address sign-in limit would count
  // them as one office (the limit itself is tested in tests/integration/security-api.int.test.ts).
  {
    DATABASE_URL: url,
    NEXTAUTH_SECRET: authSecret(),
    PII_KEYS: piiKeys(),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: "warn",
    SIGNIN_ADDRESS_LIMIT: "100000",
  },
  async (code) => {
    await stopDb();
    process.exit(code);
  },
);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
