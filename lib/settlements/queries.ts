// Reads of the settlement import log, scoped to the actor's region (an import carries its
// importing bureau's region): what the workbench shows an analyst.
import { prisma } from "../db/client";
import type { Actor } from "../auth/actor";
import { regionPrefix } from "../auth/roles";
import { requireAnyRole } from "../auth/require-role";
import { STATISTICS_READER_ROLES } from "../auth/policy";

export interface ImportLogEntry {
  id: number;
  fileName: string | null;
  source: string;
  state: "RUNNING" | "DONE" | "FAILED";
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  startedAt: Date;
  finishedAt: Date | null;
}

/** The latest imports of the actor's region (and below), newest first. Analysts and administrators. */
export async function listRecentImports(actor: Actor, take = 5): Promise<ImportLogEntry[]> {
  requireAnyRole(actor, STATISTICS_READER_ROLES);
  const p = regionPrefix(actor.regionCode);
  return prisma.settlementImport.findMany({
    where: p ? { regionCode: { startsWith: p } } : {},
    select: {
      id: true,
      fileName: true,
      source: true,
      state: true,
      rowsRead: true,
      accepted: true,
      duplicates: true,
      rejected: true,
      startedAt: true,
      finishedAt: true,
    },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take,
  });
}
