// Shared by `npm start`, `npm run dev`, the e2e server and benchmarks: database ready → build if
// stale → server.ts (Next.js production server plus the eligibility fast path), or `next dev`.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { buildSync } from "esbuild";
import { newKeySpec } from "../lib/crypto/pii";
import { embeddedUrl, env } from "../lib/env";
import { startEmbedded } from "../lib/db/bootstrap";
import { prepareDatabase } from "../lib/ops/prepare";

const SOURCE_DIRS = [
  "app",
  "components",
  "lib",
  "prisma",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "package.json",
];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** The compiled production server: server.ts and the lib/ modules it loads outside Next.js's bundle. */
export const SERVER_ENTRY = "dist/server.js";

/**
 * Compiles server.ts into SERVER_ENTRY (esbuild, ~0.1 s): our own modules bundled in, packages
 * from node_modules left as imports — so production runs JavaScript with node, not tsx.
 */
export function compileServer(outfile = SERVER_ENTRY): void {
  buildSync({
    entryPoints: ["server.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    logLevel: "warning",
  });
}

/** Runs `next build` unless .next holds a build newer than every source file, then compiles server.ts. */
export function buildIfStale(): void {
  // Two runs at once (e.g. parallel e2e suites) must not build into the same .next together.
  const lock = ".next-build.lock";
  for (let waited = 0; ; waited += 1) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (waited > 600) fs.rmSync(lock, { recursive: true, force: true });
      spawnSync("sleep", ["1"]);
    }
  }
  try {
    buildUnlocked();
    compileServer();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function buildUnlocked(): void {
  const buildId = path.join(".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCE_DIRS.map(newestMtime));
  if (builtAt > sourcesAt) {
    process.stdout.write("[start] using existing build (.next is up to date)\n");
    return;
  }
  process.stdout.write("[start] building the console (next build)…\n");
  const r = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed");
}

/** A secret generated once into the git-ignored data folder (zero-setup starts only). */
function generatedSecret(dataDir: string, name: string, make: () => string): string {
  const file = path.join(dataDir, name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, make(), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** A stable NEXTAUTH_SECRET for zero-setup starts, kept in the git-ignored data folder. */
export function authSecret(dataDir = ".data"): string {
  return (
    process.env.NEXTAUTH_SECRET ||
    generatedSecret(dataDir, "auth-secret", () => crypto.randomBytes(32).toString("base64url"))
  );
}

/**
 * Stable PII_KEYS for zero-setup starts (decision 012), beside the auth secret: losing the file
 * loses the complainants' phone and ID numbers of that database.
 */
export function piiKeys(dataDir = ".data"): string {
  return process.env.PII_KEYS || generatedSecret(dataDir, "pii-keys", () => newKeySpec("k1"));
}

/** Starts the compiled production server (SERVER_ENTRY, from server.ts: workers running Next.js plus the eligibility fast path) on `port`. */
export function startServer(
  port: number,
  envVars: Record<string, string>,
  onExit: (code: number) => void,
  host = "127.0.0.1",
) {
  const child = spawn(process.execPath, [path.resolve(SERVER_ENTRY), "--port", String(port), "--host", host], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...envVars },
  });
  child.on("exit", (code) => onExit(code ?? 0));
  return child;
}

export interface ReadyDatabase {
  url: string;
  /** Stops the embedded database (nothing for DATABASE_URL), but never waits longer than `ms`. */
  stopWithin: (ms: number) => Promise<void>;
}

/**
 * The prepare step of `npm start` and `npm run dev`: no DATABASE_URL → embedded PostgreSQL under
 * .data/pg (initialised on the first run); then migrations, regions, and the demo data into an
 * empty database (unless SEED_DEMO=false).
 */
export async function readyDatabase(): Promise<ReadyDatabase> {
  let stop: () => Promise<void> = async () => undefined;
  let url = env().DATABASE_URL;
  if (!url) {
    const handle = await startEmbedded(env().EMBEDDED_PG_DIR, env().EMBEDDED_PG_PORT);
    stop = handle.stop;
    url = embeddedUrl("yibao");
  }
  await prepareDatabase(url, { demo: process.env.SEED_DEMO !== "false", piiKeys: piiKeys() });
  const stopWithin = async (ms: number) => {
    await Promise.race([stop().catch(() => undefined), new Promise((r) => setTimeout(r, ms).unref())]);
  };
  return { url, stopWithin };
}

/** What the console needs to run against `url` on `port` (zero-setup secret and keys). */
export function consoleEnv(url: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: url,
    NEXTAUTH_SECRET: authSecret(),
    PII_KEYS: piiKeys(),
    NEXTAUTH_URL: `http://localhost:${port}`,
  };
}

/**
 * SIGINT/SIGTERM stop the child, then the database — in every state: a child that does not exit
 * within 10 s is killed, and the database stop is given 10 s at most.
 */
export function stopTogether(child: ChildProcess, db: ReadyDatabase): void {
  let stopping = false;
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      child.kill(sig);
      setTimeout(() => {
        child.kill("SIGKILL");
        void db.stopWithin(10_000).finally(() => process.exit(1));
      }, 10_000).unref();
    });
  }
}
