// Bulk look-ups of the region tree for other domains (roster import, coverage): the whole tree
// as an index held in memory for one operation, and the regions of one level in a subtree.
import { prisma } from "../db/client";
import type { RegionView } from "./schemas";
import { subtreeWhere } from "./queries";

export interface RegionIndexEntry {
  code: string;
  name: string;
  level: RegionView["level"];
  parentCode: string | null;
}

/** Every region by code (~3,200 rows), for validating many codes at once. */
export async function loadRegionIndex(): Promise<Map<string, RegionIndexEntry>> {
  const rows = await prisma.region.findMany({ select: { code: true, name: true, level: true, parentCode: true } });
  return new Map(rows.map((r) => [r.code, r]));
}

/** The regions of `levels` in the subtree of `code` (itself included), ordered by code. */
export async function listRegionsIn(code: string, levels: RegionView["level"][]): Promise<RegionIndexEntry[]> {
  return prisma.region.findMany({
    where: { AND: [subtreeWhere(code), { level: { in: levels } }] },
    select: { code: true, name: true, level: true, parentCode: true },
    orderBy: { code: "asc" },
  });
}
