// The signed-in user as an Actor, for every way of authenticating (session cookie, personal API
// token): one mapping from the user's row to the Actor, kept per process. Lives in lib/auth so
// authentication does not reach into lib/users (which depends on lib/auth's policy).
import { prisma } from "../db/client";
import { SharedCache } from "../cache/shared";
import type { Actor } from "./actor";
import type { RoleName } from "./roles";

export const ABSOLUTE_SESSION_HOURS = 12;

interface UserState {
  actor: Omit<Actor, "via">;
  disabled: boolean;
  sessionsValidFrom: number;
  /** Ids of this user's signed-out sessions that have not expired yet. */
  revokedSessions: Set<string>;
}

// The user behind every request, kept per process. Dropped on this instance right after a write
// here (users/bureaus/tokens services) and on every instance when the trigger's notification
// arrives (lib/db/events.ts); the TTL is the safety net for a lost notification.
const userStates = new SharedCache<UserState | null>({
  topics: ["users", "bureaus"],
  ttlMs: 60_000,
  keysOf: (topic, id) => (topic === "users" ? [id] : "all"),
});

async function loadUserState(userId: string): Promise<UserState | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: {
      bureau: { include: { region: true } },
      sessions: { where: { revokedAt: { not: null }, expiresAt: { gt: new Date() } }, select: { id: true } },
    },
  });
  if (!user) return null;
  return {
    disabled: user.disabled,
    sessionsValidFrom: user.sessionsValidFrom.getTime(),
    revokedSessions: new Set(user.sessions.map((s) => s.id)),
    actor: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      bureauId: user.bureauId,
      bureauName: user.bureau.name,
      bureauNameEn: user.bureau.nameEn,
      bureauLevel: user.bureau.level,
      regionCode: user.bureau.regionCode,
      regionName: user.bureau.region.name,
      roles: user.roles as RoleName[],
      mustChangePassword: user.mustChangePassword,
    },
  };
}

/**
 * The Actor for a user id, or null when the user is gone, disabled, or signed in before their
 * sessions were invalidated (password change or reset, role or bureau change) or longer ago than
 * the absolute limit, or when the session `sid` was signed out.
 */
export async function loadActor(
  userId: string,
  authAt: number | null,
  via: Actor["via"],
  sid?: string,
): Promise<Actor | null> {
  const state = await userStates.get(userId, () => loadUserState(userId));
  if (!state || state.disabled) return null;
  if (sid !== undefined && state.revokedSessions.has(sid)) return null;
  if (authAt !== null) {
    if (authAt < state.sessionsValidFrom - 1000) return null;
    if (Date.now() - authAt > ABSOLUTE_SESSION_HOURS * 3600_000) return null;
  }
  return { ...state.actor, via };
}
