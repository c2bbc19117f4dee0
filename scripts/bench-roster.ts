// Roster benchmark (run by `npm run bench -- roster`, see scripts/bench.ts): a deterministic
// 100,000-row CSV of plausible institutions is imported (dry run, then apply, then the same
// file again: all unchanged), then ≥ 200 searches for Chinese name fragments run through the
// same query function the grid and the API use. Targets: the import dry-runs and applies with
// no rejected row; search p95 < 50 ms.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { prisma } from "../lib/db/client";
import { closePgPool } from "../lib/db/pg";
import { databaseUrl } from "../lib/env";
import { loadActor } from "../lib/auth/load-actor";
import { importInstitutions, type ImportReport } from "../lib/facilities/import";
import { listInstitutions } from "../lib/facilities/queries";
import { exportInstitutions } from "../lib/facilities/export";
import { csvLine } from "../lib/facilities/csv";
import { COLUMNS } from "../lib/facilities/row";
import { generateRoster, loadDemoRegions, prng, servicesField } from "../prisma/seed/roster";
import type { BenchResult } from "./bench";

const ROWS = Number(process.env.BENCH_ROSTER_ROWS ?? 100_000);
const SEARCHES = Number(process.env.BENCH_ROSTER_SEARCHES ?? 300);
const P95_TARGET_MS = 50;
const FIXED = [
  "友谊",
  "北京友谊医院",
  "人民医院",
  "中医",
  "廊坊",
  "大药房",
  "同仁堂",
  "卫生院",
  "社区卫生服务中心",
  "妇幼",
  "口腔",
  "骨科",
  "第一医院",
  "互联网医院",
  "康养",
  "诊所",
  "燕达",
  "安次",
  "协和",
  "医院",
];

const fmt = (n: number) => n.toLocaleString("en-US");
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const secs = (n: number) => `${(n / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const log = (s: string) => process.stdout.write(`[bench:roster] ${s}\n`);

const gc = (globalThis as { gc?: () => void }).gc;

/** Peak RSS while `fn` runs (sampled every 10 ms and at every progress callback), after a GC when exposed. */
async function measured<T>(fn: (sample: () => void) => Promise<T>): Promise<{ value: T; ms: number; peakRss: number }> {
  gc?.();
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 10);
  const t0 = performance.now();
  try {
    const value = await fn(sample);
    const elapsed = performance.now() - t0;
    sample();
    return { value, ms: elapsed, peakRss: peak };
  } finally {
    clearInterval(timer);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<BenchResult> {
  // A national roster manager (every region in scope).
  const bureau = await prisma.bureau.upsert({
    where: { regionCode: "000000" },
    update: {},
    create: { regionCode: "000000", name: "国家医疗保障局", nameEn: "NHSA", level: "NATIONAL" },
  });
  const user = await prisma.user.create({
    data: {
      username: `bench_${Date.now()}`,
      displayName: "基准测试",
      bureauId: bureau.id,
      roles: ["ROSTER_MANAGER"],
      passwordHash: "x",
    },
  });
  const actor = (await loadActor(user.id, null, "session"))!;

  // 1. The file, generated in a child process so this one's memory figures are the import's.
  const file = path.join(os.tmpdir(), `bench-roster-${process.pid}.csv`);
  const t0 = performance.now();
  const child = spawnSync(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/bench-roster.ts", "--generate", file],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: process.env,
    },
  );
  if (child.status !== 0) throw new Error("generating the file failed");
  const random = JSON.parse(child.stdout.toString("utf8")) as string[];
  const bytes = new Uint8Array(fs.readFileSync(file));
  fs.rmSync(file, { force: true });
  log(`generated ${fmt(ROWS)} rows, ${mib(bytes.length)} in ${secs(performance.now() - t0)}`);
  const baseline = (gc?.(), process.memoryUsage().rss);

  // 2. Import: dry run, apply, and the same file again.
  const run = (dryRun: boolean) =>
    measured((sample) => importInstitutions(actor, bytes, "text/csv", { dryRun, onProgress: () => sample() }));
  const dry = await run(true);
  log(`dry run: ${secs(dry.ms)} ${JSON.stringify(dry.value.counts)}`);
  const apply = await run(false);
  log(`apply: ${secs(apply.ms)} ${JSON.stringify(apply.value.written)}`);
  const again = await run(true);
  log(`re-import dry run: ${secs(again.ms)} ${JSON.stringify(again.value.counts)}`);
  const againApply = await run(false);
  log(`re-import apply: ${secs(againApply.ms)} written ${JSON.stringify(againApply.value.written)}`);

  // 3. Export everything (streamed).
  const exp = await measured(async () => {
    const file = await exportInstitutions(actor, {}, "csv");
    let n = 0;
    for await (const chunk of file.body as unknown as AsyncIterable<Uint8Array>) n += chunk.length;
    return n;
  });
  log(`export: ${secs(exp.ms)} ${mib(exp.value)}`);

  // 4. Search: common and rare fragments, plus random 2–4 character pieces of real names.
  const fixed = FIXED;
  const queries = [...fixed, ...random];
  for (const q of fixed.slice(0, 10)) await listInstitutions(actor, { q }); // warm-up
  const times: number[] = [];
  const hits: number[] = [];
  const fixedRows: string[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const page = await listInstitutions(actor, { q, pageSize: 20 });
    const dt = performance.now() - t0;
    times.push(dt);
    hits.push(page.total);
    if (fixed.includes(q) && fixedRows.length < fixed.length)
      fixedRows.push(`| ${q} | ${fmt(page.total)} | ${ms(dt)} |`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const p99 = percentile(sorted, 99);

  // The same with a region and a service filter, as the grid sends them.
  const filtered: number[] = [];
  for (const q of queries.slice(0, 200)) {
    const t0 = performance.now();
    await listInstitutions(actor, { q, region: "130000", service: "OUTPATIENT", pageSize: 20 });
    filtered.push(performance.now() - t0);
  }
  filtered.sort((a, b) => a - b);

  const importOk = (r: ImportReport, expect: Partial<ImportReport["counts"]>) =>
    Object.entries(expect).every(([k, v]) => r.counts[k as keyof ImportReport["counts"]] === v);
  const ok =
    importOk(dry.value, { new: ROWS, rejected: 0 }) &&
    apply.value.written.new === ROWS &&
    importOk(again.value, { unchanged: ROWS, new: 0, changed: 0 }) &&
    againApply.value.written.new + againApply.value.written.changed === 0 &&
    p95 < P95_TARGET_MS;

  const rate = (t: number) => fmt(Math.round(ROWS / (t / 1000)));
  const markdown = [
    `### Import of a ${fmt(ROWS)}-row CSV (${mib(bytes.length)}, UTF-8; generated deterministically by prisma/seed/roster.ts)`,
    "",
    "| step | result | time | rows/s | peak RSS |",
    "|---|---|---:|---:|---:|",
    `| dry run | new ${fmt(dry.value.counts.new)}, rejected ${fmt(dry.value.counts.rejected)} | ${secs(dry.ms)} | ${rate(dry.ms)} | ${mib(dry.peakRss)} |`,
    `| apply (one transaction: COPY + set-based UPDATE, history, audit) | written ${fmt(apply.value.written.new)} new | ${secs(apply.ms)} | ${rate(apply.ms)} | ${mib(apply.peakRss)} |`,
    `| same file again, dry run | unchanged ${fmt(again.value.counts.unchanged)} | ${secs(again.ms)} | ${rate(again.ms)} | ${mib(again.peakRss)} |`,
    `| same file again, apply | written ${fmt(againApply.value.written.new + againApply.value.written.changed)} | ${secs(againApply.ms)} | ${rate(againApply.ms)} | ${mib(againApply.peakRss)} |`,
    `| export all as CSV (streamed) | ${mib(exp.value)} | ${secs(exp.ms)} | ${rate(exp.ms)} | ${mib(exp.peakRss)} |`,
    "",
    `Peak RSS: of the benchmark process, which holds the file (generated in a child process); a GC runs before each step. RSS before the first step: ${mib(baseline)}.`,
    "",
    `### Search over ${fmt(ROWS)} institutions (listInstitutions: count + first page of 20, sorted by code)`,
    "",
    `${fmt(times.length)} searches, one at a time: ${fixed.length} fixed fragments and ${fmt(random.length)} random 2–4 character pieces of real names.`,
    "",
    "| | p50 | p95 | p99 | max | target |",
    "|---|---:|---:|---:|---:|---|",
    `| fragment only | ${ms(p50)} | **${ms(p95)}** | ${ms(p99)} | ${ms(sorted.at(-1)!)} | p95 < ${P95_TARGET_MS} ms: ${p95 < P95_TARGET_MS ? "met" : "MISSED"} |`,
    `| + region 130000 + service OUTPATIENT (200 searches) | ${ms(percentile(filtered, 50))} | ${ms(percentile(filtered, 95))} | ${ms(percentile(filtered, 99))} | ${ms(filtered.at(-1)!)} | |`,
    "",
    `Median number of matches: ${fmt([...hits].sort((a, b) => a - b)[Math.floor(hits.length / 2)]!)}.`,
    "",
    "<details><summary>Fixed fragments</summary>",
    "",
    "| q | matches | time |",
    "|---|---:|---:|",
    ...fixedRows,
    "",
    "</details>",
  ].join("\n");
  return { title: "Roster: import and search (100,000 institutions)", markdown, ok };
}

/** Child mode: writes the CSV to `file` and prints random name fragments (JSON) for the search. */
async function generate(file: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  const regions = await loadDemoRegions(client);
  await client.end();
  const roster = generateRoster({ count: ROWS, seed: 42, regions });
  const out = fs.createWriteStream(file);
  out.write(csvLine(COLUMNS));
  for (const r of roster) {
    out.write(
      csvLine([
        r.code,
        r.name,
        r.shortName ?? "",
        r.type,
        r.level,
        r.grade ?? "",
        r.ownership,
        r.regionCode,
        r.address,
        r.phone,
        r.status,
        r.designatedSince,
        servicesField(r),
      ]),
    );
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  // Random 2–4 character pieces of real names.
  const dice = prng(7);
  const random: string[] = [];
  while (random.length < SEARCHES - FIXED.length) {
    const name = roster[Math.floor(dice() * roster.length)]!.name;
    const len = 2 + Math.floor(dice() * 3);
    const start = Math.floor(dice() * Math.max(1, name.length - len));
    const q = name.slice(start, start + len);
    if (q.length >= 2 && !/[（）()]/.test(q)) random.push(q);
  }
  process.stdout.write(JSON.stringify(random));
}

const generateAt = process.argv.indexOf("--generate");
if (generateAt > 0) {
  await generate(process.argv[generateAt + 1]!);
  await prisma.$disconnect();
  process.exit(0);
}

try {
  const result = await main();
  const file = process.env.BENCH_RESULT_FILE;
  if (file) fs.writeFileSync(file, JSON.stringify(result));
  else process.stdout.write(result.markdown + "\n");
} finally {
  await prisma.$disconnect();
  await closePgPool();
}
