// Who is calling: from the next-auth session cookie (browser) or a personal API token
// (`Authorization: Bearer …`). Framework-free: the caller hands over the Cookie header (the UI
// layer reads it from next/headers once per request — components/layout/require.ts).
//
// Per request this costs no database query in the steady state: a session token is decrypted
// once and remembered until it expires (SESSION_DECODE_CACHE), and the user behind it comes from
// the actor cache (lib/auth/load-actor.ts loadActor), which every instance drops as soon as the
// user, their bureau or their tokens change (docs/decisions/010-scale-out.md).
import { decode, type JWT } from "next-auth/jwt";
import type { Actor } from "./actor";
import { actorFromAuthorization } from "./bearer";
import { sessionTokenOf } from "./cookie";
import { env } from "../env";
import { loadActor } from "./load-actor";
import { wroteRecently } from "./fresh";

interface Claims {
  uid: string;
  /** The sign-in's user_session row. */
  sid: string;
  authAt: number;
  /** Expiry in ms since the epoch. */
  exp: number;
}

const decoded = new Map<string, Claims | null>();
const DECODE_CACHE_MAX = 20_000;

/** The claims of a session token: decrypted once (hkdf + AES-GCM) and kept until it expires. */
export async function sessionClaims(token: string, now = Date.now()): Promise<Claims | null> {
  let claims = decoded.get(token);
  if (claims === undefined) {
    let jwt: JWT | null = null;
    try {
      jwt = await decode({ token, secret: env().NEXTAUTH_SECRET ?? "" });
    } catch {
      jwt = null;
    }
    // A token without a session id (issued before sessions could be ended) is not accepted.
    claims =
      jwt && typeof jwt.uid === "string" && typeof jwt.sid === "string" && typeof jwt.exp === "number"
        ? { uid: jwt.uid, sid: jwt.sid, authAt: Number(jwt.authAt ?? 0), exp: jwt.exp * 1000 }
        : null;
    if (decoded.size >= DECODE_CACHE_MAX) decoded.clear();
    decoded.set(token, claims);
  }
  if (!claims || claims.exp <= now) return null;
  return claims;
}

/** The signed-in actor of a Cookie header, or null (no, expired or revoked session). */
export async function actorFromCookieHeader(cookieHeader: string | null | undefined): Promise<Actor | null> {
  const token = sessionTokenOf(cookieHeader);
  if (!token) return null;
  const claims = await sessionClaims(token);
  const actor = claims ? await loadActor(claims.uid, claims.authAt, "session", claims.sid) : null;
  return actor && wroteRecently(cookieHeader) ? { ...actor, recentWrite: true } : actor;
}

/** For route handlers: a Bearer token when present (and then only it), else the session cookie. */
export async function authenticateRequest(req: Request): Promise<Actor | null> {
  const header = req.headers.get("authorization");
  if (header) return actorFromAuthorization(header);
  return actorFromCookieHeader(req.headers.get("cookie"));
}
