// npm run bench:stats [-- --rows 10000000] [--chunk-rows N] [--import-only] — settlement
// statistics benchmark (run by hand).
// 1. generates N skewed settlement rows (two years, Beijing/Shanghai as top visit regions) into a
//    CSV file; 2. loads the file with a plain COPY into a plain table (the baseline); 3. imports it
//    through the real pipeline in a child process (its peak RSS measured); 4. times every
//    dashboard query against the cubes and the same figure by a naive GROUP BY over the raw
//    records, checking both give the same numbers. Own embedded PostgreSQL (.data/pg-bench, port
//    54398) with shared_buffers = 1GB, max_wal_size = 8GB; figures go to docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const ROWS = Number(arg("rows", process.env.BENCH_ROWS ?? "10000000"));
const PORT = Number(arg("port", "54398"));
const DIR = arg("dir", ".data/pg-bench");
const RUNS = Number(arg("runs", "30"));
const NAIVE_RUNS = Number(arg("naive-runs", "5"));
const OUT = ".data/bench";
const file = path.join(OUT, `settlements-${ROWS}.csv`);
const log = (m: string) => process.stdout.write(`[bench] ${m}\n`);
const secs = (ms: number) => (ms / 1000).toFixed(1);

// ---- child mode: the import alone, so its peak RSS is its own ----
if (args[0] === "import-child") {
  process.env.LOG_LEVEL = "debug";
  const { importSettlementCsv } = await import("../lib/settlements/service");
  const client = new pg.Client({ connectionString: args[1] });
  await client.connect();
  const t0 = Date.now();
  // Where the memory is (V8 heap vs Buffers), sampled: the peak of each.
  const peak = {
    heapMb: 0,
    arrayBuffersMb: 0,
    rssMb: 0,
    rssAtS: 0,
    rssStartMb: Math.round(process.memoryUsage().rss / 1048576),
  };
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss / 1048576 > peak.rssMb) {
      peak.rssMb = Math.round(m.rss / 1048576);
      peak.rssAtS = Math.round((Date.now() - t0) / 1000);
    }
    peak.heapMb = Math.max(peak.heapMb, Math.round(m.heapUsed / 1048576));
    peak.arrayBuffersMb = Math.max(peak.arrayBuffersMb, Math.round(m.arrayBuffers / 1048576));
  }, 100);
  const chunkRows = args[3] ? Number(args[3]) : undefined;
  // 64 KiB pieces, as an HTTP upload's body arrives.
  const outcome = await importSettlementCsv(client, fs.createReadStream(args[2]!, { highWaterMark: 1 << 16 }), {
    source: "bench",
    fileName: path.basename(args[2]!),
    scopePrefix: "",
    chunkRows,
  });
  const ms = Date.now() - t0;
  clearInterval(sampler);
  process.stderr.write(
    `[bench] import memory: RSS ${peak.rssStartMb} MB before, peak ${peak.rssMb} MB at ${peak.rssAtS} s; peaks of V8 heap used ${peak.heapMb} MB, Buffers ${peak.arrayBuffersMb} MB\n`,
  );
  await client.end();
  process.stdout.write(
    `RESULT ${JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, accepted: outcome.accepted, duplicates: outcome.duplicates, rejected: outcome.rejectedTotal, reversals: outcome.reversals, rowsRead: outcome.rowsRead })}\n`,
  );
  process.exit(0);
}

// Before any lib module reads its settings (lib/env caches them on first use).
process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${PORT}/yibao_bench`;
const { startEmbedded } = await import("../lib/db/bootstrap");
const { prepareDatabase } = await import("../lib/ops/prepare");
const { dropDatabase, withDatabase } = await import("../tests/support/test-db");
const { generateSettlementCsv } = await import("../prisma/seed/settlement-generator");

fs.mkdirSync(OUT, { recursive: true });
let handle = await startEmbedded(DIR, PORT);
const admin = new pg.Client({ connectionString: handle.url("postgres") });
await admin.connect();
const settings = await admin.query<{ name: string; setting: string }>(
  "select name, setting from pg_settings where name in ('shared_buffers', 'max_wal_size')",
);
if (!settings.rows.some((r) => r.name === "shared_buffers" && r.setting === "131072")) {
  await admin.query("alter system set shared_buffers = '1GB'");
  await admin.query("alter system set max_wal_size = '8GB'");
  await admin.query("alter system set checkpoint_timeout = '30min'");
  await admin.end();
  await handle.stop();
  handle = await startEmbedded(DIR, PORT);
} else await admin.end();
const serverUrl = handle.url("postgres");
const db = "yibao_bench";
const url = withDatabase(serverUrl, db);
await dropDatabase(serverUrl, db);
await prepareDatabase(url, { demo: false });

// ---- 1. generate ----
// The 示范区 counties (青浦 310118, 吴江 320509, 嘉善 330421) get visits of their own, so the group
// cases time a query that finds records (the demo data's counties stay as they are).
const SHI_FAN_QU_VISITS: [string, number][] = [
  ["310118", 2],
  ["320509", 2],
  ["330421", 1.5],
];
if (!fs.existsSync(file)) {
  const t0 = Date.now();
  const tmp = `${file}.tmp`;
  await pipeline(
    Readable.from(
      (function* () {
        for (const c of generateSettlementCsv({
          rows: ROWS,
          from: "2024-01-01",
          to: "2025-12-31",
          seed: 42,
          institutionsPerCounty: 20,
          extraVisitCounties: SHI_FAN_QU_VISITS,
        }))
          yield Buffer.from(c, "utf8");
      })(),
    ),
    fs.createWriteStream(tmp),
  );
  fs.renameSync(tmp, file);
  log(`generated ${file} in ${secs(Date.now() - t0)} s`);
}
const fileRows = Number(spawnSync("wc", ["-l", file]).stdout.toString().trim().split(" ")[0]) - 1;
const fileMb = fs.statSync(file).size / 1e6;
log(`file: ${fileRows} rows, ${fileMb.toFixed(0)} MB`);

// ---- 2. raw COPY baseline: the file into a plain logged table of the same columns ----
const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query(`create table bench_raw_copy (settlement_id text, settled_at timestamptz, visit_region char(6), home_region char(6),
  institution_code varchar(20), service_type text, filing_type text, total_cost numeric(14,2), fund_paid numeric(14,2), status text)`);
const t0 = Date.now();
await pipeline(
  fs.createReadStream(file, { highWaterMark: 1 << 20 }),
  client.query(copyFrom("copy bench_raw_copy from stdin (format csv, header true)")),
);
const rawCopyMs = Date.now() - t0;
log(`raw COPY: ${secs(rawCopyMs)} s, ${Math.round(fileRows / (rawCopyMs / 1000))} rows/s`);
await client.query("drop table bench_raw_copy");
await client.query("checkpoint");

// ---- 3. import through the pipeline, in a child process ----
const CHUNK_ROWS = arg("chunk-rows", "");
const child = spawnSync(
  process.execPath,
  ["--import", "tsx", path.resolve("scripts/bench-stats.ts"), "import-child", url, file, CHUNK_ROWS],
  {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    env: { ...process.env, DATABASE_URL: url },
  },
);
const line = child.stdout.split("\n").find((l) => l.startsWith("RESULT "));
process.stderr.write(
  child.stderr
    .split("\n")
    .filter((l) => l.startsWith("[bench]"))
    .join("\n") + "\n",
);
if (!line) {
  process.stderr.write(child.stdout + child.stderr);
  throw new Error("import child failed");
}
for (const l of child.stdout.split("\n"))
  if (l.includes("merge") || l.includes("settlement import") || l.includes("cube deltas"))
    log(`  ${(JSON.parse(l) as { msg: string }).msg}`);
const imp = JSON.parse(line.slice(7)) as {
  ms: number;
  maxRssKb: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  reversals: number;
  rowsRead: number;
};
log(
  `import: ${secs(imp.ms)} s, ${Math.round(imp.rowsRead / (imp.ms / 1000))} rows/s, peak RSS ${(imp.maxRssKb / 1024).toFixed(0)} MB, accepted ${imp.accepted}, reversals ${imp.reversals}, rejected ${imp.rejected}`,
);
if (args.includes("--import-only")) {
  await client.end();
  await handle.stop();
  process.exit(0);
}
await client.query("vacuum analyze");
const sizes = await client.query<{ t: string; n: string; mb: string }>(
  `select t, n::text, mb::text from (
     select 'stats.settlement' as t, (select count(*) from stats.settlement) as n, (select sum(pg_total_relation_size(inhrelid)) from pg_inherits where inhparent = 'stats.settlement'::regclass) / 1e6 as mb
     union all select 'agg_month', (select count(*) from stats.agg_month), pg_total_relation_size('stats.agg_month') / 1e6
     union all select 'agg_day', (select count(*) from stats.agg_day), pg_total_relation_size('stats.agg_day') / 1e6
     union all select 'agg_inst_month', (select count(*) from stats.agg_inst_month), pg_total_relation_size('stats.agg_inst_month') / 1e6
     union all select 'agg_flow_month', (select count(*) from stats.agg_flow_month), pg_total_relation_size('stats.agg_flow_month') / 1e6
     union all select 'agg_scope_month', (select count(*) from stats.agg_scope_month), pg_total_relation_size('stats.agg_scope_month') / 1e6
     union all select 'agg_scope_day', (select count(*) from stats.agg_scope_day), pg_total_relation_size('stats.agg_scope_day') / 1e6
     union all select 'agg_scope_inst', (select count(*) from stats.agg_scope_inst), pg_total_relation_size('stats.agg_scope_inst') / 1e6) x`,
);

// ---- 4. queries: cubes vs naive GROUP BY over the raw records ----
// The demo region groups (decision 020), owned by a national bureau of the bench database.
{
  const { DEMO_GROUPS } = await import("../prisma/seed/region-groups");
  const bureau = await client.query<{ id: string }>(
    `insert into bureau (id, name, name_en, level, region_code, updated_at) values (gen_random_uuid(), '国家医疗保障局', 'NHSA', 'NATIONAL', '000000', now()) returning id`,
  );
  for (const g of DEMO_GROUPS)
    await client.query(
      `insert into region_group (id, slug, name_zh, name_en, description, members, owner_bureau_id, updated_at) values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, now())`,
      [g.slug, g.nameZh, g.nameEn, g.description, g.members, bureau.rows[0]!.id],
    );
}
const q = { ...(await import("../lib/statistics/queries")), ...(await import("../lib/statistics/flows")) };
const b = await import("../lib/statistics/breakdowns");
const { dropAnswerCache } = await import("../lib/statistics/cube-plan");
const cov = await import("../lib/statistics/coverage-query");
const { filtersSchema } = await import("../lib/statistics/schemas");
const { closePgPool } = await import("../lib/db/pg");
type Actor = import("../lib/auth/actor").Actor;
const actor = (regionCode: string, level: Actor["bureauLevel"]): Actor => ({
  id: "00000000-0000-0000-0000-000000000000",
  username: "bench",
  displayName: "bench",
  bureauId: "",
  bureauName: "",
  bureauNameEn: "",
  bureauLevel: level,
  regionCode,
  regionName: "",
  roles: ["ANALYST"],
  mustChangePassword: false,
  via: "token",
});
const national = actor("000000", "NATIONAL");
const hebei = actor("130000", "PROVINCIAL");
const langfang = actor("131000", "MUNICIPAL");
const shanghai = actor("310000", "PROVINCIAL");
const F = (extra: Record<string, string> = {}) => filtersSchema.parse({ from: "2025-01", to: "2025-12", ...extra });

// The naive figure: the raw records, settled and not reversed, grouped on the fly.
const NAIVE_SUMS = `count(*) filter (where status = 'S' and not reversed)::text as visits,
  coalesce(sum(total_cost) filter (where status = 'S' and not reversed), 0)::text as total_cost,
  coalesce(sum(fund_paid) filter (where status = 'S' and not reversed), 0)::text as fund_paid,
  count(*) filter (where status = 'F')::text as failures`;
const scopeSql = (p: string) => (p ? `(visit_region like '${p}%' or home_region like '${p}%')` : "true");

interface Case {
  name: string;
  fast: () => Promise<unknown>;
  naive: string;
  /** Compares the two results (same figures). */
  check?: (fast: unknown, naive: pg.QueryResult) => boolean;
}
type Fig = { visits: bigint; totalCost: bigint; fundPaid: bigint; failures: bigint };
const sameFigures = (f: Fig, r: Record<string, string>) =>
  String(f.visits) === r.visits &&
  String(f.failures) === r.failures &&
  f.totalCost === BigInt(r.total_cost!.replace(".", "")) &&
  f.fundPaid === BigInt(r.fund_paid!.replace(".", ""));
const sameSummary = (fast: unknown, naive: pg.QueryResult) =>
  sameFigures((fast as Awaited<ReturnType<typeof q.getSummary>>).current, naive.rows[0] as Record<string, string>);
const JJJ = `left(visit_region, 2) in ('11', '12', '13')`;
const CSJ_HOME = `left(home_region, 2) in ('31', '32', '33', '34')`;
const cur = `settled_day between '2025-01-01' and '2025-12-31'`;
const cases: Case[] = [
  {
    name: "summary · national · 12 months",
    fast: () => q.getSummary(national, F()),
    naive: `select ${NAIVE_SUMS} from stats.settlement where ${cur}`,
    check: sameSummary,
  },
  {
    name: "summary · Hebei scope",
    fast: () => q.getSummary(hebei, F()),
    naive: `select ${NAIVE_SUMS} from stats.settlement where ${cur} and ${scopeSql("13")}`,
    check: sameSummary,
  },
  {
    name: "summary · Langfang scope (city)",
    fast: () => q.getSummary(langfang, F()),
    naive: `select ${NAIVE_SUMS} from stats.settlement where ${cur} and ${scopeSql("1310")}`,
    check: sameSummary,
  },
  {
    name: "summary · 京津 insured in Hebei, Jan–Jun",
    fast: () => q.getSummary(national, F({ from: "2025-01", to: "2025-06", visitRegion: "13", homeRegion: "11,12" })),
    naive: `select ${NAIVE_SUMS} from stats.settlement where settled_day between '2025-01-01' and '2025-06-30' and visit_region like '13%' and (home_region like '11%' or home_region like '12%')`,
    check: sameSummary,
  },
  {
    name: "summary · group 京津冀 visit × 长三角 home",
    fast: () => q.getSummary(national, F({ visitRegion: "group:jing-jin-ji", homeRegion: "group:chang-san-jiao" })),
    naive: `select ${NAIVE_SUMS} from stats.settlement where ${cur} and ${JJJ} and ${CSJ_HOME}`,
    check: sameSummary,
  },
  {
    name: "summary · group 示范区 (3 counties, visit side)",
    fast: () => q.getSummary(national, F({ visitRegion: "group:shi-fan-qu" })),
    naive: `select ${NAIVE_SUMS} from stats.settlement where ${cur} and visit_region in ('310118', '320509', '330421')`,
    check: sameSummary,
  },
  {
    name: "summary · group 示范区 (home side) · Shanghai scope",
    fast: () => q.getSummary(shanghai, F({ homeRegion: "group:shi-fan-qu" })),
    naive: `select ${NAIVE_SUMS} from stats.settlement where ${cur} and home_region in ('310118', '320509', '330421') and ${scopeSql("31")}`,
    check: sameSummary,
  },
  {
    name: "series · month · 京津冀 × 长三角",
    fast: () =>
      q.getSeries(national, F({ visitRegion: "group:jing-jin-ji", homeRegion: "group:chang-san-jiao" }), "MONTH"),
    naive: `select date_trunc('month', settled_day), ${NAIVE_SUMS} from stats.settlement where settled_day between '2024-01-01' and '2025-12-31' and ${JJJ} and ${CSJ_HOME} group by 1`,
  },
  {
    name: "flows · group matrix 京津冀 × 长三角",
    fast: () =>
      q.getFlows(national, F({ visitRegion: "group:jing-jin-ji", homeRegion: "group:chang-san-jiao" }), "GROUP", 100),
    naive: `select ${NAIVE_SUMS} from stats.settlement where ${cur} and ${JJJ} and ${CSJ_HOME}`,
    check: (fast, naive) => {
      const cell = (fast as Awaited<ReturnType<typeof q.getFlows>>).cells.find(
        (c) => c.visitKey === "group:jing-jin-ji" && c.homeKey === "group:chang-san-jiao",
      );
      return cell !== undefined && sameFigures(cell.figures, naive.rows[0] as Record<string, string>);
    },
  },
  {
    name: "flows · group matrix, every group × every group",
    fast: () => q.getFlows(national, F(), "GROUP", 100),
    naive: `select left(visit_region, 2), left(home_region, 2), ${NAIVE_SUMS} from stats.settlement where ${cur} group by 1, 2`,
  },
  {
    name: "summary · county 110105 · outpatient",
    fast: () => q.getSummary(national, F({ visitRegion: "110105", serviceType: "OUTPATIENT" })),
    naive: `select ${NAIVE_SUMS} from stats.settlement where ${cur} and visit_region = '110105' and service_type = 2`,
    check: sameSummary,
  },
  {
    name: "summary · one institution",
    fast: () => q.getSummary(national, F({ institution: "H11010500001" })),
    naive: `select ${NAIVE_SUMS} from stats.settlement where ${cur} and institution_code = 'H11010500001'`,
    check: sameSummary,
  },
  {
    name: "series · month · national (24 months read)",
    fast: () => q.getSeries(national, F(), "MONTH"),
    naive: `select date_trunc('month', settled_day), ${NAIVE_SUMS} from stats.settlement where settled_day between '2024-01-01' and '2025-12-31' group by 1`,
  },
  {
    name: "series · quarter · Hebei",
    fast: () => q.getSeries(hebei, F(), "QUARTER"),
    naive: `select date_trunc('quarter', settled_day), ${NAIVE_SUMS} from stats.settlement where settled_day between '2024-01-01' and '2025-12-31' and ${scopeSql("13")} group by 1`,
  },
  {
    name: "series · day · national, 12 months",
    fast: () => q.getSeries(national, F(), "DAY"),
    naive: `select settled_day, ${NAIVE_SUMS} from stats.settlement where settled_day between '2024-01-01' and '2025-12-31' group by 1`,
  },
  {
    name: "series · day · Hebei, 3 months",
    fast: () => q.getSeries(hebei, F({ from: "2025-10", to: "2025-12" }), "DAY"),
    naive: `select settled_day, ${NAIVE_SUMS} from stats.settlement where (settled_day between '2024-10-01' and '2024-12-31' or settled_day between '2025-10-01' and '2025-12-31') and ${scopeSql("13")} group by 1`,
  },
  {
    name: "flows · province · national",
    fast: () => q.getFlows(national, F(), "PROVINCE", 400),
    naive: `select left(visit_region, 2), left(home_region, 2), ${NAIVE_SUMS} from stats.settlement where ${cur} group by 1, 2`,
  },
  {
    name: "flows · city · Hebei",
    fast: () => q.getFlows(hebei, F(), "CITY", 400),
    naive: `select left(visit_region, 4), left(home_region, 4), ${NAIVE_SUMS} from stats.settlement where ${cur} and ${scopeSql("13")} group by 1, 2`,
  },
  {
    name: "top visit regions (outflow) · Hebei",
    fast: () => q.getTopRegions(hebei, F(), "outflow", "PROVINCE"),
    naive: `select left(visit_region, 2), ${NAIVE_SUMS} from stats.settlement where ${cur} and home_region like '13%' group by 1 order by 3 desc limit 10`,
  },
  {
    name: "breakdown · service type · national",
    fast: () => b.getServiceBreakdown(national, F()),
    naive: `select service_type, ${NAIVE_SUMS} from stats.settlement where settled_day between '2024-01-01' and '2025-12-31' group by 1`,
  },
  {
    name: "breakdown · filing type · Hebei",
    fast: () => b.getFilingBreakdown(hebei, F()),
    naive: `select filing_type, ${NAIVE_SUMS} from stats.settlement where settled_day between '2024-01-01' and '2025-12-31' and ${scopeSql("13")} group by 1`,
  },
  {
    name: "top institutions · national",
    fast: () => q.getTopInstitutions(national, F()),
    naive: `select institution_code, ${NAIVE_SUMS} from stats.settlement where ${cur} group by 1 order by 2 desc limit 10`,
  },
  {
    name: "top institutions · Hebei",
    fast: () => q.getTopInstitutions(hebei, F()),
    naive: `select institution_code, ${NAIVE_SUMS} from stats.settlement where ${cur} and ${scopeSql("13")} group by 1 order by 2 desc limit 10`,
  },
  {
    name: "coverage map (months × provinces, uncached)",
    fast: () => cov.loadCoverageMap(national),
    naive: `select distinct p as key, to_char(settled_day, 'YYYY-MM') as month from stats.settlement, lateral (values (left(visit_region, 2)), (left(home_region, 2))) v(p)`,
    check: (fast, naive) =>
      [...(fast as Map<string, Set<string>>).entries()]
        .filter(([k]) => k !== "")
        .reduce((n, [, m]) => n + m.size, 0) === naive.rowCount,
  },
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const time = async (fn: () => Promise<unknown>) => {
  const t = process.hrtime.bigint();
  const r = await fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, r };
};
const results: { name: string; p50: number; p95: number; naiveP50: number; naiveP95: number; same: string }[] = [];
// Real queries, not answers from the dashboard's answer cache (decision 015): the cache is
// emptied before every timed call. The region tree, the region groups and the coverage map stay
// cached, as in the running app (the coverage map is timed on its own, the last case).
const uncached = (fn: () => Promise<unknown>) => () => {
  dropAnswerCache();
  return fn();
};
for (const c of cases) {
  for (let i = 0; i < 3; i++) await uncached(c.fast)();
  const fast: number[] = [];
  let fastResult: unknown;
  for (let i = 0; i < RUNS; i++) {
    const { ms, r } = await time(uncached(c.fast));
    fast.push(ms);
    fastResult = r;
  }
  const naive: number[] = [];
  let naiveResult: pg.QueryResult | undefined;
  for (let i = 0; i < NAIVE_RUNS; i++) {
    const { ms, r } = await time(() => client.query(c.naive));
    naive.push(ms);
    naiveResult = r as pg.QueryResult;
  }
  const same = c.check ? (c.check(fastResult, naiveResult!) ? "yes" : "NO") : "–";
  results.push({
    name: c.name,
    p50: pct(fast, 50),
    p95: pct(fast, 95),
    naiveP50: pct(naive, 50),
    naiveP95: pct(naive, 95),
    same,
  });
  log(
    `${c.name}: p50 ${pct(fast, 50).toFixed(1)} ms, p95 ${pct(fast, 95).toFixed(1)} ms | naive p50 ${pct(naive, 50).toFixed(0)} ms, p95 ${pct(naive, 95).toFixed(0)} ms | ×${(pct(naive, 50) / pct(fast, 95)).toFixed(0)} | same ${same}`,
  );
}
await client.end();
await closePgPool();

const md = [
  `Rows in file: ${fileRows.toLocaleString("en")} (${fileMb.toFixed(0)} MB), generated over 2024-01 … 2025-12.`,
  "",
  "| step | time | rows/s | peak RSS |",
  "|---|---:|---:|---:|",
  `| raw \`COPY … (format csv)\` of the file into a plain table | ${secs(rawCopyMs)} s | ${Math.round(fileRows / (rawCopyMs / 1000)).toLocaleString("en")} | – |`,
  `| import pipeline (decode, validate, sum deltas, COPY of the records — into unindexed staging partitions by a second connection for new months —, key index, reversals, cube writes) | ${secs(imp.ms)} s | ${Math.round(imp.rowsRead / (imp.ms / 1000)).toLocaleString("en")} | ${(imp.maxRssKb / 1024).toFixed(0)} MB |`,
  "",
  `Import ÷ raw COPY: ${(imp.ms / rawCopyMs).toFixed(2)}×. Accepted ${imp.accepted.toLocaleString("en")}, reversals ${imp.reversals.toLocaleString("en")}, rejected ${imp.rejected}.`,
  "",
  "| table | rows | MB |",
  "|---|---:|---:|",
  ...sizes.rows.map(
    (r) =>
      `| ${r.t === "stats.settlement" ? "stats.settlement (all partitions, with their key index)" : `stats.${r.t}`} | ${Number(r.n).toLocaleString("en")} | ${Number(r.mb).toFixed(0)} |`,
  ),
  "",
  "Cube queries are timed uncached: the dashboard's answer cache is emptied before every call.",
  "",
  `| query (${RUNS} runs; naive ${NAIVE_RUNS}) | p50 ms | p95 ms | naive p50 ms | naive p95 ms | naive p50 ÷ p95 | same figures |`,
  "|---|---:|---:|---:|---:|---:|---|",
  ...results.map(
    (r) =>
      `| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.naiveP50.toFixed(0)} | ${r.naiveP95.toFixed(0)} | ${(r.naiveP50 / r.p95).toFixed(0)}× | ${r.same} |`,
  ),
].join("\n");
fs.writeFileSync(path.join(OUT, `result-${ROWS}.md`), md + "\n");
process.stdout.write(`\n${md}\n`);
await handle.stop();
process.exit(0);
