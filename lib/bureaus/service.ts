// Bureau writes: the national admin opens bureaus; admins in scope rename them and switch the
// roster's maker-checker rule. Audited, version-checked.
import { prisma } from "../db/client";
import { dispatchCacheEvent } from "../db/events";
import { mapPrismaError } from "../db/errors";
import type { Actor } from "../auth/actor";
import { canCreateBureau, canManageUsersOf } from "../auth/policy";
import { recordAudit, diff } from "../audit/service";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { parseInput } from "../validation";
import { createBureauSchema, updateBureauSchema } from "./schemas";
import { requireBureau } from "./queries";
import { requireAnyRole } from "../auth/require-role";

function levelOf(level: string): "NATIONAL" | "PROVINCIAL" | "MUNICIPAL" | null {
  return level === "NATION" ? "NATIONAL" : level === "PROVINCE" ? "PROVINCIAL" : level === "CITY" ? "MUNICIPAL" : null;
}

export async function createBureau(actor: Actor, rawInput: unknown) {
  if (!canCreateBureau(actor)) throw new ForbiddenError();
  const input = parseInput(createBureauSchema, rawInput);
  const region = await prisma.region.findUnique({ where: { code: input.regionCode } });
  const level = region ? levelOf(region.level) : null;
  if (!region || !level || !canManageUsersOf(actor, region.code)) {
    throw new ValidationError({ regionCode: [{ key: "admin.bureaus.regionNotAllowed" }] });
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const bureau = await tx.bureau.create({ data: { ...input, level } });
      await recordAudit(tx, {
        actor,
        action: "CREATE",
        entityType: "Bureau",
        entityId: bureau.id,
        entityRegion: bureau.regionCode,
        after: bureau,
      });
      return bureau;
    });
  } catch (e) {
    mapPrismaError(e);
  }
}

export async function updateBureau(actor: Actor, id: string, rawInput: unknown) {
  // Order of checks (decision 011): the role (403) before the body (400), the scope (404) after.
  requireAnyRole(actor, ["ADMIN"]);
  const input = parseInput(updateBureauSchema, rawInput);
  const current = await requireBureau(actor, id);
  const { version, ...data } = input;
  const result = await prisma.$transaction(async (tx) => {
    const { count } = await tx.bureau.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    const updated = await tx.bureau.findUnique({ where: { id } });
    if (!updated) throw new NotFoundError();
    const pick = (b: typeof current) => ({ name: b.name, nameEn: b.nameEn, makerChecker: b.makerChecker });
    await recordAudit(tx, {
      actor,
      action: "UPDATE",
      entityType: "Bureau",
      entityId: id,
      entityRegion: current.regionCode,
      ...diff(pick(current), pick(updated)),
    });
    return updated;
  });
  // Every signed-in user of the bureau shows its name.
  dispatchCacheEvent("bureaus");
  return result;
}
