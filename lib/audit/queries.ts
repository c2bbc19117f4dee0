// Reads of the audit log. Only admins read it, and only entries whose entity or acting bureau
// lies within their region (policy.canReadAuditEntry), filtered in SQL so paging stays exact.
import { onReadClient } from "../db/replicas";
import { regionNames as namesOfRegions } from "../regions/names";
import type { Prisma } from "../db/client";
import type { Actor } from "../auth/actor";
import { regionPrefix } from "../auth/roles";
import { ValidationError } from "../errors";
import { parseInput } from "../validation";
import { beijingDayEnd, beijingDayStart } from "../time/beijing";
import { listAuditSchema } from "./schemas";
import { requireAnyRole } from "../auth/require-role";

/**
 * The SQL twin of policy.canReadAuditEntry. The national administration sees every entry,
 * including system entries that carry no region (seeding, maintenance).
 */
export function auditScopeWhere(actor: Actor): Prisma.AuditLogWhereInput {
  const prefix = regionPrefix(actor.regionCode);
  if (prefix === "") return {};
  return { OR: [{ entityRegion: { startsWith: prefix } }, { actorRegion: { startsWith: prefix } }] };
}

export interface AuditEntryView {
  /** bigint in the database; a string here so it crosses JSON and the RSC boundary. */
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  actorRegion: string | null;
  action: string;
  entityType: string;
  entityId: string;
  entityRegion: string | null;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
  ip: string | null;
}

export async function listAuditEntries(actor: Actor, rawInput: unknown) {
  requireAnyRole(actor, ["ADMIN"]);
  const input = parseInput(listAuditSchema, rawInput);
  if (input.from && input.to && input.from > input.to) {
    throw new ValidationError({ to: [{ key: "admin.audit.dateRange" }] });
  }
  const where: Prisma.AuditLogWhereInput = {
    AND: [
      auditScopeWhere(actor),
      input.actor ? { actorName: { contains: input.actor, mode: "insensitive" } } : {},
      input.action ? { action: input.action } : {},
      input.entityType ? { entityType: input.entityType } : {},
      input.entityId ? { entityId: input.entityId } : {},
      input.from ? { at: { gte: beijingDayStart(input.from) } } : {},
      input.to ? { at: { lt: beijingDayEnd(input.to) } } : {},
    ],
  };
  // A list: from a read replica when one is fit (lib/db/replicas.ts).
  const [total, rows] = await onReadClient(actor, (db) =>
    Promise.all([
      db.auditLog.count({ where }),
      db.auditLog.findMany({
        where,
        // The chain's columns stay in the database (npm run audit:verify reads them there).
        omit: { seq: true, prevHash: true, hash: true },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        skip: (input.page - 1) * input.pageSize,
        take: input.pageSize,
      }),
    ]),
  );
  const items: AuditEntryView[] = rows.map((r) => ({ ...r, id: r.id.toString() }));
  // Names for the region codes on this page only: one small indexed lookup.
  const codes = [
    ...new Set(items.flatMap((i) => [i.entityRegion, i.actorRegion]).filter((c): c is string => c !== null)),
  ];
  const regionNames = Object.fromEntries(await namesOfRegions(codes)) as Record<string, string>;
  return { total, page: input.page, pageSize: input.pageSize, items, regionNames };
}
