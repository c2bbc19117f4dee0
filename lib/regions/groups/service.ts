// Region group writes: admins create groups owned by their bureau; admins of the owner's region
// (or above) edit and retire them. Audited, version-checked, in one transaction each.
import { prisma } from "../../db/client";
import { dispatchCacheEvent } from "../../db/events";
import { mapPrismaError } from "../../db/errors";
import type { Actor } from "../../auth/actor";
import { recordAudit, diff } from "../../audit/service";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../errors";
import { parseInput } from "../../validation";
import { canCreateRegionGroup, canManageRegionGroup } from "./policy";
import { allRegionGroups, requireRegionGroup, type RegionGroupRecord } from "./queries";
import { createRegionGroupSchema, updateRegionGroupSchema } from "./schemas";

/** Members must be regions of the tree (any level). */
async function assertRegionsExist(members: string[]): Promise<void> {
  const found = await prisma.region.count({ where: { code: { in: members } } });
  if (found !== new Set(members).size)
    throw new ValidationError({ members: [{ key: "regionGroups.errors.unknownMember" }] });
}

const audited = (g: {
  nameZh: string;
  nameEn: string;
  description: string;
  members: string[];
  visibility: string;
  retired: boolean;
}) => ({
  nameZh: g.nameZh,
  nameEn: g.nameEn,
  description: g.description,
  members: g.members,
  visibility: g.visibility,
  retired: g.retired,
});

/** Drops this process's copy at once (other instances hear the table's trigger). */
async function reloaded(slug: string): Promise<RegionGroupRecord> {
  dispatchCacheEvent("regionGroups");
  const g = (await allRegionGroups()).get(slug);
  if (!g) throw new NotFoundError();
  return g;
}

export async function createRegionGroup(actor: Actor, rawInput: unknown): Promise<RegionGroupRecord> {
  if (!canCreateRegionGroup(actor)) throw new ForbiddenError();
  const input = parseInput(createRegionGroupSchema, rawInput);
  await assertRegionsExist(input.members);
  try {
    await prisma.$transaction(async (tx) => {
      const g = await tx.regionGroup.create({
        data: { ...input, members: [...new Set(input.members)], ownerBureauId: actor.bureauId },
      });
      await recordAudit(tx, {
        actor,
        action: "CREATE",
        entityType: "RegionGroup",
        entityId: g.id,
        entityRegion: actor.regionCode,
        after: { slug: g.slug, ...audited(g) },
      });
    });
  } catch (e) {
    mapPrismaError(e);
  }
  return reloaded(input.slug);
}

export async function updateRegionGroup(actor: Actor, slug: string, rawInput: unknown): Promise<RegionGroupRecord> {
  // Order of checks (decision 011): the role (403) before the body (400), the scope (404) after.
  if (!canCreateRegionGroup(actor)) throw new ForbiddenError();
  const input = parseInput(updateRegionGroupSchema, rawInput);
  const current = await requireRegionGroup(actor, slug);
  if (!canManageRegionGroup(actor, current)) throw new NotFoundError();
  if (input.members) await assertRegionsExist(input.members);
  const { version, ...data } = input;
  await prisma.$transaction(async (tx) => {
    // The audit's "before" is the row as stored, not this process's cached copy.
    const before = await tx.regionGroup.findUniqueOrThrow({ where: { id: current.id } });
    const { count } = await tx.regionGroup.updateMany({
      where: { id: current.id, version },
      data: { ...data, ...(data.members ? { members: [...new Set(data.members)] } : {}), version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    const updated = await tx.regionGroup.findUniqueOrThrow({ where: { id: current.id } });
    const action = data.retired === true && !before.retired ? "RETIRE" : "UPDATE";
    await recordAudit(tx, {
      actor,
      action,
      entityType: "RegionGroup",
      entityId: current.id,
      entityRegion: current.ownerRegion,
      ...diff(audited(before), audited(updated)),
    });
  });
  return reloaded(slug);
}

/** Retiring keeps the record (saved links and the audit log name it); the pickers stop offering it. */
export function retireRegionGroup(actor: Actor, slug: string, version: number): Promise<RegionGroupRecord> {
  return updateRegionGroup(actor, slug, { retired: true, version });
}
