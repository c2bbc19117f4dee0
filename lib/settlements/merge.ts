// The PostgreSQL half of an import, on the import's own connection and inside its transaction (the fresh months' second connection: fresh.ts).
// Each chunk of the file is one savepoint:
// - fast path (new records, the usual case): the parser's COPY text goes straight into the
//   monthly partitions (`copyRecords`); the per-partition unique index is the idempotency check;
//   the cube deltas the parser summed (lib/settlements/deltas.ts) into the delta tables (`loadDeltas`);
// - slow path (the unique index refused a row: a re-sent or overlapping file, a row repeated in
//   the file): back to the savepoint, the chunk's spooled COPY text into a temp table, new records
//   inserted with ON CONFLICT DO NOTHING and the deltas summed from what was inserted (`mergeSpooled`);
// - then either way: the chunk's reversals recorded (`recordReversals`) and the delta tables
//   into the cubes (`flushDeltas`); once every record is in (fresh months attached, fresh.ts),
//   each reversal still waiting for its record matched, flagged and subtracted (`matchReversals`).
// See docs/decisions/007-statistics.md.
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { DeltaTable } from "./deltas";

/** Any pg connection (pool client or plain client). */
export type PgConn = Pick<pg.ClientBase, "query">;

/** Columns of a record line of COPY text (lib/settlements/csv.ts recordLine), in order. */
export const RECORD_COLUMNS =
  "settlement_id, status, settled_at, settled_day, visit_region, home_region, institution_code, service_type, filing_type, total_cost, fund_paid, import_id";

/** Scratch tables of the import's transaction (dropped at its end). */
export const MERGE_DDL = [
  // The deltas summed by the parser, one table per pair cube at its finest grain.
  `create temp table d_month (month date, v text collate "C", h text collate "C", svc smallint, fil smallint,
     visits bigint, cost bigint, fund bigint, failures bigint) on commit drop`,
  `create temp table d_day (day date, v text collate "C", h text collate "C", svc smallint,
     visits bigint, cost bigint, fund bigint, failures bigint) on commit drop`,
  `create temp table d_inst (month date, inst text collate "C", v text collate "C", h text collate "C", svc smallint,
     visits bigint, cost bigint, fund bigint, failures bigint) on commit drop`,
  // A chunk's reversals (row_no, settlement_id, settled_at, settled_day).
  `create temp table rev_in (row_no integer, settlement_id text collate "C", settled_at timestamptz, settled_day date) on commit drop`,
  // The slow path's chunk, as spooled: shaped like the records.
  `create temp table stg (like stats.settlement including defaults) on commit drop`,
  // Records to add (slow path: those inserted) or subtract (cancelled by a reversal), shaped for deltasOfRows.
  `create temp table moved (settled_day date, visit_region char(6) collate "C", home_region char(6) collate "C",
     institution_code varchar(20) collate "C", service_type smallint, filing_type smallint, status "char",
     total_fen bigint, fund_fen bigint) on commit drop`,
];

/** Monthly partitions for Beijing-time months ("YYYY-MM") that have none yet. */
export async function ensurePartitions(client: PgConn, months: Iterable<string>): Promise<void> {
  const list = [...months];
  if (!list.length) return;
  const missing = await client.query<{ m: string; next: string; part: string }>(
    `select to_char(m, 'YYYY-MM-DD') as m, to_char(m + interval '1 month', 'YYYY-MM-DD') as next,
            'settlement_' || to_char(m, 'YYYYMM') as part
       from (select (x || '-01')::date as m from unnest($1::text[]) x) x
      where to_regclass('stats.settlement_' || to_char(m, 'YYYYMM')) is null`,
    [list],
  );
  for (const r of missing.rows) {
    // Values come from the database's own date formatting (digits and dashes only).
    await client.query(
      `create table stats."${r.part}" partition of stats.settlement for values from ('${r.m}') to ('${r.next}')`,
    );
  }
}

/** A spooled file of record lines into the partitions. False when the unique key index refused a row (23505: a key already there, or twice in the file). */
export async function copyRecords(client: pg.ClientBase, spool: string): Promise<boolean> {
  try {
    await copyFile(client, `stats.settlement (${RECORD_COLUMNS})`, spool);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === "23505") return false;
    throw e;
  }
}

async function copyText(
  client: pg.ClientBase,
  table: string,
  pieces: Iterable<string | Buffer> | AsyncIterable<Buffer>,
): Promise<void> {
  await pipeline(Readable.from(pieces, { objectMode: false }), client.query(copyFrom(`copy ${table} from stdin`)));
}

/** A spool file (COPY text written by the parser) into `table`. */
export function copyFile(client: pg.ClientBase, table: string, file: string): Promise<void> {
  return copyText(client, table, fs.createReadStream(file, { highWaterMark: 1 << 18 }) as AsyncIterable<Buffer>);
}

/**
 * The rows of `src` once under each scope key they fall in: the visit region's prefix of length
 * `lvl`, and the home region's when it differs (a settlement inside one region counts once).
 * Adds columns `lvl` and `k`.
 */
function scopeKeys(src: string, v: string, h: string, levels: number[]): string {
  const l = `(values ${levels.map((n) => `(${n}::smallint)`).join(", ")}) l(lvl)`;
  return `select l.lvl, left(${v}, l.lvl) as k, s.* from ${src} s cross join ${l}
          union all select l.lvl, left(${h}, l.lvl), s.* from ${src} s cross join ${l} where left(${h}, l.lvl) <> left(${v}, l.lvl)`;
}

/** The finest grain of each pair cube, as queries with the columns of the delta tables. */
type Deltas = Record<DeltaTable, string>;

/** Deltas summed from records: `src` is a FROM clause over rows aliased `s` shaped like `moved`; `sign` −1 subtracts. */
function deltasOfRows(src: string, sign: 1 | -1): Deltas {
  const sg = sign === 1 ? "" : "-";
  const measures = `${sg}count(*) filter (where s.status = 'S') as visits,
      ${sg}coalesce(sum(s.total_fen) filter (where s.status = 'S'), 0) as cost,
      ${sg}coalesce(sum(s.fund_fen) filter (where s.status = 'S'), 0) as fund,
      ${sg}count(*) filter (where s.status = 'F') as failures`;
  return {
    d_month: `select date_trunc('month', s.settled_day)::date as month, s.visit_region::text as v, s.home_region::text as h, s.service_type as svc, s.filing_type as fil, ${measures}
                from ${src} group by 1, 2, 3, 4, 5`,
    d_day: `select s.settled_day as day, left(s.visit_region, 4) as v, left(s.home_region, 4) as h, s.service_type as svc, ${measures}
              from ${src} group by 1, 2, 3, 4`,
    d_inst: `select date_trunc('month', s.settled_day)::date as month, s.institution_code::text as inst, s.visit_region::text as v, s.home_region::text as h, s.service_type as svc, ${measures}
               from ${src} group by 1, 2, 3, 4, 5`,
  };
}

/** Adds the deltas of the records in `moved` (sign 1: new records, −1: cancelled ones) to the delta tables. */
export async function addMovedDeltas(client: PgConn, sign: 1 | -1): Promise<void> {
  const d = deltasOfRows("moved s", sign);
  for (const t of ["d_month", "d_day", "d_inst"] as const) await client.query(`insert into ${t} ${d[t]}`);
  await client.query("truncate moved");
}

const NONZERO = `sum(visits) <> 0 or sum(cost) <> 0 or sum(fund) <> 0 or sum(failures) <> 0`;

const MEASURES_UPDATE = `visits = a.visits + excluded.visits, total_fen = a.total_fen + excluded.total_fen,
  fund_fen = a.fund_fen + excluded.fund_fen, failures = a.failures + excluded.failures`;

// Cube upserts of the delta tables (each summed by its key first: a key may have a parser row
// and a subtraction): the finest grain of each pair cube, its coarser levels and the matching
// scope cube rolled up from it and upserted in key order (which also lays new cube rows out in
// key order on disk: region-filtered reads touch fewer pages). This is the one place that knows
// the levels of every cube.
function cubeUpserts(mode: "insert" | "upsert"): string[] {
  // Insert mode takes the dates in $1 (new to the cube: nothing to conflict with, a plain insert
  // is a quarter cheaper), upsert mode all others.
  const dates = (col: string) => `where ${col} ${mode === "insert" ? "= any($1::date[])" : "<> all($1::date[])"}`;
  const onConflict = (keys: string) =>
    mode === "insert" ? "" : `on conflict (${keys}) do update set ${MEASURES_UPDATE}`;
  const m = `sum(visits), sum(cost), sum(fund), sum(failures)`;
  const sums = `sum(visits) as visits, sum(cost) as cost, sum(fund) as fund, sum(failures) as failures`;
  return [
    `with d as materialized (select month, v, h, svc, fil, ${sums} from d_month ${dates("month")} group by 1, 2, 3, 4, 5 having ${NONZERO}),
     sc as (
       insert into stats.agg_scope_month as a (lvl, scope_key, month, service_type, filing_type, visits, total_fen, fund_fen, failures)
       select lvl, k, month, svc, fil, ${m} from (${scopeKeys("d", "v", "h", [2, 4])}) x
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
       ${onConflict("lvl, scope_key, month, service_type, filing_type")}),
     fl as (
       insert into stats.agg_flow_month as a (lvl, month, visit_key, home_key, visits, total_fen, fund_fen, failures)
       select * from (
         select 6::smallint, month, v, h, ${m} from d group by month, v, h
         union all select 4, month, left(v, 4), left(h, 4), ${m} from d group by month, left(v, 4), left(h, 4)
         union all select 2, month, left(v, 2), left(h, 2), ${m} from d group by month, left(v, 2), left(h, 2)) y
        order by 1, 2, 3, 4
       ${onConflict("lvl, month, visit_key, home_key")})
     insert into stats.agg_month as a (lvl, month, visit_key, home_key, service_type, filing_type, visits, total_fen, fund_fen, failures)
     select * from (
       select 6::smallint, month, v, h, svc, fil, visits, cost, fund, failures from d
       union all select 4, month, left(v, 4), left(h, 4), svc, fil, ${m} from d group by month, left(v, 4), left(h, 4), svc, fil
       union all select 2, month, left(v, 2), left(h, 2), svc, fil, ${m} from d group by month, left(v, 2), left(h, 2), svc, fil
       union all select 0, month, '', '', svc, fil, ${m} from d group by month, svc, fil) x
     order by 1, 2, 3, 4, 5, 6
     ${onConflict("lvl, month, visit_key, home_key, service_type, filing_type")}`,
    `with d as materialized (select day, v, h, svc, ${sums} from d_day ${dates("day")} group by 1, 2, 3, 4 having ${NONZERO}),
     sc as (
       insert into stats.agg_scope_day as a (lvl, scope_key, day, service_type, visits, total_fen, fund_fen, failures)
       select lvl, k, day, svc, ${m} from (${scopeKeys("d", "v", "h", [2])}) x
        group by 1, 2, 3, 4 order by 1, 2, 3, 4
       ${onConflict("lvl, scope_key, day, service_type")})
     insert into stats.agg_day as a (lvl, day, visit_key, home_key, service_type, visits, total_fen, fund_fen, failures)
     select * from (
       select 4::smallint, day, v, h, svc, visits, cost, fund, failures from d
       union all select 0, day, '', '', svc, ${m} from d group by day, svc) x
     order by 1, 2, 3, 4, 5
     ${onConflict("lvl, day, visit_key, home_key, service_type")}`,
    `with d as materialized (select month, inst, v, h, svc, ${sums} from d_inst ${dates("month")} group by 1, 2, 3, 4, 5 having ${NONZERO}),
     sc as (
       insert into stats.agg_scope_inst as a (lvl, scope_key, month, institution_code, visits, total_fen, fund_fen, failures)
       select * from (
         select 0::smallint, ''::text, month, inst, ${m} from d group by month, inst
         union all select lvl, k, month, inst, ${m} from (${scopeKeys("d", "v", "h", [2])}) x group by lvl, k, month, inst) y
        order by 1, 2, 3, 4
       ${onConflict("lvl, scope_key, month, institution_code")})
     insert into stats.agg_inst_month as a (lvl, month, institution_code, visit_key, home_key, service_type, visits, total_fen, fund_fen, failures)
     select * from (
       select 6::smallint, month, inst, v, h, svc, visits, cost, fund, failures from d
       union all select 0, month, inst, '', '', svc, ${m} from d group by month, inst, svc) x
     order by 1, 2, 3, 4, 5, 6
     ${onConflict("lvl, month, institution_code, visit_key, home_key, service_type")}`,
  ];
}

const CUBE_INSERTS = cubeUpserts("insert");
const CUBE_UPSERTS = cubeUpserts("upsert");

/**
 * The delta tables into the cubes, then emptied. Dates the cube has no row for yet (none at
 * level 0, which every write fills) are inserted, the others upserted.
 */
export async function flushDeltas(client: PgConn): Promise<void> {
  const fresh = await client.query<{ month: string[]; day: string[]; inst: string[] }>(
    `select coalesce((select array_agg(m::text) from (select distinct month as m from d_month) x
                       where not exists (select 1 from stats.agg_month a where a.lvl = 0 and a.month = x.m)), '{}') as month,
            coalesce((select array_agg(m::text) from (select distinct day as m from d_day) x
                       where not exists (select 1 from stats.agg_day a where a.lvl = 0 and a.day = x.m)), '{}') as day,
            coalesce((select array_agg(m::text) from (select distinct month as m from d_inst) x
                       where not exists (select 1 from stats.agg_inst_month a where a.lvl = 0 and a.month = x.m)), '{}') as inst`,
  );
  const f = fresh.rows[0]!;
  for (const [i, dates] of [f.month, f.day, f.inst].entries()) {
    if (dates.length) await client.query(CUBE_INSERTS[i]!, [dates]);
    await client.query(CUBE_UPSERTS[i]!, [dates]);
  }
  await client.query("truncate d_month, d_day, d_inst");
}

/** Fast path: the cube deltas the parser summed (a spooled file per delta table) into the delta tables. */
export async function loadDeltas(client: pg.ClientBase, files: Record<DeltaTable, string>): Promise<void> {
  for (const t of ["d_month", "d_day", "d_inst"] as const) await copyFile(client, t, files[t]);
}

/**
 * Slow path: the chunk's spooled record lines into `stg`, the new ones into the partitions
 * (ON CONFLICT DO NOTHING: keys already there, or repeated inside the file, are duplicates) and
 * what was inserted into the cubes. Returns the number of records inserted.
 */
export async function mergeSpooled(client: pg.ClientBase, spool: string, months: Iterable<string>): Promise<number> {
  await client.query("truncate stg");
  await copyFile(client, `stg (${RECORD_COLUMNS})`, spool);
  await client.query("analyze stg");
  await ensurePartitions(client, months);
  const ins = await client.query(
    `with ins as (
       insert into stats.settlement (${RECORD_COLUMNS}) select ${RECORD_COLUMNS} from stg
       on conflict do nothing
       returning settled_day, visit_region, home_region, institution_code, service_type, filing_type, status, total_cost, fund_paid)
     insert into moved select settled_day, visit_region, home_region, institution_code, service_type, filing_type, status,
                              (total_cost * 100)::bigint, (fund_paid * 100)::bigint from ins`,
  );
  const inserted = ins.rowCount ?? 0;
  if (inserted) await addMovedDeltas(client, 1);
  await client.query("truncate stg");
  return inserted;
}

/** A chunk's reversals (COPY text for rev_in) recorded, once per settlement_id. Returns how many are new. */
export async function recordReversals(client: pg.ClientBase, importId: number, reversals: Buffer[]): Promise<number> {
  if (!reversals.length) return 0;
  await copyText(client, "rev_in", reversals);
  const ins = await client.query(
    `insert into stats.settlement_reversal (settlement_id, settled_at, settled_day, import_id, row_no)
     select distinct on (settlement_id) settlement_id, settled_at, settled_day, $1, row_no from rev_in order by settlement_id, row_no
     on conflict do nothing`,
    [importId],
  );
  await client.query("truncate rev_in");
  return ins.rowCount ?? 0;
}

/**
 * Every reversal still waiting for its SETTLED record — this import's and those that arrived
 * before their record — matched once the import's records are all in: the record flagged
 * `reversed` and its deltas subtracted at its own day and dimensions. Returns the records cancelled.
 */
export async function matchReversals(client: pg.ClientBase): Promise<number> {
  const waiting = await client.query<{ id: string }>(
    "select settlement_id as id from stats.settlement_reversal where not matched",
  );
  if (!waiting.rowCount) return 0;
  // Few waiting reversals against millions of records: an array of keys makes every partition
  // probe its key index, whatever the statistics say.
  const undone = await client.query(
    `with upd as (
       update stats.settlement t set reversed = true
        where t.settlement_id = any($1::text[]) and t.status = 'S' and not t.reversed
       returning t.settlement_id, t.settled_day, t.visit_region, t.home_region, t.institution_code, t.service_type, t.filing_type,
                 t.status, t.total_cost, t.fund_paid),
     mk as (update stats.settlement_reversal r set matched = true where r.settlement_id in (select settlement_id from upd))
     insert into moved
     select settled_day, visit_region, home_region, institution_code, service_type, filing_type, status,
            (total_cost * 100)::bigint, (fund_paid * 100)::bigint from upd`,
    [waiting.rows.map((r) => r.id)],
  );
  const cancelled = undone.rowCount ?? 0;
  if (cancelled) await addMovedDeltas(client, -1);
  return cancelled;
}
