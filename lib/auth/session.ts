// Who is calling: from the next-auth session cookie (browser) or a personal API token
// (`Authorization: Bearer …`). Used by server components, server actions and route handlers.
import { getServerSession } from "next-auth";
import type { Actor } from "./actor";
import { authOptions, type AppSession } from "./next-auth";
import { loadActor } from "../users/queries";
import { authenticateApiToken } from "../users/service";
import { UnauthenticatedError } from "../errors";

export async function getSessionActor(): Promise<Actor | null> {
  const session = (await getServerSession(authOptions)) as AppSession | null;
  if (!session?.uid) return null;
  return loadActor(session.uid, session.authAt ?? 0, "session");
}

/** For server components and actions: the actor, or throws Unauthenticated. */
export async function requireActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

/** For route handlers: a Bearer token when present (and then only it), else the session cookie. */
export async function authenticateRequest(req: Request): Promise<Actor | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return null;
    const userId = await authenticateApiToken(match[1]!);
    return userId ? loadActor(userId, null, "token") : null;
  }
  // No session cookie at all: nothing to decode (and no request-scoped headers() call needed).
  if (!/(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/.test(req.headers.get("cookie") ?? "")) return null;
  return getSessionActor();
}
