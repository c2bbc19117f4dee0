// Reads of users, bureaus and the signed-in actor. Every list is scoped to the actor's region.
import { prisma } from "../db/client";
import type { Prisma } from "../db/client";
import type { Actor } from "../auth/actor";
import { canListUsers, canManageUsersOf } from "../auth/policy";
import { regionPrefix, type RoleName } from "../auth/roles";
import { NotFoundError } from "../errors";
import { parseInput } from "../validation";
import { listUsersSchema } from "./schemas";
import { requireAnyRole } from "../auth/require-role";

const userPublicSelect = {
  id: true,
  username: true,
  displayName: true,
  roles: true,
  disabled: true,
  lockedUntil: true,
  failedLoginCount: true,
  lastLoginAt: true,
  mustChangePassword: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  bureau: { select: { id: true, name: true, nameEn: true, regionCode: true, level: true } },
} satisfies Prisma.UserSelect;

export type UserView = Prisma.UserGetPayload<{ select: typeof userPublicSelect }>;

function scopeWhere(actor: Actor): Prisma.UserWhereInput {
  const prefix = regionPrefix(actor.regionCode);
  return prefix ? { bureau: { regionCode: { startsWith: prefix } } } : {};
}

export async function listUsers(actor: Actor, rawInput: unknown) {
  requireAnyRole(actor, ["ADMIN"]);
  const input = parseInput(listUsersSchema, rawInput);
  const now = new Date();
  const where: Prisma.UserWhereInput = {
    AND: [
      scopeWhere(actor),
      input.q
        ? { OR: [{ username: { contains: input.q, mode: "insensitive" } }, { displayName: { contains: input.q } }] }
        : {},
      input.bureauId ? { bureauId: input.bureauId } : {},
      input.role ? { roles: { has: input.role } } : {},
      input.status === "ACTIVE" ? { disabled: false } : {},
      input.status === "DISABLED" ? { disabled: true } : {},
      input.status === "LOCKED" ? { lockedUntil: { gt: now } } : {},
    ],
  };
  const [total, items] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      select: userPublicSelect,
      orderBy: [{ bureau: { regionCode: "asc" } }, { username: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  return { total, page: input.page, pageSize: input.pageSize, items };
}

export type UserStatus = "ACTIVE" | "DISABLED" | "LOCKED";

/** Disabled wins over locked: a disabled account cannot sign in whatever its lock. */
export function userStatus(u: Pick<UserView, "disabled" | "lockedUntil">, now = new Date()): UserStatus {
  if (u.disabled) return "DISABLED";
  if (u.lockedUntil && u.lockedUntil.getTime() > now.getTime()) return "LOCKED";
  return "ACTIVE";
}

/** The API's view of a user (userSchema): no counters, a derived `locked`. */
export function toUserDto(u: UserView, now = new Date()) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    bureau: u.bureau,
    roles: u.roles as RoleName[],
    disabled: u.disabled,
    locked: userStatus({ disabled: false, lockedUntil: u.lockedUntil }, now) === "LOCKED",
    lockedUntil: u.lockedUntil,
    lastLoginAt: u.lastLoginAt,
    mustChangePassword: u.mustChangePassword,
    version: u.version,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

/** Usernames for ids, limited to users in the actor's scope (for labelling audit entries). */
export async function listUserLabels(actor: Actor, ids: string[]) {
  const valid = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!canListUsers(actor) || valid.length === 0)
    return {} as Record<string, { username: string; displayName: string }>;
  const users = await prisma.user.findMany({
    where: { AND: [scopeWhere(actor), { id: { in: valid } }] },
    select: { id: true, username: true, displayName: true },
  });
  return Object.fromEntries(users.map((u) => [u.id, { username: u.username, displayName: u.displayName }])) as Record<
    string,
    { username: string; displayName: string }
  >;
}

/** A user in the actor's scope, or null (outside the scope the user's existence is not revealed). */
export async function getUser(actor: Actor, id: string): Promise<UserView | null> {
  // The role first (403 naming it), then the scope (404), as every operation answers.
  requireAnyRole(actor, ["ADMIN"]);
  const user = /^[0-9a-f-]{36}$/i.test(id)
    ? await prisma.user.findUnique({ where: { id }, select: userPublicSelect })
    : null;
  return user && canManageUsersOf(actor, user.bureau.regionCode) ? user : null;
}

/** getUser, or NotFound. */
export async function requireUser(actor: Actor, id: string): Promise<UserView> {
  const user = await getUser(actor, id);
  if (!user) throw new NotFoundError();
  return user;
}

/** Bureaus an admin may assign users to: their own and those below it. */
export async function listBureausInScope(actor: Actor) {
  const prefix = regionPrefix(actor.regionCode);
  return prisma.bureau.findMany({
    where: prefix ? { regionCode: { startsWith: prefix } } : {},
    select: { id: true, name: true, nameEn: true, regionCode: true, level: true },
    orderBy: { regionCode: "asc" },
  });
}

export async function listOwnTokens(actor: Actor) {
  return prisma.apiToken.findMany({
    where: { userId: actor.id },
    select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
}
