// Writes on users: password changes, admin CRUD, API tokens (signing in and out is
// lib/sign-in). Each write runs in one transaction together with its audit record.
import crypto from "node:crypto";
import { prisma } from "../db/client";
import { dispatchCacheEvent } from "../db/events";
import { mapPrismaError } from "../db/errors";
import type { Actor } from "../auth/actor";
import { canManageUsersOf } from "../auth/policy";
import { hashPassword, verifyPassword } from "../auth/password";
import { weakPassword } from "../auth/password-policy";
import { recordAudit, diff } from "../audit/service";
import { ConflictError, ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "../errors";
import { parseInput } from "../validation";
import {
  changePasswordSchema,
  createTokenSchema,
  createUserSchema,
  resetPasswordSchema,
  updateUserSchema,
} from "./schemas";
import { requireUser } from "./queries";
import { clearSignInFailures } from "../ratelimit/limiter";
import { requireAnyRole } from "../auth/require-role";

/** 400 on `field` when the password is guessable or contains the person's username or name. */
async function requireStrong(
  field: string,
  password: string,
  person: { username: string; displayName?: string | null },
): Promise<void> {
  const weak = await weakPassword(password, person);
  if (weak) throw new ValidationError({ [field]: [weak] });
}

/** A new password ends every API token of the user too: a leaked token must not outlive it. */
async function revokeTokensOf(tx: Pick<typeof prisma, "apiToken">, userId: string): Promise<number> {
  const { count } = await tx.apiToken.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}

export async function changeOwnPassword(actor: Actor, rawInput: unknown): Promise<void> {
  const input = parseInput(changePasswordSchema, rawInput);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new ValidationError({ currentPassword: [{ key: "auth.wrongCurrentPassword" }] });
  }
  if (input.currentPassword === input.newPassword) {
    throw new ValidationError({ newPassword: [{ key: "auth.samePassword" }] });
  }
  await requireStrong("newPassword", input.newPassword, { username: user.username, displayName: user.displayName });
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, mustChangePassword: false, sessionsValidFrom: new Date(), version: { increment: 1 } },
    });
    const tokens = await revokeTokensOf(tx, actor.id);
    await recordAudit(tx, {
      actor,
      action: "PASSWORD_CHANGED",
      entityType: "User",
      entityId: actor.id,
      entityRegion: actor.regionCode,
      after: { sessionsEnded: true, tokensRevoked: tokens },
    });
  });
  dispatchCacheEvent("users", actor.id);
  dispatchCacheEvent("tokens", actor.id);
}

export async function createUser(actor: Actor, rawInput: unknown) {
  // Order of checks (decision 011): the role (403) before the body (400), the scope after both.
  requireAnyRole(actor, ["ADMIN"]);
  const input = parseInput(createUserSchema, rawInput);
  await requireStrong("password", input.password, input);
  const bureau = await prisma.bureau.findUnique({ where: { id: input.bureauId } });
  if (!bureau || !canManageUsersOf(actor, bureau.regionCode)) {
    throw new ValidationError({ bureauId: [{ key: "admin.bureauOutOfScope" }] });
  }
  // A taken name answers before the bcrypt work (the unique index still decides a race).
  const username = input.username.toLowerCase();
  if (await prisma.user.findUnique({ where: { username }, select: { id: true } })) {
    throw new ConflictError(
      "errors.duplicate",
      { fields: "username" },
      { username: [{ key: "errors.duplicateValue" }] },
    );
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          username,
          displayName: input.displayName,
          bureauId: bureau.id,
          roles: input.roles,
          passwordHash,
          mustChangePassword: true,
        },
      });
      const { passwordHash: _omit, ...after } = user;
      await recordAudit(tx, {
        actor,
        action: "CREATE",
        entityType: "User",
        entityId: user.id,
        entityRegion: bureau.regionCode,
        after,
      });
      return getUserInTx(user.id, tx);
    });
  } catch (e) {
    mapPrismaError(e);
  }
}

async function getUserInTx(id: string, tx: Pick<typeof prisma, "user">) {
  return tx.user.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      username: true,
      displayName: true,
      roles: true,
      disabled: true,
      version: true,
      bureau: { select: { id: true, name: true, regionCode: true } },
    },
  });
}

export async function updateUser(actor: Actor, id: string, rawInput: unknown) {
  requireAnyRole(actor, ["ADMIN"]);
  const input = parseInput(updateUserSchema, rawInput);
  const current = await requireUser(actor, id);
  if (current.id === actor.id) {
    if (input.disabled === true) throw new InvalidStateError("admin.cannotDisableSelf");
    if (input.roles && !input.roles.includes("ADMIN") && current.roles.includes("ADMIN")) {
      throw new InvalidStateError("admin.cannotDropOwnAdmin");
    }
  }
  const data = {
    ...(input.displayName !== undefined && { displayName: input.displayName }),
    ...(input.roles !== undefined && { roles: [...new Set(input.roles)] }),
    ...(input.disabled !== undefined && { disabled: input.disabled }),
  };
  // New roles end the user's sessions: they sign in again and see the console their roles give.
  const rolesChanged = data.roles !== undefined && [...data.roles].sort().join() !== [...current.roles].sort().join();
  const updated = await prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id, version: input.version },
      data: {
        ...data,
        version: { increment: 1 },
        ...((input.disabled === true || rolesChanged) && { sessionsValidFrom: new Date() }),
      },
    });
    if (count === 0) throw new ConflictError();
    const pick = (u: { displayName: string; roles: unknown; disabled: boolean }) => ({
      displayName: u.displayName,
      roles: u.roles,
      disabled: u.disabled,
    });
    const updated = await getUserInTx(id, tx);
    const changes = diff(pick(current), pick(updated));
    await recordAudit(tx, {
      actor,
      action: input.disabled === true ? "DISABLE" : input.disabled === false && current.disabled ? "ENABLE" : "UPDATE",
      entityType: "User",
      entityId: id,
      entityRegion: current.bureau.regionCode,
      ...changes,
    });
    return updated;
  });
  dispatchCacheEvent("users", id);
  return updated;
}

/** Admin sets a new password; the user must change it at next sign-in, and is unlocked. */
export async function resetPassword(actor: Actor, id: string, rawInput: unknown): Promise<void> {
  requireAnyRole(actor, ["ADMIN"]);
  const input = parseInput(resetPasswordSchema, rawInput);
  const current = await requireUser(actor, id);
  await requireStrong("password", input.password, current);
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id, version: input.version },
      data: {
        passwordHash,
        mustChangePassword: true,
        failedLoginCount: 0,
        lockedUntil: null,
        sessionsValidFrom: new Date(),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError();
    const tokens = await revokeTokensOf(tx, id);
    await recordAudit(tx, {
      actor,
      action: "PASSWORD_RESET",
      entityType: "User",
      entityId: id,
      entityRegion: current.bureau.regionCode,
      after: { sessionsEnded: true, tokensRevoked: tokens },
    });
  });
  dispatchCacheEvent("users", id);
  dispatchCacheEvent("tokens", id);
  await clearSignInFailures(current.username);
}

export async function unlockUser(actor: Actor, id: string): Promise<void> {
  const current = await requireUser(actor, id);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id },
      data: { failedLoginCount: 0, lockedUntil: null, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actor,
      action: "UNLOCK",
      entityType: "User",
      entityId: id,
      entityRegion: current.bureau.regionCode,
      before: { lockedUntil: current.lockedUntil },
      after: { lockedUntil: null },
    });
  });
  // Every address's wait for this account ends too (the throttle lives in rate_limit).
  await clearSignInFailures(current.username);
}

// ---- Personal API tokens -------------------------------------------------------------

const TOKEN_PREFIX = "ybt_";

export function hashToken(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("hex");
}

/** Creates a token; the secret is returned once and only its hash is stored. */
export async function createApiToken(actor: Actor, rawInput: unknown) {
  if (actor.via !== "session") throw new ForbiddenError("profile.tokenNeedsSession");
  const input = parseInput(createTokenSchema, rawInput);
  const secret = TOKEN_PREFIX + crypto.randomBytes(24).toString("base64url");
  const record = await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: {
        userId: actor.id,
        name: input.name,
        prefix: secret.slice(0, 12),
        tokenHash: hashToken(secret),
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86400_000) : null,
      },
      select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true },
    });
    await recordAudit(tx, {
      actor,
      action: "TOKEN_CREATED",
      entityType: "ApiToken",
      entityId: token.id,
      entityRegion: actor.regionCode,
      after: token,
    });
    return token;
  });
  return { secret, token: record };
}

export async function revokeApiToken(actor: Actor, tokenId: string): Promise<void> {
  const token = /^[0-9a-f-]{36}$/i.test(tokenId) ? await prisma.apiToken.findUnique({ where: { id: tokenId } }) : null;
  if (!token || token.userId !== actor.id) throw new NotFoundError();
  if (token.revokedAt) return;
  await prisma.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actor,
      action: "TOKEN_REVOKED",
      entityType: "ApiToken",
      entityId: tokenId,
      entityRegion: actor.regionCode,
    });
  });
  dispatchCacheEvent("tokens", actor.id);
}
