// Bulk look-up of the region tree for other domains (roster import) and the name cache: the whole
// tree as an index held in memory for one operation.
import { prisma } from "../db/client";
import type { RegionView } from "./schemas";

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
