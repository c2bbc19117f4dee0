// Signing in and out: the credential check with its throttling (decision 011), the session row
// a sign-in starts and sign-out revokes, each audited. A module of its own above lib/auth and
// lib/audit (the audit writer depends on lib/auth's Actor), and beside lib/users, which depends on
// lib/auth's policy — so no two of them import each other (ARCHITECTURE.md, module map).
import { prisma } from "../db/client";
import { dispatchCacheEvent } from "../db/events";
import { env } from "../env";
import { recordAudit } from "../audit/service";
import { clearSignInFailures, hit, recordSignInFailure, signInWait } from "../ratelimit/limiter";
import { ABSOLUTE_SESSION_HOURS } from "../auth/load-actor";
import { DUMMY_HASH, verifyPassword } from "../auth/password";

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "bad_credentials" | "disabled" }
  | { ok: false; reason: "throttled"; seconds: number };

/**
 * Checks a username and password (decision 011). One answer and one cost for an unknown name, a
 * wrong password and a throttled pair: every path runs bcrypt once. Throttling is by (name as
 * typed, client address): LOGIN_MAX_FAILURES failures make that pair wait, longer after each
 * further failure, up to LOGIN_LOCK_MINUTES — the account itself stays open from elsewhere. An
 * address is also limited in attempts overall (SIGNIN_ADDRESS_LIMIT per 5 minutes). All counts
 * live in PostgreSQL, shared by every instance.
 */
export async function verifyCredentials(
  username: string,
  password: string,
  ip: string | null = null,
): Promise<SignInResult> {
  const { LOGIN_MAX_FAILURES: allowance, LOGIN_LOCK_MINUTES: lockMinutes, SIGNIN_ADDRESS_LIMIT: perAddress } = env();
  const account = username.trim().toLowerCase();
  const address = ip ?? "unknown";
  const byAddress = await hit(`signin-addr:${address}`, { limit: perAddress, windowSeconds: 300 });
  const wait = byAddress.allowed ? await signInWait(account, address) : byAddress.resetSeconds;
  const user = await prisma.user.findUnique({ where: { username: account }, include: { bureau: true } });
  if (wait > 0) {
    await verifyPassword(password, DUMMY_HASH);
    return { ok: false, reason: "throttled", seconds: wait };
  }
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !passwordOk) {
    const { blockSeconds } = await recordSignInFailure(account, address, allowance, lockMinutes * 60);
    if (user) await noteFailure(user, blockSeconds, ip);
    return { ok: false, reason: "bad_credentials" };
  }
  if (user.disabled) return { ok: false, reason: "disabled" };
  await clearSignInFailures(account, address);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() },
    });
    await recordAudit(tx, {
      actor: userActor(user),
      action: "SIGN_IN",
      entityType: "User",
      entityId: user.id,
      entityRegion: user.bureau.regionCode,
      ip,
    });
  });
  return { ok: true, userId: user.id };
}

/** A signed-in (or signing-in) user as the actor of their own audit entries. */
function userActor(user: { id: string; displayName: string; username: string; bureau: { regionCode: string } }) {
  return { id: user.id, displayName: user.displayName, username: user.username, regionCode: user.bureau.regionCode };
}

/**
 * A failed sign-in of an existing account: counted on the user (shown to admins), audited; when
 * it started a wait, `locked_until` shows the wait's end (informational — sign-in is throttled per
 * address, not per account) and the audit says ACCOUNT_LOCKED with the address and seconds.
 */
async function noteFailure(
  user: { id: string; displayName: string; username: string; bureau: { regionCode: string } },
  blockSeconds: number,
  ip: string | null,
) {
  await prisma.$executeRaw`
    update app_user
       set failed_login_count = failed_login_count + 1,
           locked_until = case when ${blockSeconds}::int > 0 then greatest(coalesce(locked_until, now()), now() + make_interval(secs => ${blockSeconds}::int)) else locked_until end
     where id = ${user.id}::uuid`;
  await recordAudit(prisma, {
    actor: userActor(user),
    action: blockSeconds > 0 ? "ACCOUNT_LOCKED" : "SIGN_IN_FAILED",
    entityType: "User",
    entityId: user.id,
    entityRegion: user.bureau.regionCode,
    ip,
    ...(blockSeconds > 0 && { after: { address: ip, waitSeconds: blockSeconds } }),
  });
}

/**
 * Records a browser sign-in and returns its id (carried in the session cookie as `sid`). Expired
 * rows of the same user go at the same time, so the table holds only live sessions.
 */
export async function startSession(userId: string, ip: string | null, userAgent: string | null): Promise<string> {
  const now = Date.now();
  const [, created] = await prisma.$transaction([
    prisma.userSession.deleteMany({ where: { userId, expiresAt: { lt: new Date(now) } } }),
    prisma.userSession.create({
      data: {
        userId,
        expiresAt: new Date(now + ABSOLUTE_SESSION_HOURS * 3600_000),
        ip: ip?.slice(0, 64) ?? null,
        userAgent: userAgent?.slice(0, 300) ?? null,
      },
      select: { id: true },
    }),
  ]);
  return created.id;
}

/** Sign-out: the session is refused from now on, on every instance (trigger → `users:<id>`). Audited. */
export async function endSession(userId: string, sid: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(userId) || !/^[0-9a-f-]{36}$/i.test(sid)) return;
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({
      where: { id: sid, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (!count) return;
    const user = await tx.user.findUnique({ where: { id: userId }, include: { bureau: true } });
    if (!user) return;
    await recordAudit(tx, {
      actor: userActor(user),
      action: "SIGN_OUT",
      entityType: "User",
      entityId: user.id,
      entityRegion: user.bureau.regionCode,
    });
  });
  dispatchCacheEvent("users", userId);
}
