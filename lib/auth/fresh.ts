// Read-your-writes across instances and replicas: after a browser's successful write, the
// answer sets `yb_fresh` = the instant until which that browser's reads must come from the
// primary (now + REPLICA_MAX_LAG_MS: after that, no replica in use can still miss the write).
// Any instance honours it, because it travels with the browser. Without replicas it is not set.
import { env } from "../env";

export const FRESH_COOKIE = "yb_fresh";

/** The cookie to set after a write, or null when no replica is configured. */
export function freshCookie(now = Date.now()): { name: string; value: string; maxAgeSeconds: number } | null {
  if (!env().DATABASE_REPLICA_URL.length) return null;
  const ms = Math.max(env().REPLICA_MAX_LAG_MS, 1_000);
  return { name: FRESH_COOKIE, value: String(now + ms), maxAgeSeconds: Math.ceil(ms / 1000) };
}

/** The Set-Cookie header value of freshCookie(). */
export function freshSetCookie(now = Date.now()): string | null {
  const c = freshCookie(now);
  return c ? `${c.name}=${c.value}; Path=/; Max-Age=${c.maxAgeSeconds}; HttpOnly; SameSite=Lax` : null;
}

/** Whether a Cookie header says its browser wrote recently. */
export function wroteRecently(cookieHeader: string | null | undefined, now = Date.now()): boolean {
  const m = cookieHeader?.match(/(?:^|;\s*)yb_fresh=(\d{1,16})(?:;|$)/);
  return m ? Number(m[1]) > now : false;
}
