// Server side of the audit table: formats times in Beijing time and labels User entities
// with their usernames (only users the viewer may manage; others keep the bare id).
import type { Actor } from "@/lib/auth/actor";
import type { AuditEntryView } from "@/lib/audit/queries";
import { listUserLabels } from "@/lib/users/queries";
import { formatDateTime } from "../../_components/date-time";
import type { AuditRow } from "./audit-table";

export async function toAuditRows(actor: Actor, items: AuditEntryView[]): Promise<AuditRow[]> {
  const labels = await listUserLabels(
    actor,
    items.filter((i) => i.entityType === "User").map((i) => i.entityId),
  );
  return items.map((i) => {
    const user = i.entityType === "User" ? labels[i.entityId] : undefined;
    return {
      id: i.id,
      at: formatDateTime(i.at),
      actorName: i.actorName,
      actorRegion: i.actorRegion,
      action: i.action,
      entityType: i.entityType,
      entityId: i.entityId,
      entityRegion: i.entityRegion,
      before: i.before,
      after: i.after,
      ip: i.ip,
      ...(user && { entityLabel: `${user.displayName} (${user.username})`, entityHref: `/admin/users/${i.entityId}` }),
    };
  });
}
