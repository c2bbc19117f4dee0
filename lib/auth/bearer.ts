// A bearer token resolved to its Actor in ONE indexed query on the plain pg pool: the only
// token → actor mapping, for every route handler (lib/auth/session.ts authenticateRequest) and
// the server's eligibility fast path (lib/http/fast-eligibility.ts). Unknown, revoked or expired
// tokens and disabled users get nothing; last-used is written at most once a minute.
import crypto from "node:crypto";
import { pgPool } from "../db/pg";
import { SharedCache } from "../cache/shared";
import type { Actor } from "./actor";
import type { RoleName } from "./roles";

const TOKEN_SQL = `
  SELECT t.id::text AS token_id, t.last_used_at, u.id::text AS id, u.username, u.display_name, u.bureau_id::text AS bureau_id,
         u.roles::text[] AS roles, u.must_change_password, b.name AS bureau_name, b.name_en AS bureau_name_en,
         b.level::text AS bureau_level, b.region_code, r.name AS region_name
    FROM api_token t
    JOIN app_user u ON u.id = t.user_id
    JOIN bureau b ON b.id = u.bureau_id
    JOIN region r ON r.code = b.region_code
   WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND NOT u.disabled`;

interface Row {
  token_id: string;
  last_used_at: Date | null;
  id: string;
  username: string;
  display_name: string;
  bureau_id: string;
  roles: RoleName[];
  must_change_password: boolean;
  bureau_name: string;
  bureau_name_en: string;
  bureau_level: Actor["bureauLevel"];
  region_code: string;
  region_name: string;
}

/**
 * Resolved tokens are remembered, so a client calling many times a second costs one lookup, not
 * one per request. Revoking a token, disabling its user, changing roles or the bureau drops the
 * cache at once in this process and, through the triggers' notifications, on every instance
 * (lib/db/events.ts); AUTH_CACHE_MS is the safety net for a lost notification.
 */
export const AUTH_CACHE_MS = 60_000;
const cache = new SharedCache<Actor | null>({ topics: ["tokens", "users", "bureaus"], ttlMs: AUTH_CACHE_MS, keysOf: () => "all" });

export async function actorFromBearer(secret: string, now = Date.now()): Promise<Actor | null> {
  if (!secret.startsWith("ybt_") || secret.length > 100) return null;
  const hash = crypto.createHash("sha256").update(secret).digest("hex");
  const actor = await cache.get(hash, () => lookup(hash), now);
  // Unknown or revoked: not remembered, so a token created a moment later works at once.
  if (!actor) cache.delete(hash);
  return actor;
}

async function lookup(hash: string): Promise<Actor | null> {
  const { rows } = await pgPool().query<Row>({ name: "fast_auth_token", text: TOKEN_SQL, values: [hash] });
  const r = rows[0];
  if (!r) return null;
  if (!r.last_used_at || Date.now() - r.last_used_at.getTime() > 60_000) {
    // Advisory; conditional so parallel requests write once.
    await pgPool().query("UPDATE api_token SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')", [r.token_id]);
  }
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    bureauId: r.bureau_id,
    bureauName: r.bureau_name,
    bureauNameEn: r.bureau_name_en,
    bureauLevel: r.bureau_level,
    regionCode: r.region_code,
    regionName: r.region_name,
    roles: r.roles,
    mustChangePassword: r.must_change_password,
    via: "token",
  };
}

/** The Actor of an `Authorization: Bearer <secret>` header value; null for anything else. */
export async function actorFromAuthorization(header: string): Promise<Actor | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? actorFromBearer(match[1]!) : null;
}
