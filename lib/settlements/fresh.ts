// Records of "fresh" months — months stats.settlement has no partition for when the import
// starts: a new period's file, the usual case — are stored by a second connection while the
// import's own connection writes the cubes (two cores busy instead of one). They go into a
// staging table partitioned by month, without the key index, which is built once per month at the
// end (cheaper than row by row; a row repeated in the file shows up there and is removed, its
// deltas subtracted by the import). The second connection commits only the staging tables, which
// nothing reads; the import's transaction then moves the staging partitions under
// stats.settlement (DETACH, RENAME, ATTACH), so the records appear with their cube figures at its
// commit, or not at all. Staging tables of an import that died are dropped by the next import.
// See docs/decisions/007-statistics.md, "Fresh months".
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { copyFile, RECORD_COLUMNS, type PgConn } from "./merge";

/** Months (YYYYMM) that have a partition of stats.settlement. */
export async function partitionedMonths(client: PgConn): Promise<Set<number>> {
  const res = await client.query<{ m: number }>(
    `select substr(c.relname, 12)::int as m
       from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'stats.settlement'::regclass and c.relname ~ '^settlement_[0-9]{6}$'`,
  );
  return new Set(res.rows.map((r) => r.m));
}

/** The range of a month ("YYYY-MM"): its first day and the next month's. */
function monthRange(month: string): { from: string; to: string } {
  const [y, mo] = month.split("-").map(Number) as [number, number];
  return { from: `${month}-01`, to: mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, "0")}-01` };
}

/** Staging tables left by an import that died between their commit and its own (none, normally). */
export async function dropOrphanStaging(client: PgConn): Promise<void> {
  const res = await client.query<{ t: string }>(
    `select relname as t from pg_class where relnamespace = 'stats'::regnamespace and relkind = 'p' and relname ~ '^settlement_imp_[0-9]+$'`,
  );
  for (const r of res.rows) await client.query(`drop table if exists stats."${r.t}" cascade`);
}

const QUEUE = 2;

export class FreshRecords {
  private client: pg.Client | null = null;
  private work: Promise<void> = Promise.resolve();
  private queued = 0;
  private failure: unknown = null;
  private readonly months = new Set<string>();
  private committed = false;

  constructor(
    private readonly main: pg.ClientBase,
    private readonly importId: number,
  ) {}

  private get parent(): string {
    return `stats.settlement_imp_${this.importId}`;
  }

  private part(month: string): string {
    return `settlement_imp_${this.importId}_${month.replace("-", "")}`;
  }

  /** A connection like the import's own (same server, database and credentials). */
  private async open(): Promise<pg.Client> {
    const m = this.main as pg.ClientBase & {
      user?: string;
      password?: string;
      host?: string;
      port?: number;
      database?: string;
      ssl?: unknown;
    };
    const client = new pg.Client({
      user: m.user,
      password: m.password,
      host: m.host,
      port: m.port,
      database: m.database,
      ssl: m.ssl as pg.ClientConfig["ssl"],
    });
    await client.connect();
    // The key indexes are built at the end, while the import's connection waits: room for an
    // in-memory sort and parallel workers.
    await client.query("set maintenance_work_mem = '256MB'");
    await client.query("begin");
    await client.query(
      `create table ${this.parent} (like stats.settlement including defaults) partition by range (settled_day)`,
    );
    return client;
  }

  /**
   * Queues a spool file of fresh-month records (removed once copied); waits while QUEUE files
   * are queued. Throws what an earlier copy threw.
   */
  async add(spool: string, months: string[]): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.queued >= QUEUE) {
      await this.work;
      if (this.failure) throw this.failure;
    }
    this.queued += 1;
    this.work = this.work.then(async () => {
      try {
        if (this.failure) return;
        this.client ??= await this.open();
        for (const m of months) {
          if (this.months.has(m)) continue;
          const { from, to } = monthRange(m);
          // The CHECK spares ATTACH its scan of the table (values come from formatted numbers).
          await this.client.query(
            `create table stats.${this.part(m)} partition of ${this.parent} (constraint ${this.part(m)}_range check (settled_day >= '${from}' and settled_day < '${to}')) for values from ('${from}') to ('${to}')`,
          );
          this.months.add(m);
        }
        await copyFile(this.client, `${this.parent} (${RECORD_COLUMNS})`, spool);
      } catch (e) {
        this.failure ??= e;
      } finally {
        this.queued -= 1;
        await fs.promises.rm(spool, { force: true });
      }
    });
  }

  /**
   * After the last chunk: the key index of each staging partition, built once. A row repeated in
   * the file (same settlement_id, status and Beijing day) stops the build: the later copies are
   * removed — copied into the import's `moved` table for their deltas to be subtracted — and the
   * build runs again. Commits the staging tables. Returns the number of rows removed.
   */
  async finish(): Promise<number> {
    await this.work;
    if (this.failure) throw this.failure;
    const client = this.client;
    if (!client) return 0;
    let removed = 0;
    for (const m of [...this.months].sort()) {
      const part = `stats.${this.part(m)}`;
      const index = `settlement_${m.replace("-", "")}_settlement_id_status_settled_day_idx`;
      await client.query("savepoint idx");
      try {
        await client.query(`create unique index ${index} on ${part} (settlement_id, status, settled_day)`);
        await client.query("release savepoint idx");
        continue;
      } catch (e) {
        if ((e as { code?: string }).code !== "23505") throw e;
        await client.query("rollback to savepoint idx");
      }
      // In file order (a staging table only ever grew by COPY): the first copy of a key stays.
      await client.query(`create temp table if not exists dups (like stats.settlement) on commit drop`);
      await client.query("truncate dups");
      const del = await client.query(
        `with d as (
           delete from ${part} t using (
             select ctid, row_number() over (partition by settlement_id, status, settled_day order by ctid) as n from ${part}) x
            where t.ctid = x.ctid and x.n > 1
           returning t.*)
         insert into dups select * from d`,
      );
      removed += del.rowCount ?? 0;
      await pipeline(
        client.query(
          copyTo(`copy (select settled_day, visit_region, home_region, institution_code, service_type, filing_type, status,
                               (total_cost * 100)::bigint, (fund_paid * 100)::bigint from dups) to stdout`),
        ),
        this.main.query(copyFrom("copy moved from stdin")),
      );
      await client.query(`create unique index ${index} on ${part} (settlement_id, status, settled_day)`);
    }
    await client.query("commit");
    this.committed = true;
    return removed;
  }

  /** In the import's transaction: each staging partition becomes the month's partition of stats.settlement. */
  async attach(): Promise<void> {
    if (!this.client) return;
    for (const m of [...this.months].sort()) {
      const part = this.part(m);
      const { from, to } = monthRange(m);
      const name = `settlement_${m.replace("-", "")}`;
      await this.main.query(`alter table ${this.parent} detach partition stats.${part}`);
      await this.main.query(`alter table stats.${part} rename to ${name}`);
      await this.main.query(
        `alter table stats.settlement attach partition stats.${name} for values from ('${from}') to ('${to}')`,
      );
    }
    await this.main.query(`drop table ${this.parent}`);
  }

  /** Closes the second connection; after a failure, its work is rolled back or, if committed, dropped. */
  async close(failed: boolean): Promise<void> {
    await this.work.catch(() => undefined);
    const client = this.client;
    this.client = null;
    if (!client) return;
    try {
      if (failed) {
        if (!this.committed) await client.query("rollback");
        else await client.query(`drop table if exists ${this.parent} cascade`);
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
