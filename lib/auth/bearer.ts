// A bearer token resolved to its Actor: one indexed query on the plain pg pool finds the token,
// and the user's Actor comes from load-actor.ts exactly as a session's does. The only
// token → actor mapping, for every route handler (lib/auth/session.ts authenticateRequest) and
// the server's eligibility fast path (lib/agreements/fast-eligibility.ts). Unknown, revoked or expired
// tokens and disabled users get nothing; last-used is written at most once a minute.
import crypto from "node:crypto";
import { pgPool } from "../db/pg";
import { SharedCache } from "../cache/shared";
import type { Actor } from "./actor";
import { loadActor } from "./load-actor";

const TOKEN_SQL = `
  SELECT t.id::text AS token_id, t.last_used_at, t.user_id::text AS user_id
    FROM api_token t
   WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`;

interface Row {
  token_id: string;
  last_used_at: Date | null;
  user_id: string;
}

/**
 * Resolved tokens are remembered, so a client calling many times a second costs one lookup, not
 * one per request. Revoking a token, disabling its user, changing roles or the bureau drops the
 * cache at once in this process and, through the triggers' notifications, on every instance
 * (lib/db/events.ts); AUTH_CACHE_MS is the safety net for a lost notification.
 */
export const AUTH_CACHE_MS = 60_000;
const cache = new SharedCache<Actor | null>({
  topics: ["tokens", "users", "bureaus"],
  ttlMs: AUTH_CACHE_MS,
  keysOf: () => "all",
});

export async function actorFromBearer(secret: string, now = Date.now()): Promise<Actor | null> {
  if (!secret.startsWith("ybt_") || secret.length > 100) return null;
  const hash = crypto.createHash("sha256").update(secret).digest("hex");
  const actor = await cache.get(hash, () => lookup(hash), now);
  // Unknown or revoked: not remembered, so a token created a moment later works at once.
  if (!actor) cache.delete(hash);
  return actor;
}

async function lookup(hash: string): Promise<Actor | null> {
  const { rows } = await pgPool().query<Row>({ name: "bearer_token", text: TOKEN_SQL, values: [hash] });
  const r = rows[0];
  if (!r) return null;
  const actor = await loadActor(r.user_id, null, "token");
  if (actor && (!r.last_used_at || Date.now() - r.last_used_at.getTime() > 60_000)) {
    // Advisory; conditional so parallel requests write once.
    await pgPool().query(
      "UPDATE api_token SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')",
      [r.token_id],
    );
  }
  return actor;
}

/** The Actor of an `Authorization: Bearer <secret>` header value; null for anything else. */
export async function actorFromAuthorization(header: string): Promise<Actor | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? actorFromBearer(match[1]!) : null;
}
