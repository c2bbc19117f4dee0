// Rate limits whose counts every process and instance shares (table rate_limit). A fixed window
// per key, counted by one atomic upsert — so two instances behind a balancer see one count.
//
// To keep the API's hot path off the database, a process takes hits in leases (`lease`): one
// upsert claims `lease` hits of the window at once and spends them locally; only when they are
// used up does it ask again. The shared limit holds to within one lease per process; sign-in
// uses lease 1 (exact).
import { pgPool } from "../db/pg";

export interface LimitRule {
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
  /** Hits claimed per database round trip (1 = every hit counted in the database at once). */
  lease?: number;
}

export interface LimitAnswer {
  allowed: boolean;
  limit: number;
  /** Hits left in this window, as far as this process knows. */
  remaining: number;
  /** Seconds until the window ends. */
  resetSeconds: number;
}

interface Lease {
  windowEnds: number;
  left: number;
  /** Hits of the window the database had counted when this lease was taken (for `remaining`). */
  counted: number;
  denied: boolean;
}

const leases = new Map<string, Lease>();
const MAX_LEASES = 50_000;

/** Counts `n` hits of `key` in the shared table; returns the window's total and its end. */
async function claim(key: string, n: number, windowSeconds: number): Promise<{ hits: number; windowEnds: number }> {
  const { rows } = await pgPool().query<{ hits: number; ends: Date }>(
    `INSERT INTO rate_limit AS r (key, window_start, hits) VALUES ($1, now(), $2)
     ON CONFLICT (key) DO UPDATE SET
       window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $3) THEN now() ELSE r.window_start END,
       hits = CASE WHEN r.window_start <= now() - make_interval(secs => $3) THEN $2 ELSE r.hits + $2 END
     RETURNING hits, window_start + make_interval(secs => $3) AS ends`,
    [key, n, windowSeconds],
  );
  return { hits: rows[0]!.hits, windowEnds: rows[0]!.ends.getTime() };
}

/** One hit of `key` under `rule`: allowed or not, with what the RateLimit headers need. */
export async function hit(key: string, rule: LimitRule, now = Date.now()): Promise<LimitAnswer> {
  const lease = Math.max(1, Math.min(rule.lease ?? 1, rule.limit));
  let l = leases.get(key);
  if (l && l.windowEnds <= now) l = undefined;
  if (!l || (l.left === 0 && !l.denied)) {
    const { hits, windowEnds } = await claim(key, lease, rule.windowSeconds);
    const before = hits - lease;
    const granted = Math.max(0, Math.min(lease, rule.limit - before));
    if (leases.size >= MAX_LEASES) leases.clear();
    l = { windowEnds, left: granted, counted: Math.min(hits, rule.limit), denied: granted === 0 };
    leases.set(key, l);
  }
  const resetSeconds = Math.max(1, Math.ceil((l.windowEnds - now) / 1000));
  if (l.left === 0) return { allowed: false, limit: rule.limit, remaining: 0, resetSeconds };
  l.left -= 1;
  return { allowed: true, limit: rule.limit, remaining: Math.max(0, rule.limit - l.counted + l.left), resetSeconds };
}

/** The standard headers of an answer (IETF draft RateLimit fields, and Retry-After when refused). */
export function rateLimitHeaders(a: LimitAnswer): Record<string, string> {
  return {
    "ratelimit-limit": String(a.limit),
    "ratelimit-remaining": String(a.remaining),
    "ratelimit-reset": String(a.resetSeconds),
    ...(a.allowed ? {} : { "retry-after": String(a.resetSeconds) }),
  };
}

/** Forgets this process's leases (tests). */
export function resetLeases(): void {
  leases.clear();
}

/** Removes rows whose window ended more than a day ago and whose block has lapsed (periodic job). */
export async function pruneRateLimits(): Promise<number> {
  const { rowCount } = await pgPool().query(
    `DELETE FROM rate_limit WHERE window_start < now() - interval '1 day' AND (blocked_until IS NULL OR blocked_until < now())`,
  );
  return rowCount ?? 0;
}

// ---- Sign-in throttling: by (account name as typed, client address) ----
// Failures from one address against one account name make that pair wait, longer after each
// failure past the allowance (15 s, 30 s, 1 min … up to the cap). The account itself is never
// locked: its owner signs in from another address, and a stranger cannot lock anyone out. Keyed by
// the name as typed, so an unknown name is throttled exactly like a real one (no enumeration).

const failureKey = (account: string, address: string) => `signin-fail:${account}|${address}`.slice(0, 200);

/** Seconds the pair must still wait before its next attempt (0: go ahead). */
export async function signInWait(account: string, address: string): Promise<number> {
  const { rows } = await pgPool().query<{ wait: number }>(
    `SELECT ceil(extract(epoch FROM blocked_until - now()))::int AS wait FROM rate_limit WHERE key = $1 AND blocked_until > now()`,
    [failureKey(account, address)],
  );
  return rows[0]?.wait ?? 0;
}

/**
 * Counts a failure of the pair (failures older than a day are forgotten) and, past `allowance`,
 * blocks it for 15 s × 2^(failures − allowance − 1), at most `maxSeconds`. Returns the failures
 * so far and the block, in seconds (0 when none).
 */
export async function recordSignInFailure(
  account: string,
  address: string,
  allowance: number,
  maxSeconds: number,
): Promise<{ failures: number; blockSeconds: number }> {
  const { rows } = await pgPool().query<{ hits: number }>(
    `INSERT INTO rate_limit AS r (key, window_start, hits) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       window_start = CASE WHEN r.window_start <= now() - interval '1 day' THEN now() ELSE r.window_start END,
       hits = CASE WHEN r.window_start <= now() - interval '1 day' THEN 1 ELSE r.hits + 1 END
     RETURNING hits`,
    [failureKey(account, address)],
  );
  const failures = rows[0]!.hits;
  if (failures < allowance) return { failures, blockSeconds: 0 };
  const blockSeconds = Math.min(maxSeconds, 15 * 2 ** Math.min(20, failures - allowance));
  await pgPool().query(`UPDATE rate_limit SET blocked_until = now() + make_interval(secs => $2) WHERE key = $1`, [
    failureKey(account, address),
    blockSeconds,
  ]);
  return { failures, blockSeconds };
}

/** After a successful sign-in from `address`, or (no address) when an admin unlocks the account. */
export async function clearSignInFailures(account: string, address?: string): Promise<void> {
  if (address !== undefined)
    await pgPool().query(`DELETE FROM rate_limit WHERE key = $1`, [failureKey(account, address)]);
  else
    await pgPool().query(`DELETE FROM rate_limit WHERE key LIKE $1`, [
      `signin-fail:${account.replace(/[\\%_]/g, "\\$&")}|%`,
    ]);
}
