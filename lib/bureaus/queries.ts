// Bureaus an admin can see (their own and those below it, with user counts), and every bureau's
// name and region as cached reference data.
import { prisma } from "../db/client";
import { SharedCache } from "../cache/shared";
import type { Actor } from "../auth/actor";
import { canManageUsersOf } from "../auth/policy";
import { regionPrefix } from "../auth/roles";
import { NotFoundError } from "../errors";
import { requireAnyRole } from "../auth/require-role";

export async function listBureaus(actor: Actor) {
  requireAnyRole(actor, ["ADMIN"]);
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

export async function requireBureau(actor: Actor, id: string) {
  const bureau = /^[0-9a-f-]{36}$/i.test(id) ? await prisma.bureau.findUnique({ where: { id } }) : null;
  if (!bureau || !canManageUsersOf(actor, bureau.regionCode)) throw new NotFoundError();
  return bureau;
}

export interface BureauRef {
  id: string;
  name: string;
  nameEn: string;
  regionCode: string;
}

// Every bureau's name and region: a few dozen rows shown beside tickets, users and reports. Kept
// per process and dropped on every instance when the bureau table changes (lib/db/events.ts).
const refs = new SharedCache<Map<string, BureauRef>>({ topics: ["bureaus"], ttlMs: 600_000, keysOf: () => "all" });

/** Every bureau by id (reference data, from the process cache). */
export function bureauRefs(): Promise<Map<string, BureauRef>> {
  return refs.get("all", async () => {
    const rows = await prisma.bureau.findMany({ select: { id: true, name: true, nameEn: true, regionCode: true } });
    return new Map(rows.map((b) => [b.id, b]));
  });
}
