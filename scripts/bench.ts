// `npm run bench [-- name …]`: runs benchmarks and writes each one's section of
// docs/benchmarks.md (replacing that section, leaving the others as they are).
//
// Each benchmark is a script `scripts/bench-<name>.ts` registered in BENCHES below. The runner
// gives it a fresh database (migrated, regions loaded) on the benchmark server — an embedded
// PostgreSQL under .data/pg-benchmarks on BENCH_PG_PORT (54331), or the server of DATABASE_URL —
// runs it in its own process with DATABASE_URL pointing there, and reads back a JSON result
// { title, markdown } from the file named by BENCH_RESULT_FILE. To add a benchmark: write the
// script (see bench-roster.ts) and add its name here.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbedded } from "../lib/db/bootstrap";
import { prepareDatabase } from "../lib/ops/prepare";

const BENCHES: Record<string, { script: string; description: string }> = {
  roster: {
    script: "scripts/bench-roster.ts",
    description: "Roster: 100,000-row CSV import (dry run, apply) and Chinese fragment search",
  },
};

export interface BenchResult {
  title: string;
  markdown: string;
  /** False when the benchmark missed its target (the runner exits 1). */
  ok: boolean;
}

const DOC = "docs/benchmarks.md";
const requested = process.argv.slice(2);
const names = requested.length ? requested : Object.keys(BENCHES);
for (const n of names)
  if (!BENCHES[n]) throw new Error(`unknown benchmark "${n}" (known: ${Object.keys(BENCHES).join(", ")})`);

function machine(load: number): string {
  const cpus = os.cpus();
  return [
    `- machine: ${os.availableParallelism()} CPUs (\`nproc\`) ${cpus[0]?.model.trim() ?? ""}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}`,
    `- Node.js ${process.version}; load average when the benchmark started: ${load.toFixed(1)} (other work on the machine slows every figure)`,
  ].join("\n");
}

function writeSection(name: string, body: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  let doc = fs.existsSync(DOC)
    ? fs.readFileSync(DOC, "utf8")
    : "# Benchmarks\n\nWritten by `npm run bench` (scripts/bench.ts); each section is replaced when its benchmark runs again.\n";
  const section = `${start}\n${body.trim()}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  doc = re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(DOC, doc);
}

let serverUrl = process.env.DATABASE_URL;
let stop: () => Promise<void> = async () => undefined;
if (serverUrl) {
  const u = new URL(serverUrl);
  u.pathname = "/postgres";
  serverUrl = u.toString();
} else {
  const handle = await startEmbedded(".data/pg-benchmarks", Number(process.env.BENCH_PG_PORT ?? 54331));
  serverUrl = handle.url("postgres");
  stop = handle.stop;
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

let failed = false;
try {
  for (const name of names) {
    const bench = BENCHES[name]!;
    const db = `yibao_bench_${name}`;
    const url = new URL(serverUrl);
    url.pathname = `/${db}`;
    await admin(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    await prepareDatabase(url.toString(), { demo: false });
    const resultFile = path.join(os.tmpdir(), `bench-${name}-${process.pid}.json`);
    const command = `npm run bench -- ${name}`;
    process.stdout.write(`\n=== bench ${name}: ${bench.description} ===\n`);
    const started = new Date();
    const load = os.loadavg()[0]!;
    const r = spawnSync(
      process.execPath,
      ["--expose-gc", path.resolve("node_modules/tsx/dist/cli.mjs"), bench.script],
      {
        stdio: "inherit",
        env: { ...process.env, DATABASE_URL: url.toString(), BENCH_RESULT_FILE: resultFile, LOG_LEVEL: "warn" },
      },
    );
    if (r.status !== 0 || !fs.existsSync(resultFile)) {
      failed = true;
      process.stdout.write(`=== bench ${name} FAILED (exit ${r.status}) ===\n`);
      continue;
    }
    const result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as BenchResult;
    fs.rmSync(resultFile, { force: true });
    const { rows } = await (async () => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        return await c.query<{ v: string }>("SELECT current_setting('server_version') AS v");
      } finally {
        await c.end();
      }
    })();
    writeSection(
      name,
      [
        `## ${result.title}`,
        "",
        `- command: \`${command}\``,
        `- run: ${started.toISOString().replace("T", " ").slice(0, 16)} UTC`,
        machine(load),
        `- PostgreSQL ${rows[0]?.v ?? "?"} (${process.env.DATABASE_URL ? "DATABASE_URL" : "embedded, locale C"})`,
        "",
        result.markdown,
      ].join("\n"),
    );
    if (!result.ok) failed = true;
    await admin(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    process.stdout.write(`=== bench ${name}: ${result.ok ? "ok" : "TARGET MISSED"} — written to ${DOC} ===\n`);
  }
} finally {
  await stop();
}
process.exit(failed ? 1 : 0);
