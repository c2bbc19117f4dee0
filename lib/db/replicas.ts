// Read replicas (DATABASE_REPLICA_URL, one or more): dashboards, lists and exports read from a
// healthy replica; writes and every read that must see them stay on the primary. Queries opt in
// explicitly (`readPrisma(actor)`, `readPool(actor)`): nothing is routed to a replica by default.
//
// Health: every second each replica is probed for its replay position against the primary's
// WAL position. A replica that does not answer, is not in recovery, or is further behind than
// REPLICA_MAX_LAG_MS is skipped (the primary answers) until a probe finds it fit again; each
// change is logged once. A reader who wrote in the last REPLICA_MAX_LAG_MS (Actor.recentWrite,
// from the `yb_fresh` cookie set after a write) reads from the primary: the page after a save
// always shows it. See docs/decisions/010-scale-out.md.
import pg from "pg";
import type { PrismaClient } from "./generated/client";
import { createPrismaClient, prisma } from "./client";
import { changedRecently, type CacheTopic } from "./events";
import { pgPool } from "./pg";
import { env } from "../env";
import { logger } from "../logger";

export interface ReadScope {
  /** The reader wrote recently: only the primary is sure to show it. */
  recentWrite?: boolean;
  /**
   * The data read belongs to these cache topics: right after one of them changed (a cache being
   * refilled because of it), read the primary — a replica may not have replayed the change yet,
   * and what is read now is kept until the next change.
   */
  topics?: readonly CacheTopic[];
}

interface Replica {
  url: string;
  /** host:port/db, for logs (never the password). */
  label: string;
  pool: pg.Pool;
  prisma?: PrismaClient;
  healthy: boolean;
  /** What the log last said (the first verdict is always logged). */
  logged?: boolean;
  lagMs: number | null;
  reason: string;
  reads: number;
}

interface ReplicaState {
  replicas: Replica[];
  timer?: NodeJS.Timeout;
  next: number;
}

const g = globalThis as unknown as { __replicas?: ReplicaState };

function labelOf(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

function state(): ReplicaState {
  if (!g.__replicas) {
    const urls = env().DATABASE_REPLICA_URL;
    g.__replicas = {
      next: 0,
      replicas: urls.map((url) => ({
        url,
        label: labelOf(url),
        pool: new pg.Pool({
          connectionString: url,
          max: Math.max(2, Math.ceil(env().DB_POOL_MAX / 2)),
          idleTimeoutMillis: 10_000,
          connectionTimeoutMillis: 2_000,
          application_name: "yibao-read",
        }),
        healthy: false,
        lagMs: null,
        reason: "not probed yet",
        reads: 0,
      })),
    };
    for (const r of g.__replicas.replicas) r.pool.on("error", () => undefined);
    if (g.__replicas.replicas.length) startProbing(g.__replicas);
  }
  return g.__replicas;
}

/** Bytes between two WAL positions ('16/B374D848'): a − b. */
export function lsnDiff(a: string, b: string): bigint {
  const n = (lsn: string) => {
    const [hi, lo] = lsn.split("/");
    return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
  };
  return n(a) - n(b);
}

/**
 * Whether a replica may serve reads, from one probe: caught up with the primary's WAL position
 * taken just before (lag 0), or behind by at most `maxLagMs` since its last replayed commit.
 */
export function judgeReplica(
  p: { inRecovery: boolean; replayLsn: string | null; sinceReplayMs: number | null; primaryLsn: string },
  maxLagMs: number,
): { healthy: boolean; lagMs: number | null; reason: string } {
  if (!p.inRecovery) return { healthy: false, lagMs: null, reason: "not a standby (promoted or misconfigured)" };
  if (!p.replayLsn) return { healthy: false, lagMs: null, reason: "nothing replayed yet" };
  if (lsnDiff(p.replayLsn, p.primaryLsn) >= 0n) return { healthy: true, lagMs: 0, reason: "caught up" };
  const lag = p.sinceReplayMs ?? Number.POSITIVE_INFINITY;
  return lag <= maxLagMs
    ? { healthy: true, lagMs: Math.round(lag), reason: "streaming" }
    : { healthy: false, lagMs: Number.isFinite(lag) ? Math.round(lag) : null, reason: `lagging ${Math.round(lag)} ms` };
}

async function probe(r: Replica): Promise<void> {
  let verdict: { healthy: boolean; lagMs: number | null; reason: string };
  try {
    const primaryLsn = (await pgPool().query<{ lsn: string }>("select pg_current_wal_lsn()::text as lsn")).rows[0]!.lsn;
    const { rows } = await r.pool.query<{ rec: boolean; lsn: string | null; since: number | null }>(
      `select pg_is_in_recovery() as rec, pg_last_wal_replay_lsn()::text as lsn,
              (extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 as since`,
    );
    verdict = judgeReplica(
      { inRecovery: rows[0]!.rec, replayLsn: rows[0]!.lsn, sinceReplayMs: rows[0]!.since, primaryLsn },
      env().REPLICA_MAX_LAG_MS,
    );
  } catch (e) {
    verdict = { healthy: false, lagMs: null, reason: `unreachable: ${(e as Error).message}` };
  }
  if (verdict.healthy !== r.logged) {
    if (verdict.healthy) logger.info(`read replica ${r.label} in use (${verdict.reason})`);
    else logger.warn(`read replica ${r.label} not used, reads go to the primary: ${verdict.reason}`);
    r.logged = verdict.healthy;
  }
  r.healthy = verdict.healthy;
  r.lagMs = verdict.lagMs;
  r.reason = verdict.reason;
}

function startProbing(s: ReplicaState): void {
  const run = () => Promise.all(s.replicas.map(probe)).catch(() => undefined);
  void run();
  s.timer = setInterval(() => void run(), 1_000);
  s.timer.unref();
}

function pick(scope?: ReadScope): Replica | null {
  const s = state();
  if (!s.replicas.length || scope?.recentWrite) return null;
  if (scope?.topics?.some((t) => changedRecently(t, Math.max(env().REPLICA_MAX_LAG_MS, 1_000)))) return null;
  for (let i = 0; i < s.replicas.length; i++) {
    const r = s.replicas[(s.next + i) % s.replicas.length]!;
    if (r.healthy) {
      s.next = (s.next + i + 1) % s.replicas.length;
      r.reads += 1;
      return r;
    }
  }
  return null;
}

/** Errors after which a read is retried on the primary (the replica went away or cancelled it). */
export function isReplicaFailure(e: unknown): boolean {
  const err = e as { code?: string; message?: string; cause?: { code?: string; originalCode?: string } };
  const code = err?.code ?? err?.cause?.originalCode ?? err?.cause?.code ?? "";
  if (
    [
      "ECONNREFUSED",
      "ECONNRESET",
      "ETIMEDOUT",
      "EPIPE",
      "57P01",
      "57P02",
      "57P03",
      "40001",
      "08006",
      "08001",
      "08003",
      "P1001",
      "P1017",
    ].includes(code)
  )
    return true;
  return /connect|terminat|conflict with recovery|Connection terminated|timeout/i.test(err?.message ?? "");
}

function markDown(r: Replica, e: unknown): void {
  if (r.healthy) logger.warn(`read replica ${r.label} failed a read, reads go to the primary: ${(e as Error).message}`);
  r.healthy = false;
  r.logged = false;
  r.reason = `failed a read: ${(e as Error).message}`;
}

/** Runs a read on a replica's pg pool, or the primary's; a replica failure retries on the primary. */
export async function readQuery<T extends pg.QueryResultRow>(
  scope: ReadScope | undefined,
  text: string,
  params: unknown[],
): Promise<T[]> {
  const r = pick(scope);
  if (r) {
    try {
      return (await r.pool.query<T>(text, params)).rows;
    } catch (e) {
      if (!isReplicaFailure(e)) throw e;
      markDown(r, e);
    }
  }
  return (await pgPool().query<T>(text, params)).rows;
}

/** Runs `fn` with a replica's Prisma client, or the primary's; a replica failure retries on the primary. */
export async function onReadClient<T>(scope: ReadScope | undefined, fn: (db: PrismaClient) => Promise<T>): Promise<T> {
  const r = pick(scope);
  if (r) {
    r.prisma ??= createPrismaClient(r.url, Math.max(2, Math.ceil(env().DB_POOL_MAX / 2)));
    try {
      return await fn(r.prisma);
    } catch (e) {
      if (!isReplicaFailure(e)) throw e;
      markDown(r, e);
    }
  }
  return fn(prisma);
}

/** A pooled client of a healthy replica, or of the primary (cursors for exports); release it. */
export async function connectForRead(scope: ReadScope | undefined): Promise<pg.PoolClient> {
  const r = pick(scope);
  if (r) {
    try {
      return await r.pool.connect();
    } catch (e) {
      markDown(r, e);
    }
  }
  return pgPool().connect();
}

export interface ReplicaStatus {
  replica: string;
  healthy: boolean;
  lagMs: number | null;
  reason: string;
  reads: number;
}

/** For /api/health and the tests: each replica as the last probe saw it. */
export function replicaStatus(): ReplicaStatus[] {
  return state().replicas.map((r) => ({
    replica: r.label,
    healthy: r.healthy,
    lagMs: r.lagMs,
    reason: r.reason,
    reads: r.reads,
  }));
}

/** Starts probing the configured replicas (at process start, so the first reads can use them). */
export function startReplicaProbes(): void {
  state();
}

/** Probes every replica now (tests; the timer does it every second). */
export async function probeReplicas(): Promise<void> {
  await Promise.all(state().replicas.map(probe));
}
