// Eligibility API benchmark (`npm run bench:eligibility`): the production build on its own port
// and database (demo roster + demo agreements), a personal API token, then autocannon with a
// realistic mix of questions (institutions of every level and type, home regions of 京津冀 and
// 长三角, all four services, dates 2019–2026, with and without filing type) — 5 s warm-up,
// then a measured run. Target: ≥ 2,000 requests/s with p99 < 50 ms. The figures are written to
// this script's section of docs/benchmarks.md.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import { createRequire } from "node:module";
import { startEmbedded } from "../lib/db/bootstrap";
import { prepareDatabase } from "../lib/ops/prepare";
import { dropDatabase, TEST_PG_DIR, TEST_PG_PORT, withDatabase } from "../tests/support/test-db";
import { authSecret, buildIfStale, piiKeys, startServer } from "./server";

// autocannon ships no type declarations: the part used here.
interface Histogram {
  average: number;
  total: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (
  opts: Record<string, unknown>,
  cb: (err: Error | null, result: AutocannonResult) => void,
) => { stop(): void };
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const PORT = Number(process.env.BENCH_PORT ?? 3410);
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const TARGET_RPS = 2000;
const TARGET_P99 = 50;
const log = (s: string) => process.stdout.write(`[bench:eligibility] ${s}\n`);

async function waitFor(url: string, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer ${url}`);
}

/** A personal token for a Hebei agreement officer, written as the profile page would. */
async function createToken(client: pg.Client): Promise<string> {
  const secret = `ybt_${crypto.randomBytes(24).toString("base64url")}`;
  const hash = crypto.createHash("sha256").update(secret).digest("hex");
  await client.query(
    `INSERT INTO api_token (id, user_id, name, prefix, token_hash)
     SELECT gen_random_uuid(), id, 'bench', $2, $3 FROM app_user WHERE username = $1`,
    ["hb_agreement", secret.slice(0, 12), hash],
  );
  return secret;
}

/** Paths of a realistic mix of questions, from the demo roster. */
async function questionPaths(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ code: string; type: string }>(
    `SELECT code, type::text AS type FROM institution ORDER BY md5(code) LIMIT 400`,
  );
  const homes = ["130100", "130700", "131000", "130600", "110000", "120000", "310000", "320500", "330400", "340100"];
  const filing = ["", "", "EMERGENCY", "REFERRAL", "OTHER_TEMPORARY", "RELOCATED"];
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  const paths: string[] = [];
  for (let i = 0; i < 2000; i++) {
    const inst = rows[rnd(rows.length)]!;
    const service =
      inst.type === "PHARMACY" ? "PHARMACY" : ["INPATIENT", "INPATIENT", "OUTPATIENT", "CHRONIC"][rnd(4)]!;
    const date = `${2019 + rnd(8)}-${String(1 + rnd(12)).padStart(2, "0")}-${String(1 + rnd(28)).padStart(2, "0")}`;
    const f = filing[rnd(filing.length)];
    paths.push(
      `/api/v1/eligibility?institution=${inst.code}&homeRegion=${homes[rnd(homes.length)]}&service=${service}&date=${date}${f ? `&filingType=${f}` : ""}`,
    );
  }
  return paths;
}

function run(url: string, token: string, paths: string[], seconds: number): Promise<AutocannonResult> {
  let i = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { authorization: `Bearer ${token}`, "accept-language": "zh-CN" },
        requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length]! }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    process.once("SIGINT", () => instance.stop());
  });
}

function writeSection(md: string) {
  const file = "docs/benchmarks.md";
  const begin = "<!-- bench:eligibility:begin -->";
  const end = "<!-- bench:eligibility:end -->";
  const block = `${begin}\n${md}\n${end}`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
  const next = current.includes(begin)
    ? current.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), block)
    : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}

async function main() {
  const handle = await startEmbedded(TEST_PG_DIR, TEST_PG_PORT);
  const dbName = `yibao_bench_eligibility_${PORT}`;
  const url = withDatabase(handle.url("postgres"), dbName);
  await dropDatabase(handle.url("postgres"), dbName);
  await prepareDatabase(url, { demo: true, piiKeys: piiKeys() });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const token = await createToken(client);
  const paths = await questionPaths(client);
  const counts = (
    await client.query<{ i: number; a: number }>(
      "SELECT (SELECT count(*) FROM institution)::int AS i, (SELECT count(*) FROM agreement)::int AS a",
    )
  ).rows[0]!;
  await client.end();
  log(`database ${dbName}: ${counts.i} institutions, ${counts.a} agreements`);

  buildIfStale();
  let exited = false;
  const child = startServer(
    PORT,
    {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: authSecret(),
      PII_KEYS: piiKeys(),
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
    },
    () => {
      exited = true;
    },
  );
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor(`${base}/login`);
    const probe = await fetch(`${base}${paths[0]}`, { headers: { authorization: `Bearer ${token}` } });
    if (probe.status !== 200) throw new Error(`probe answered ${probe.status}: ${await probe.text()}`);
    log("warm-up 5 s…");
    await run(base, token, paths, 5);
    log(`measuring ${DURATION} s with ${CONNECTIONS} connections…`);
    const loadBefore = os.loadavg()[0]!;
    const r = await run(base, token, paths, DURATION);
    // Context for the figures: the same server answering a request that does no work at all
    // (a malformed token, 401 without any query), and how busy the machine was.
    const baseline = await run(base, "not-a-token", paths, 5);
    const loadAfter = os.loadavg()[0]!;
    const non2xx = r.non2xx + r.errors + r.timeouts;
    log(`baseline (401, no query): ${Math.round(baseline.requests.average)} req/s`);
    const rps = r.requests.average;
    const ok = rps >= TARGET_RPS && r.latency.p99 < TARGET_P99 && non2xx === 0;
    const cmd = `npm run bench:eligibility   # BENCH_SECONDS=${DURATION} BENCH_CONNECTIONS=${CONNECTIONS}`;
    const md = [
      "## Eligibility API (`GET /api/v1/eligibility`)",
      "",
      `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on this machine (${os.cpus().length} cores, ${os.cpus()[0]?.model.trim() ?? "?"}, node ${process.version}),`,
      "against the production server (`server.ts`: Next.js build plus the bearer-token fast path) and embedded PostgreSQL 17, demo data",
      `(${counts.i.toLocaleString("en-US")} institutions, ${counts.a} agreements), bearer-token authentication, autocannon in the same machine.`,
      `Mix: 2,000 generated questions over 400 institutions of every type and level, 10 home regions, four services,`,
      "dates 2019–2026, two thirds with a filing type. 5 s warm-up, then the measured run.",
      "",
      "| requests/s (avg) | p50 | p97.5 | p99 | max | requests | non-2xx / errors | target |",
      "|---|---|---|---|---|---|---|---|",
      `| ${Math.round(rps).toLocaleString("en-US")} | ${r.latency.p50} ms | ${r.latency.p97_5} ms | ${r.latency.p99} ms | ${r.latency.max} ms | ${r.requests.total.toLocaleString("en-US")} | ${non2xx} | ≥ ${TARGET_RPS} req/s, p99 < ${TARGET_P99} ms: **${ok ? "met" : "NOT met"}** |`,
      "",
      `Context: the same server answering a request that does no work (malformed token → 401, no query) managed ${Math.round(baseline.requests.average).toLocaleString("en-US")} req/s`,
      `(p99 ${baseline.latency.p99} ms) right after; the 1-minute load average was ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after the run (other work shares the 2 cores).`,
      "",
      "Command:",
      "",
      "```sh",
      cmd,
      "```",
    ].join("\n");
    writeSection(md);
    log(
      `${Math.round(rps)} req/s, p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms, p99 ${r.latency.p99} ms, non-2xx ${non2xx} → ${ok ? "target met" : "target NOT met"}`,
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    if (!exited) child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await dropDatabase(handle.url("postgres"), dbName).catch(() => undefined);
    await handle.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
