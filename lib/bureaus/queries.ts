// Bureaus an admin can see: their own and those below it, with user counts.
import { prisma } from "../db/client";
import type { Actor } from "../auth/actor";
import { canManageUsersOf, hasRole } from "../auth/policy";
import { regionPrefix } from "../auth/roles";
import { ForbiddenError, NotFoundError } from "../errors";

export async function listBureaus(actor: Actor) {
  if (!hasRole(actor, "ADMIN")) throw new ForbiddenError();
  const prefix = regionPrefix(actor.regionCode);
  const bureaus = await prisma.bureau.findMany({
    where: prefix ? { regionCode: { startsWith: prefix } } : {},
    include: { region: { select: { name: true, level: true } }, _count: { select: { users: true } } },
    orderBy: { regionCode: "asc" },
  });
  return bureaus.map((b) => ({
    id: b.id,
    name: b.name,
    nameEn: b.nameEn,
    level: b.level,
    regionCode: b.regionCode,
    regionName: b.region.name,
    makerChecker: b.makerChecker,
    userCount: b._count.users,
    version: b.version,
  }));
}

export async function getBureau(actor: Actor, id: string) {
  const bureau = /^[0-9a-f-]{36}$/i.test(id) ? await prisma.bureau.findUnique({ where: { id } }) : null;
  if (!bureau || !canManageUsersOf(actor, bureau.regionCode)) throw new NotFoundError();
  return bureau;
}
