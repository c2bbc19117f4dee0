// The invariant behind every dashboard figure: after any sequence of imports — new records,
// re-sent and overlapping files, rows repeated inside a file, reversals before and after their
// record, failures — each aggregate cube holds exactly what a GROUP BY over the raw records
// gives (SETTLED and not reversed for visits and amounts, FAILED for failures), at every level,
// and each scope cube holds every record once under its visit and its home region.
import fs from "node:fs";
import os from "node:os";
import { Readable } from "node:stream";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { settlementCsv, type SettlementRow } from "../../tests/factories/settlements";
import { databaseUrl } from "../env";
import { pgPool } from "../db/pg";
import { importSettlementCsv, type ImportOptions } from "./service";

const VISITS = ["110105", "110108", "310104", "310115", "130102", "131002", "120101"];
const HOMES = ["130102", "130602", "131002", "110105", "320506", "340104", "120101"];
const SERVICES = ["INPATIENT", "OUTPATIENT", "CHRONIC", "PHARMACY"];
const FILINGS = ["", "RELOCATED", "RESIDENT", "REFERRAL", "EMERGENCY", "TEMPORARY", "FILING_FREE"];

/** Deterministic pseudo-random rows over three months around a month edge (Beijing time). */
function rows(prefix: string, n: number, seed: number): SettlementRow[] {
  let x = seed;
  const r = (k: number) => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x % k);
  return Array.from({ length: n }, (_, i) => {
    const visit = VISITS[r(VISITS.length)]!;
    const cost = 100 + r(900_000);
    const day = 1 + r(28);
    const month = ["2024-12", "2025-01", "2025-02"][r(3)]!;
    return {
      settlement_id: `${prefix}-${i}`,
      // Some instants are UTC evenings: the Beijing day (and month) is the next one.
      settled_at:
        r(4) === 0
          ? `${month}-${String(day).padStart(2, "0")}T17:30:00Z`
          : `${month}-${String(day).padStart(2, "0")}T09:15:00+08:00`,
      visit_region: visit,
      home_region: HOMES[r(HOMES.length)]!,
      institution_code: `H${visit}${String(1 + r(3)).padStart(5, "0")}`,
      service_type: SERVICES[r(SERVICES.length)]!,
      filing_type: FILINGS[r(FILINGS.length)]!,
      total_cost: (cost / 100).toFixed(2),
      fund_paid: (Math.floor(cost * (r(90) / 100)) / 100).toFixed(2),
      status: r(12) === 0 ? "FAILED" : "SETTLED",
    };
  });
}

const reversal = (row: SettlementRow, at = "2025-02-27T08:00:00+08:00"): SettlementRow => ({
  ...row,
  settled_at: at,
  status: "REVERSED",
});

/** Every non-zero cube row, as text, next to the same rows recomputed from the raw records. */
async function cubesAndTruth(): Promise<{ cube: string[]; truth: string[] }[]> {
  const raw = `select *, date_trunc('month', settled_day)::date as month,
       case when status = 'S' and not reversed then 1 else 0 end as v,
       case when status = 'S' and not reversed then (total_cost * 100)::bigint else 0 end as c,
       case when status = 'S' and not reversed then (fund_paid * 100)::bigint else 0 end as f,
       case when status = 'F' then 1 else 0 end as fl
     from stats.settlement`;
  const m = `sum(v) as visits, sum(c) as total_fen, sum(f) as fund_fen, sum(fl) as failures`;
  const pairs: [string, string][] = [];
  for (const lvl of [0, 2, 4, 6]) {
    const k = (col: string) => (lvl === 0 ? "''" : `left(${col}, ${lvl})`);
    pairs.push([
      `select lvl, month, visit_key, home_key, service_type, filing_type, visits, total_fen, fund_fen, failures from stats.agg_month where lvl = ${lvl}`,
      `select ${lvl}::smallint as lvl, month, ${k("visit_region")} as vk, ${k("home_region")} as hk, service_type, filing_type, ${m} from (${raw}) r group by 2, 3, 4, 5, 6`,
    ]);
  }
  for (const lvl of [2, 4, 6]) {
    pairs.push([
      `select lvl, month, visit_key, home_key, visits, total_fen, fund_fen, failures from stats.agg_flow_month where lvl = ${lvl}`,
      `select ${lvl}::smallint as lvl, month, left(visit_region, ${lvl}) as vk, left(home_region, ${lvl}) as hk, ${m} from (${raw}) r group by 2, 3, 4`,
    ]);
  }
  for (const lvl of [0, 4]) {
    const k = (col: string) => (lvl === 0 ? "''" : `left(${col}, ${lvl})`);
    pairs.push([
      `select lvl, day, visit_key, home_key, service_type, visits, total_fen, fund_fen, failures from stats.agg_day where lvl = ${lvl}`,
      `select ${lvl}::smallint as lvl, settled_day, ${k("visit_region")} as vk, ${k("home_region")} as hk, service_type, ${m} from (${raw}) r group by 2, 3, 4, 5`,
    ]);
  }
  for (const lvl of [0, 6]) {
    const k = (col: string) => (lvl === 0 ? "''" : `left(${col}, ${lvl})`);
    pairs.push([
      `select lvl, month, institution_code, visit_key, home_key, service_type, visits, total_fen, fund_fen, failures from stats.agg_inst_month where lvl = ${lvl}`,
      `select ${lvl}::smallint as lvl, month, institution_code, ${k("visit_region")} as vk, ${k("home_region")} as hk, service_type, ${m} from (${raw}) r group by 2, 3, 4, 5, 6`,
    ]);
  }
  // Scope cubes: each record once under its visit region's key and, when different, its home region's.
  const scoped = (lvl: number) =>
    `select left(visit_region, ${lvl}) as k, r.* from (${raw}) r
     union all select left(home_region, ${lvl}), r.* from (${raw}) r where left(home_region, ${lvl}) <> left(visit_region, ${lvl})`;
  for (const lvl of [2, 4]) {
    pairs.push([
      `select lvl, scope_key, month, service_type, filing_type, visits, total_fen, fund_fen, failures from stats.agg_scope_month where lvl = ${lvl}`,
      `select ${lvl}::smallint as lvl, k, month, service_type, filing_type, ${m} from (${scoped(lvl)}) r group by 2, 3, 4, 5`,
    ]);
  }
  pairs.push([
    `select lvl, scope_key, day, service_type, visits, total_fen, fund_fen, failures from stats.agg_scope_day where lvl = 2`,
    `select 2::smallint as lvl, k, settled_day, service_type, ${m} from (${scoped(2)}) r group by 2, 3, 4`,
  ]);
  pairs.push([
    `select lvl, scope_key, month, institution_code, visits, total_fen, fund_fen, failures from stats.agg_scope_inst where lvl = 0`,
    `select 0::smallint as lvl, ''::text as k, month, institution_code, ${m} from (${raw}) r group by 3, 4`,
  ]);
  pairs.push([
    `select lvl, scope_key, month, institution_code, visits, total_fen, fund_fen, failures from stats.agg_scope_inst where lvl = 2`,
    `select 2::smallint as lvl, k, month, institution_code, ${m} from (${scoped(2)}) r group by 2, 3, 4`,
  ]);
  const text = async (sql: string) =>
    (
      await pgPool().query<{ t: string }>(
        `select x::text as t from (select * from (${sql}) y) x where (x.visits <> 0 or x.total_fen <> 0 or x.fund_fen <> 0 or x.failures <> 0) order by 1`,
      )
    ).rows.map((r) => r.t);
  return Promise.all(pairs.map(async ([cube, truth]) => ({ cube: await text(cube), truth: await text(truth) })));
}

/**
 * Imports `text` through the real pipeline. `chunked`: the body arrives in 300-byte pieces, every
 * row is a batch of its own and every 40 rows are merged on their own, so duplicates and reversals cross chunks.
 */
async function importText(text: string, chunked: boolean) {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const bytes = Buffer.from(text, "utf8");
    const pieces = chunked
      ? Array.from({ length: Math.ceil(bytes.length / 300) }, (_, i) => bytes.subarray(i * 300, (i + 1) * 300))
      : [bytes];
    const opts: ImportOptions = { source: "api", scopePrefix: "", ...(chunked && { chunkRows: 40, batchChars: 1 }) };
    return await importSettlementCsv(client, Readable.from(pieces), opts);
  } finally {
    await client.end();
  }
}

describe.each([
  ["one merge per file", false],
  ["a merge every 40 rows", true],
] as const)("aggregate cubes (%s)", (_name, chunked) => {
  it("equal a GROUP BY over the raw records at every level after mixed imports", async () => {
    const p = chunked ? "C" : "W";
    const importCsv = (text: string) => importText(text, chunked);
    const a = rows(`${p}A`, 400, 11);
    const settledA = a.filter((r) => r.status === "SETTLED");
    // File 1: new rows, one repeated inside the file, a reversal of a row of the same file, and
    // a reversal whose record arrives only in file 2.
    const early = rows(`${p}LATE`, 1, 5)[0]!;
    const f1 = await importCsv(
      settlementCsv([...a, a[3]!, reversal(settledA[0]!), reversal({ ...early, status: "SETTLED" })]),
    );
    expect(f1).toMatchObject({ rejectedTotal: 0, duplicates: 1, reversals: 1 });

    // File 2: overlaps file 1, adds new rows, reverses records of file 1, and brings the record
    // whose reversal came first.
    const b = rows(`${p}B`, 300, 23);
    const f2 = await importCsv(
      settlementCsv([
        ...a.slice(100, 200),
        ...b,
        reversal(settledA[1]!),
        reversal(settledA[2]!),
        { ...early, status: "SETTLED" },
      ]),
    );
    expect(f2).toMatchObject({ rejectedTotal: 0, duplicates: 100, accepted: 303, reversals: 3 });

    // File 3: the same file again changes nothing.
    expect(await importCsv(settlementCsv([...a.slice(100, 200), ...b]))).toMatchObject({
      accepted: 0,
      duplicates: 400,
    });

    const result = await cubesAndTruth();
    for (const { cube, truth } of result) {
      expect(truth.length).toBeGreaterThan(0);
      expect(cube).toEqual(truth);
    }
    // And nothing at levels the queries no longer read (decision 007: slimmer cubes).
    const levels = async (t: string) =>
      (await pgPool().query<{ l: number }>(`select distinct lvl as l from stats.${t} order by 1`)).rows.map((r) => r.l);
    expect(await levels("agg_month")).toEqual([0, 2, 4, 6]);
    expect(await levels("agg_day")).toEqual([0, 4]);
    expect(await levels("agg_inst_month")).toEqual([0, 6]);
    expect(await levels("agg_flow_month")).toEqual([2, 4, 6]);
  });
});

describe("an import's scratch", () => {
  const spools = () =>
    fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`yibao-settlements-${process.pid}-`)).length;
  const stored = async (prefix: string) =>
    (
      await pgPool().query<{ n: number }>(
        "select count(*)::int as n from stats.settlement where settlement_id like $1",
        [`${prefix}-%`],
      )
    ).rows[0]!.n;

  it("spool files are removed after fast chunks, slow chunks and a failed import, which leaves no record behind", async () => {
    const first = rows("SP", 100, 3);
    expect(await importText(settlementCsv(first), true)).toMatchObject({ accepted: 100 });
    expect(spools()).toBe(0);
    // Overlapping: every chunk meets keys already there and takes the slow path.
    expect(await importText(settlementCsv([...first.slice(50), ...rows("SQ", 50, 4)]), true)).toMatchObject({
      accepted: 50,
      duplicates: 50,
    });
    expect(spools()).toBe(0);
    // Invalid UTF-8 after 1,200 good rows (past the 64 KiB read to choose the encoding, three
    // chunks merged): the whole import is rolled back.
    // Its months (2030) are fresh: their records go through the second connection (fresh.ts).
    const good = Buffer.from(
      settlementCsv(
        rows("SR", 1200, 5).map((r) => ({ ...r, settled_at: String(r.settled_at).replace(/^202[45]/, "2030") })),
      ),
      "utf8",
    );
    expect(good.length).toBeGreaterThan(65536);
    const broken = Buffer.concat([good, Buffer.from([0xff, 0xfe, 0x0a])]);
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      const pieces = Array.from({ length: Math.ceil(broken.length / 4096) }, (_, i) =>
        broken.subarray(i * 4096, (i + 1) * 4096),
      );
      await expect(
        importSettlementCsv(client, Readable.from(pieces), {
          source: "api",
          scopePrefix: "",
          chunkRows: 400,
          batchChars: 2000,
        }),
      ).rejects.toThrow();
    } finally {
      await client.end();
    }
    expect(await stored("SR")).toBe(0);
    expect(spools()).toBe(0);
    // Nor the second connection's staging tables, nor partitions for the fresh months.
    const left = await pgPool().query(
      "select relname from pg_class where relname like 'settlement\\_imp\\_%' or relname like 'settlement\\_2030%'",
    );
    expect(left.rows).toEqual([]);
    // Staging tables of an import that died after its second connection committed: dropped by the next import.
    await pgPool().query(
      "create table stats.settlement_imp_999999 (like stats.settlement) partition by range (settled_day)",
    );
    expect(await importText(settlementCsv(rows("SO", 5, 6)), false)).toMatchObject({ accepted: 5 });
    expect((await pgPool().query("select 1 from pg_class where relname = 'settlement_imp_999999'")).rowCount).toBe(0);
  });
});
