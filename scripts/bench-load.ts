// Load benchmark of the whole console (`npm run bench:load`): 200 sessions of 28 demo users in
// the four jobs (scripts/load/mix.ts: documents, client navigations, API calls), against the
// production start, in four set-ups measured in one sitting on one database:
//   baseline  — commit BASELINE_REV (f5b6337: one process), built in a worktree of this clone
//   1 worker  — this tree, WEB_CONCURRENCY=1
//   workers   — this tree, one worker per core
//   cluster   — this tree: nginx (deploy/nginx/yibao.conf) → 2 instances → primary + replica
// For each: throughput at saturation (closed loop, 32 concurrent requests) and latency at fixed,
// evenly spread offered rates (open loop). Writes its section of docs/benchmarks.md.
// Options (environment): BENCH_SETUPS=baseline,1worker,workers,cluster  BENCH_SECONDS=20
// BENCH_RATES=50,100,150,200  BASELINE_REV=f5b6337  BENCH_AGENT=shared (one connection pool for all
// sessions instead of each session its own, as browsers have)
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareDatabase } from "../lib/ops/prepare";
import {
  startApp,
  startNginx,
  startPrimary,
  startReplica,
  waitForReplay,
  type AppInstance,
  type PgNode,
} from "../tests/support/cluster";
import { openSessions, USERS } from "./load/mix";
import { measurePages, pageList, type PageFigure } from "./load/pages";
import { closedLoop, openLoop, type Summary } from "./load/run";
import { newKeySpec } from "../lib/crypto/pii";
import { buildIfStale } from "./server";

const SETUPS = (process.env.BENCH_SETUPS ?? "baseline,1worker,workers,cluster").split(",");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RATES = (process.env.BENCH_RATES ?? "50,100,150,200").split(",").map(Number);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const BASELINE_REV = process.env.BASELINE_REV ?? "f5b6337";
/** `1`: only the per-page table (baseline and 1 worker), written to its own section — minutes, not half an hour. */
const PAGES_ONLY = process.env.BENCH_PAGES_ONLY === "1";
const DIR = path.resolve(".data", "bench-load");
const PORTS = { primary: 54360, replica: 54361, app: 3410, app2: 3411, nginx: 3420 };
const DB = "yibao";
const log = (s: string) => process.stdout.write(`[bench:load] ${s}\n`);

interface Result {
  setup: string;
  label: string;
  saturation: Summary;
  rates: { rate: number; s: Summary }[];
  pages?: PageFigure[];
}

/** A checkout of BASELINE_REV with its own node_modules and production build. */
function baselineDir(): string {
  const rev = execFileSync("git", ["rev-parse", "--short", BASELINE_REV], { encoding: "utf8" }).trim();
  const dir = path.join(DIR, `baseline-${rev}`);
  if (!fs.existsSync(path.join(dir, "package.json"))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    log(`checking out ${rev} into ${path.relative(process.cwd(), dir)}`);
    execFileSync("sh", ["-c", `git archive ${rev} | tar -x -C '${dir}'`]);
  }
  if (!fs.existsSync(path.join(dir, "node_modules", ".bin", "next"))) {
    log("npm ci for the baseline (about a minute)");
    must(
      spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, stdio: "inherit" }).status,
      "npm ci (baseline)",
    );
  }
  if (!fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    log("building the baseline");
    must(
      spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
        cwd: dir,
        stdio: "inherit",
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      }).status,
      "next build (baseline)",
    );
  }
  return dir;
}

function must(status: number | null, what: string): void {
  if (status !== 0) throw new Error(`${what} failed`);
}

async function measure(setup: string, label: string, base: string, withPages = false): Promise<Result> {
  let pages: PageFigure[] | undefined;
  if (withPages) {
    log(`${label}: every page, one request at a time`);
    pages = await measurePages(base, await pageList(base));
  }
  const idle: Summary = {
    requests: 0,
    achieved: 0,
    p50: NaN,
    p95: NaN,
    p99: NaN,
    max: NaN,
    errors: 0,
    documentP50: NaN,
    navigationP50: NaN,
    apiP50: NaN,
    errorSamples: [],
  };
  if (PAGES_ONLY) return { setup, label, saturation: idle, rates: [], pages };
  log(`${label}: signing in ${SESSIONS} sessions`);
  const sessions = await openSessions(base, SESSIONS);
  log(`${label}: warm-up`);
  await closedLoop(base, sessions, 16, 10);
  const saturation = await closedLoop(base, sessions, CONCURRENCY, SECONDS);
  log(
    `${label}: saturation ${saturation.achieved.toFixed(1)} req/s (p50 ${saturation.p50.toFixed(0)} ms, errors ${saturation.errors})`,
  );
  const rates: Result["rates"] = [];
  for (const rate of RATES) {
    await new Promise((r) => setTimeout(r, 2_000));
    const s = await openLoop(base, sessions, rate, SECONDS);
    log(
      `${label}: offered ${rate}/s → ${s.achieved.toFixed(1)}/s, p50 ${s.p50.toFixed(0)} p95 ${s.p95.toFixed(0)} p99 ${s.p99.toFixed(0)} ms, errors ${s.errors}${s.errorSamples.length ? ` (${s.errorSamples.join("; ")})` : ""}`,
    );
    rates.push({ rate, s });
    // Far past saturation the queue only grows; the next rate says nothing new.
    if (s.p99 > 10_000) break;
  }
  return { setup, label, saturation, rates, pages };
}

/** The most a set-up answered per second without errors: closed loop or any open-loop rate. */
const ceiling = (r: Result) =>
  Math.max(
    r.saturation.errors ? 0 : r.saturation.achieved,
    ...r.rates.filter(({ s }) => s.errors === 0).map(({ s }) => s.achieved),
  );

const ms = (v: number) => (Number.isFinite(v) ? `${Math.round(v).toLocaleString("en-US")} ms` : "–");

function section(results: Result[], context: string): string {
  const base = results.find((r) => r.setup === "baseline");
  const lines: string[] = [];
  lines.push("## Load: the whole console (`npm run bench:load`)", "");
  lines.push(context, "");
  lines.push(
    "Saturation: the closed loop (" +
      CONCURRENCY +
      " requests in flight, no pause, " +
      SECONDS +
      " s), and the ceiling — the most the set-up answered per second in this sitting, closed loop or any open-loop rate below (with 0 errors); × baseline compares ceilings:",
    "",
  );
  lines.push(
    "| set-up | closed loop req/s | ceiling req/s | × baseline | p50 | p99 | document p50 | navigation p50 | API p50 | errors |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of results) {
    const x = base ? (ceiling(r) / ceiling(base)).toFixed(2) + "×" : "–";
    lines.push(
      `| ${r.label} | ${r.saturation.achieved.toFixed(1)} | ${ceiling(r).toFixed(1)} | ${x} | ${ms(r.saturation.p50)} | ${ms(r.saturation.p99)} | ${ms(r.saturation.documentP50)} | ${ms(r.saturation.navigationP50)} | ${ms(r.saturation.apiP50)} | ${r.saturation.errors} |`,
    );
  }
  lines.push(
    "",
    `Fixed offered rates (open loop: requests start every 1/rate s whatever the answers; latency from the instant each was due; ${SECONDS} s each):`,
    "",
  );
  lines.push(
    "| set-up | offered | achieved | p50 | p95 | p99 | max | errors |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of results)
    for (const { rate, s } of r.rates)
      lines.push(
        `| ${r.label} | ${rate}/s | ${s.achieved.toFixed(1)}/s | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.errors} |`,
      );
  return lines.join("\n");
}

function pagesSection(base: Result | undefined, now: Result | undefined): string {
  if (!now?.pages) return "";
  const kb = (b: number) => (b / 1024).toFixed(1);
  const before = new Map((base?.pages ?? []).map((p) => [`${p.user} ${p.path}`, p]));
  const lines = [
    "",
    "",
    `Every page, one request at a time, warm (median of 30 after 10 unmeasured; time to the last byte on loopback, so it is the server's time), ${now.label} beside ${base?.label ?? "–"}, same data and users:`,
    "",
    "| page | as | baseline ms | now ms | baseline HTML KB | now HTML KB | HTML |",
    "|---|---|---:|---:|---:|---:|---:|",
  ];
  const show = (p: string) =>
    p
      .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, "{id}")
      .replace(/TS-\d{4}-\d{6}/, "{number}")
      .replace(/\?institution=.*/, "?{question}")
      .replace(/H13\d{9}/, "{hebei code}");
  for (const p of now.pages) {
    const b = before.get(`${p.user} ${p.path}`);
    const change = b ? `${Math.round((p.bytes / b.bytes - 1) * 100)} %` : "–";
    lines.push(
      `| \`${show(p.path)}\` | ${p.user || "(signed out)"} | ${b ? b.ms.toFixed(1) : "–"} | ${p.ms.toFixed(1)} | ${b ? kb(b.bytes) : "–"} | ${kb(p.bytes)} | ${change} |`,
    );
  }
  const worst = [...now.pages].sort((a, b) => b.ms - a.ms)[0]!;
  lines.push(
    "",
    `Slowest page now: \`${show(worst.path)}\` (${worst.user || "signed out"}) at ${worst.ms.toFixed(1)} ms.`,
  );
  return lines.join("\n");
}

function writeSection(md: string, name = "load"): void {
  const file = "docs/benchmarks.md";
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${begin}\n${md}\n${end}`;
  const current = fs.readFileSync(file, "utf8");
  const next = current.includes(begin)
    ? current.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), block)
    : current.replace("<!-- bench:eligibility:begin -->", `${block}\n\n<!-- bench:eligibility:begin -->`);
  fs.writeFileSync(file, next);
}

async function main() {
  fs.mkdirSync(DIR, { recursive: true });
  const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim()
    ? " (with uncommitted changes)"
    : "";
  const baseline = SETUPS.includes("baseline") ? baselineDir() : null;
  buildIfStale();
  log("primary PostgreSQL with the demo data");
  const primary: PgNode = await startPrimary(path.join(DIR, "primary"), PORTS.primary, { durable: true });
  const stops: (() => Promise<void>)[] = [primary.stop];
  const results: Result[] = [];
  try {
    const piiKeys = newKeySpec("k1");
    await prepareDatabase(primary.url(DB), { demo: true, piiKeys });
    // Work off the demo data's SLA backlog first, so no set-up's scheduler starts on it mid-run.
    must(
      spawnSync(process.execPath, ["--import", "tsx", "scripts/run-jobs.ts"], {
        stdio: "inherit",
        env: { ...process.env, DATABASE_URL: primary.url(DB), LOG_LEVEL: "warn" },
      }).status,
      "run-jobs",
    );
    const secret = crypto.randomBytes(32).toString("base64url");
    // 200 "browsers" on one address: per-address limits off for the generator (per-user limits stay).
    const common = {
      DATABASE_URL: primary.url(DB),
      NEXTAUTH_SECRET: secret,
      PII_KEYS: piiKeys,
      LOG_LEVEL: "error",
      RUN_JOBS: "false",
      SIGNIN_ADDRESS_LIMIT: "1000000",
      API_ADDRESS_LIMIT: "10000000",
    };
    const single = async (label: string, setup: string, extra: Record<string, string>, appDir?: string) => {
      const app: AppInstance = await startApp({
        port: PORTS.app,
        name: setup,
        env: { ...common, NEXTAUTH_URL: `http://127.0.0.1:${PORTS.app}`, ...extra },
        appDir,
        log: path.join(DIR, `${setup}.log`),
      });
      try {
        results.push(await measure(setup, label, app.url, setup === "baseline" || setup === "1worker"));
      } finally {
        await app.stop();
      }
    };
    if (baseline) await single(`baseline ${BASELINE_REV} (1 process)`, "baseline", {}, baseline);
    if (SETUPS.includes("1worker")) await single(`${head}, 1 worker`, "1worker", { WEB_CONCURRENCY: "1" });
    if (SETUPS.includes("workers")) await single(`${head}, ${os.availableParallelism()} workers`, "workers", {});
    if (SETUPS.includes("cluster")) {
      const replica = await startReplica(primary, path.join(DIR, "replica"), PORTS.replica);
      stops.push(replica.stop);
      await waitForReplay(primary, replica);
      const env = {
        ...common,
        DATABASE_REPLICA_URL: replica.url(DB),
        NEXTAUTH_URL: `http://127.0.0.1:${PORTS.nginx}`,
        WEB_CONCURRENCY: "1",
      };
      const apps = await Promise.all([
        startApp({ port: PORTS.app, name: "a", env, log: path.join(DIR, "cluster-a.log") }),
        startApp({ port: PORTS.app2, name: "b", env, log: path.join(DIR, "cluster-b.log") }),
      ]);
      const lb = await startNginx(path.join(DIR, "nginx"), PORTS.nginx, [PORTS.app, PORTS.app2]);
      try {
        results.push(await measure("cluster", `${head}, nginx → 2 instances × 1 worker, primary + replica`, lb.url));
      } finally {
        await lb.stop();
        for (const a of apps) await a.stop();
      }
    }
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
  const cpu = os.cpus()[0]?.model ?? "?";
  const context = [
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC at ${head}${dirty} on this machine (${os.availableParallelism()} cores, ${cpu}, node ${process.version}), load average ${os.loadavg()[0]!.toFixed(1)} at the end.`,
    `Production start (\`server.ts\`, \`next build\`), PostgreSQL 17 (embedded binaries, default settings) with the demo data, load generator in the same machine.`,
    `Workload (scripts/load/mix.ts): ${SESSIONS} sessions of ${Object.values(USERS).flat().length} demo users (${USERS.analyst.length} analysts, ${USERS.roster.length} roster managers, ${USERS.complaint.length} complaint handlers, ${USERS.agreement.length} agreement officers, round robin), each cycling 7 requests: 2 page documents, 2 client navigations (RSC payloads), 3 API calls, all read-only and in the user's scope.`,
    "",
    "Command:",
    "",
    "```sh",
    `npm run bench:load   # BENCH_SETUPS=${SETUPS.join(",")} BENCH_SECONDS=${SECONDS} BENCH_RATES=${RATES.join(",")} BASELINE_REV=${BASELINE_REV}`,
    "```",
  ].join("\n");
  const pages = pagesSection(
    results.find((r) => r.setup === "baseline"),
    results.find((r) => r.setup === "1worker"),
  );
  if (PAGES_ONLY) {
    const cmd = `BENCH_PAGES_ONLY=1 npm run bench:load   # BASELINE_REV=${BASELINE_REV}`;
    writeSection(`### Pages alone (\`${cmd}\`)\n\n${context.split("\n")[0]}${pages}`, "pages");
  } else writeSection(section(results, context) + pages);
  log("written to docs/benchmarks.md");
}

await main();
process.exit(0);
