// The database goes away and comes back (decision 011): API calls answer 503 with Retry-After and
// no internals, sign-in says "unavailable", nothing crashes; once PostgreSQL is back the same
// processes answer again without a restart. And `npm start` stops on SIGTERM whatever state its
// database is in.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newKeySpec } from "../../lib/crypto/pii";
import { prepareDatabase } from "../../lib/ops/prepare";
import { buildIfStale } from "../../scripts/server";
import { startApp, startPrimary, type AppInstance, type PgNode } from "../support/cluster";
import { request, signIn, signInAttempt } from "../support/http";

const DIR = path.resolve(".data", "outage-test");
const DB = "yibao";
const PORTS = { pg: 54371, app: 3441, start: 3442 };
let primary: PgNode;
let app: AppInstance;

beforeAll(async () => {
  buildIfStale();
  primary = await startPrimary(path.join(DIR, "primary"), PORTS.pg);
  const piiKeys = newKeySpec("k1");
  await prepareDatabase(primary.url(DB), { demo: true, piiKeys });
  app = await startApp({
    port: PORTS.app,
    name: "outage",
    env: {
      DATABASE_URL: primary.url(DB),
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      PII_KEYS: piiKeys,
      NEXTAUTH_URL: `http://127.0.0.1:${PORTS.app}`,
      WEB_CONCURRENCY: "1",
      RUN_JOBS: "false",
    },
    log: path.join(DIR, "app.log"),
  });
}, 300_000);

afterAll(async () => {
  await app?.stop();
  await primary?.stop().catch(() => undefined);
}, 60_000);

const get = (cookie: string, p: string) =>
  request(`${app.url}/api/v1${p}`, { headers: { cookie, accept: "application/json" } });

describe("the database goes away and comes back", () => {
  it("503 with Retry-After and no internals while it is down; answers again once it is back, same processes", async () => {
    const cookie = await signIn(app.url, "hb_roster", "Yibao@2026");
    expect((await get(cookie, "/institutions?q=医院")).status).toBe(200);
    await primary.stop();
    try {
      const down = await get(cookie, `/institutions?q=${encodeURIComponent(`停机${Date.now()}`)}`);
      expect(down.status).toBe(503);
      expect(down.headers["retry-after"]).toBe("5");
      const text = down.body.toString();
      expect(JSON.parse(text).error.code).toBe("SERVICE_UNAVAILABLE");
      expect(text).not.toMatch(/127\.0\.0\.1|54371|ECONNREFUSED|prisma/i);
      // Sign-in answers its code, not the driver's message naming the host.
      const signin = (await signInAttempt(app.url, "hb_analyst", "Yibao@2026")).res;
      const answer = signin.body.toString();
      expect(answer).toContain("error=unavailable");
      expect(answer).not.toMatch(/54371|ECONNREFUSED|prisma|Can't reach/i);
      expect(app.process.exitCode).toBeNull();
    } finally {
      await primary.start();
    }
    let status = 0;
    for (let i = 0; i < 60 && status !== 200; i++) {
      status = (await get(cookie, `/institutions?q=${encodeURIComponent(`恢复${i}`)}`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    expect(app.process.exitCode).toBeNull();
  });
});

describe("npm start stops on SIGTERM", () => {
  const runStart = () =>
    spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      stdio: "ignore",
      env: {
        ...process.env,
        DATABASE_URL: primary.url(DB),
        PORT: String(PORTS.start),
        SEED_DEMO: "false",
        LOG_LEVEL: "warn",
      },
    });
  const ready = async () => {
    for (let i = 0; i < 240; i++) {
      const ok = await request(`http://127.0.0.1:${PORTS.start}/login`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error("npm start did not come up");
  };
  const exitWithin = (child: ReturnType<typeof runStart>, ms: number) =>
    new Promise<number | null>((resolve, reject) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      const timer = setTimeout(() => reject(new Error(`still running ${ms} ms after SIGTERM`)), ms);
      child.once("exit", (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });

  it("with its database up, and with its database gone", async () => {
    const up = runStart();
    await ready();
    up.kill("SIGTERM");
    await exitWithin(up, 15_000);

    const down = runStart();
    await ready();
    await primary.stop();
    try {
      // A request meets the dead database first (the state that used to leave SIGTERM unanswered).
      await request(`http://127.0.0.1:${PORTS.start}/api/v1/regions`).catch(() => undefined);
      down.kill("SIGTERM");
      await exitWithin(down, 25_000);
    } finally {
      await primary.start();
    }
  }, 120_000);
});
