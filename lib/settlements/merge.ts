// The set-based half of an import, on two PostgreSQL connections: a staging connection fills one
// unlogged table per chunk by COPY (autocommit; staging is scratch, not a result), while the
// import's transaction merges the chunk before: dedupe against the ledger, new records into their
// monthly partitions, reversals, and the change (only) added to the aggregate cubes.
// See docs/decisions/007-statistics.md.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { logger } from "../logger";

/** Any pg connection (pool client or plain client). */
export type PgConn = Pick<pg.ClientBase, "query">;

/** The unlogged staging table of one chunk (filled by COPY on the staging connection). */
export function stagingTableDdl(table: string): string {
  return `create unlogged table ${table} (
  row_no integer not null,
  settlement_id text collate "C" not null,
  status "char" not null,
  settled_at timestamptz not null,
  settled_day date not null,
  visit_region char(6) collate "C" not null,
  home_region char(6) collate "C" not null,
  institution_code varchar(20) collate "C" not null,
  service_type smallint not null,
  filing_type smallint not null,
  total_cost numeric(14,2) not null,
  fund_paid numeric(14,2) not null,
  total_fen bigint not null,
  fund_fen bigint not null
) with (autovacuum_enabled = false)`;
}

/** Staging tables are named stats.stg_<import>_<chunk>; only digits go into the name. */
export function stagingTableName(importId: number, chunkNo: number): string {
  return `stats.stg_${Math.trunc(importId)}_${Math.trunc(chunkNo)}`;
}

/**
 * The merge transaction's own scratch table: records of earlier chunks or imports that a reversal
 * in this chunk cancels, shaped like staged rows so cubeUpserts can subtract them.
 */
export const MERGE_DDL = `
create temp table undone (
  settled_day date not null, visit_region char(6) collate "C" not null, home_region char(6) collate "C" not null,
  institution_code varchar(20) collate "C" not null, service_type smallint not null, filing_type smallint not null,
  status "char" not null, total_fen bigint not null, fund_fen bigint not null
) on commit drop;`;

/** Streams COPY text (from `lines`) into `table`. */
export async function copyIntoStaging(client: pg.ClientBase, table: string, lines: AsyncIterable<string | Buffer>): Promise<void> {
  const sink = client.query(copyFrom(`copy ${table} from stdin`));
  await pipeline(Readable.from(lines, { objectMode: false }), sink);
}

/**
 * Drops staging tables left by imports that are no longer running (a process that died
 * mid-import), on an autocommit connection.
 */
export async function dropOrphanStaging(client: PgConn): Promise<void> {
  const orphans = await client.query<{ t: string }>(
    `select format('%I.%I', schemaname, tablename) as t from pg_tables
      where schemaname = 'stats' and tablename ~ '^stg_[0-9]+_[0-9]+$'
        and not exists (select 1 from settlement_import i
                         where i.id = split_part(tablename, '_', 2)::int and i.state = 'RUNNING' and i.started_at > now() - interval '1 day')`,
  );
  for (const r of orphans.rows) await client.query(`drop table if exists ${r.t}`);
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

const MEASURES_UPDATE = `visits = a.visits + excluded.visits, total_fen = a.total_fen + excluded.total_fen,
  fund_fen = a.fund_fen + excluded.fund_fen, failures = a.failures + excluded.failures`;

/** Monthly partitions for every staged Beijing-time month ("YYYY-MM", seen while parsing) that has none yet. */
async function ensurePartitions(client: PgConn, months: string[]): Promise<void> {
  if (!months.length) return;
  const missing = await client.query<{ m: string; next: string; part: string }>(
    `select to_char(m, 'YYYY-MM-DD') as m, to_char(m + interval '1 month', 'YYYY-MM-DD') as next,
            'settlement_' || to_char(m, 'YYYYMM') as part
       from (select (x || '-01')::date as m from unnest($1::text[]) x) x
      where to_regclass('stats.settlement_' || to_char(m, 'YYYYMM')) is null`,
    [months],
  );
  for (const r of missing.rows) {
    // Values come from the database's own date formatting (digits and dashes only).
    await client.query(`create table stats."${r.part}" partition of stats.settlement for values from ('${r.m}') to ('${r.next}')`);
  }
}

export interface MergeCounts {
  accepted: number;
  reversals: number;
}

// Cube upserts of a set of records: added (`sign` 1, new records straight from the staging
// table) or subtracted (−1, records cancelled after the fact, from `undone`). One statement per
// pair cube: the finest grain is aggregated once (a CTE, materialised), the coarser levels and
// the matching scope cube are rolled up from it, and each is upserted in key order. `src` is a
// FROM/WHERE clause over rows aliased `s` with the staging table's columns (settled_day,
// visit_region, home_region, institution_code, service_type, filing_type, status, total_fen,
// fund_fen).
function cubeUpserts(src: string, sign: 1 | -1 = 1): string[] {
  const m = `sum(visits), sum(cost), sum(fund), sum(failures)`;
  const sg = sign === 1 ? "" : "-";
  const measures = `${sg}count(*) filter (where s.status = 'S') as visits,
      ${sg}coalesce(sum(s.total_fen) filter (where s.status = 'S'), 0) as cost,
      ${sg}coalesce(sum(s.fund_fen) filter (where s.status = 'S'), 0) as fund,
      ${sg}count(*) filter (where s.status = 'F') as failures`;
  return [
    `with d as (
       select date_trunc('month', s.settled_day)::date as month, s.visit_region::text as v, s.home_region::text as h, s.service_type as svc, s.filing_type as fil, ${measures}
         from ${src} group by 1, 2, 3, 4, 5),
     sc as (
       insert into stats.agg_scope_month as a (lvl, scope_key, month, service_type, filing_type, visits, total_fen, fund_fen, failures)
       select lvl, k, month, svc, fil, ${m} from (${scopeKeys("d", "v", "h", [2, 4])}) x
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
       on conflict (lvl, scope_key, month, service_type, filing_type) do update set ${MEASURES_UPDATE})
     insert into stats.agg_month as a (lvl, month, visit_key, home_key, service_type, filing_type, visits, total_fen, fund_fen, failures)
     select * from (
       select 6::smallint, month, v, h, svc, fil, visits, cost, fund, failures from d
       union all select 4, month, left(v, 4), left(h, 4), svc, fil, ${m} from d group by month, left(v, 4), left(h, 4), svc, fil
       union all select 2, month, left(v, 2), left(h, 2), svc, fil, ${m} from d group by month, left(v, 2), left(h, 2), svc, fil
       union all select 0, month, '', '', svc, fil, ${m} from d group by month, svc, fil) x
     order by 1, 2, 3, 4, 5, 6
     on conflict (lvl, month, visit_key, home_key, service_type, filing_type) do update set ${MEASURES_UPDATE}`,
    `with d as (
       select s.settled_day as day, left(s.visit_region, 4) as v, left(s.home_region, 4) as h, s.service_type as svc, ${measures}
         from ${src} group by 1, 2, 3, 4),
     sc as (
       insert into stats.agg_scope_day as a (lvl, scope_key, day, service_type, visits, total_fen, fund_fen, failures)
       select lvl, k, day, svc, ${m} from (${scopeKeys("d", "v", "h", [2])}) x
        group by 1, 2, 3, 4 order by 1, 2, 3, 4
       on conflict (lvl, scope_key, day, service_type) do update set ${MEASURES_UPDATE})
     insert into stats.agg_day as a (lvl, day, visit_key, home_key, service_type, visits, total_fen, fund_fen, failures)
     select * from (
       select 4::smallint, day, v, h, svc, visits, cost, fund, failures from d
       union all select 2, day, left(v, 2), left(h, 2), svc, ${m} from d group by day, left(v, 2), left(h, 2), svc
       union all select 0, day, '', '', svc, ${m} from d group by day, svc) x
     order by 1, 2, 3, 4, 5
     on conflict (lvl, day, visit_key, home_key, service_type) do update set ${MEASURES_UPDATE}`,
    `with d as (
       select date_trunc('month', s.settled_day)::date as month, s.institution_code as inst, s.visit_region::text as v, s.home_region::text as h, s.service_type as svc, ${measures}
         from ${src} group by 1, 2, 3, 4, 5),
     sc as (
       insert into stats.agg_scope_inst as a (lvl, scope_key, month, institution_code, visits, total_fen, fund_fen, failures)
       select * from (
         select 0::smallint, ''::text, month, inst, ${m} from d group by month, inst
         union all select lvl, k, month, inst, ${m} from (${scopeKeys("d", "v", "h", [2])}) x group by lvl, k, month, inst) y
        order by 1, 2, 3, 4
       on conflict (lvl, scope_key, month, institution_code) do update set ${MEASURES_UPDATE})
     insert into stats.agg_inst_month as a (lvl, month, institution_code, visit_key, home_key, service_type, visits, total_fen, fund_fen, failures)
     select * from (
       select 6::smallint, month, inst, v, h, svc, visits, cost, fund, failures from d
       union all select 2, month, inst, left(v, 2), left(h, 2), svc, ${m} from d group by month, inst, left(v, 2), left(h, 2), svc
       union all select 0, month, inst, '', '', svc, ${m} from d group by month, inst, svc) x
     order by 1, 2, 3, 4, 5, 6
     on conflict (lvl, month, institution_code, visit_key, home_key, service_type) do update set ${MEASURES_UPDATE}`,
  ];
}

/** A staged chunk of the file: its table and what the parser saw of its rows. */
export interface StagedChunk {
  /** Its staging table (stagingTableName), filled and analysed. */
  table: string;
  /** Beijing months ("YYYY-MM") of its SETTLED/FAILED rows. */
  months: string[];
  rows: number;
  /** File lines of its first and last row. */
  firstRow: number;
  lastRow: number;
}

/**
 * Merges the staged rows — one chunk of the file — inside the caller's transaction. Imports are
 * serialised by an advisory lock so partitions and aggregate rows are never raced. Each step
 * runs only when it has work: new records are one ledger insert, one insert into the
 * partitions and one upsert per cube.
 */
export async function mergeStaged(rawClient: PgConn, importId: number, chunk: StagedChunk): Promise<MergeCounts> {
  // Each step's duration at debug level (LOG_LEVEL=debug), for the benchmark.
  const client: PgConn = {
    query: (async (text: string, params?: unknown[]) => {
      const t = Date.now();
      const r = await rawClient.query(text, params);
      logger.debug(`merge ${Date.now() - t} ms: ${text.replace(/\s+/g, " ").slice(0, 60)}`);
      return r;
    }) as PgConn["query"],
  };
  await client.query("select pg_advisory_xact_lock(7007001)");
  await ensurePartitions(client, chunk.months);
  const stg = chunk.table;

  // 1. Dedupe: a (settlement_id, status) accepted once, by any import, is never accepted again.
  const keys = await client.query(
    `insert into stats.settlement_key (settlement_id, status, settled_day, import_id, row_no)
     select settlement_id, status, settled_day, $1, row_no from ${stg}
     on conflict do nothing`,
    [importId],
  );
  const accepted = keys.rowCount ?? 0;
  if (accepted === 0) return { accepted: 0, reversals: 0 };

  // Which staged rows are new: all of them (the usual case), or those whose ledger entry this
  // import wrote (same line number — a row repeated inside the file is new only once).
  let from = `${stg} s`;
  if (accepted < chunk.rows) {
    await client.query("drop table if exists new_rows");
    await client.query(
      `create temp table new_rows on commit drop as
       select s.row_no from ${stg} s join stats.settlement_key k on k.settlement_id = s.settlement_id and k.status = s.status
        where k.import_id = $1 and k.row_no = s.row_no`,
      [importId],
    );
    await client.query("analyze new_rows");
    from = `${stg} s join new_rows n using (row_no)`;
  }

  // 2. SETTLED records whose reversal is already known (from an earlier import or this file)
  //    enter cancelled and add nothing.
  const known = await client.query<{ n: number }>(
    `select count(*)::int as n from ${from}
       join stats.settlement_key r on r.settlement_id = s.settlement_id and r.status = 'R'
      where s.status = 'S'`,
  );
  let reversals = known.rows[0]!.n;
  const cancelled = reversals > 0 ? `(s.status = 'S' and exists (select 1 from stats.settlement_key r where r.settlement_id = s.settlement_id and r.status = 'R'))` : "false";

  // 3. New SETTLED/FAILED records into their partitions; their figures into the cubes.
  await client.query(
    `insert into stats.settlement (settlement_id, status, settled_at, settled_day, visit_region, home_region,
                                   institution_code, service_type, filing_type, total_cost, fund_paid, reversed, import_id)
     select s.settlement_id, s.status, s.settled_at, s.settled_day, s.visit_region, s.home_region,
            s.institution_code, s.service_type, s.filing_type, s.total_cost, s.fund_paid, ${cancelled}, $1
       from ${from} where s.status <> 'R'`,
    [importId],
  );
  for (const sql of cubeUpserts(`${from} where s.status <> 'R' and not ${cancelled}`)) await client.query(sql);

  // 4. Reversals in this chunk of SETTLED records merged before it (earlier imports or earlier
  //    chunks of this one): flag them, subtract them.
  const thisChunk = (k: string) => `(${k}.import_id = $1 and ${k}.row_no between $2 and $3)`;
  const undone = await client.query(
    `with rv as (
       select k.settlement_id, s.settled_day from stats.settlement_key k
         join stats.settlement_key s on s.settlement_id = k.settlement_id and s.status = 'S' and not ${thisChunk("s")}
        where k.status = 'R' and ${thisChunk("k")}),
     upd as (
       update stats.settlement t set reversed = true from rv
        where t.settlement_id = rv.settlement_id and t.settled_day = rv.settled_day and t.status = 'S' and not t.reversed
       returning t.settled_day, t.visit_region, t.home_region, t.institution_code, t.service_type, t.filing_type,
                 t.status, t.total_cost, t.fund_paid)
     insert into undone
     select settled_day, visit_region, home_region, institution_code, service_type, filing_type, status,
            (total_cost * 100)::bigint, (fund_paid * 100)::bigint from upd`,
    [importId, chunk.firstRow, chunk.lastRow],
  );
  if (undone.rowCount) {
    reversals += undone.rowCount;
    for (const sql of cubeUpserts("undone s", -1)) await client.query(sql);
    await client.query("truncate undone");
  }
  return { accepted, reversals };
}
