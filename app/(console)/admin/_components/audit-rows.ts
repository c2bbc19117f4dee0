// Server side of the audit table: formats times in Beijing time and names each entity — a
// user by name and username (only users the viewer may manage), an institution by its name,
// an agreement by its number, a bureau by its name, a ticket by its number, a change request by
// its institution, an import by its batch — with a link to its page where there is one. No
// bare UUID is shown.
import type { Actor } from "@/lib/auth/actor";
import type { AuditEntryView } from "@/lib/audit/queries";
import type { Translate } from "@/lib/i18n";
import { listUserLabels } from "@/lib/users/queries";
import { findInstitution } from "@/lib/facilities/queries";
import { findAgreementRow } from "@/lib/agreements/queries";
import { bureauRefs } from "@/lib/bureaus/queries";
import { formatDateTime } from "../../_components/date-time";
import type { AuditRow } from "./audit-table";

type Entity = Pick<AuditRow, "entityLabel" | "entityHref">;
type Lookups = Awaited<ReturnType<typeof lookups>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function afterField(i: AuditEntryView, key: string): string | undefined {
  const after = i.after;
  const v =
    after && typeof after === "object" && !Array.isArray(after) ? (after as Record<string, unknown>)[key] : undefined;
  return typeof v === "string" && v ? v : undefined;
}

/** The codes of institutions named by the page's entries (directly or by a change request). */
function institutionCodes(items: AuditEntryView[]): string[] {
  const codes = items.map((i) =>
    i.entityType === "Institution"
      ? i.entityId
      : i.entityType === "InstitutionChangeRequest"
        ? afterField(i, "code")
        : undefined,
  );
  return [...new Set(codes.filter((c): c is string => Boolean(c)))];
}

async function lookups(actor: Actor, items: AuditEntryView[]) {
  const ids = (type: string) => [...new Set(items.filter((i) => i.entityType === type).map((i) => i.entityId))];
  const [users, institutions, agreements, bureaus] = await Promise.all([
    listUserLabels(actor, ids("User")),
    Promise.all(institutionCodes(items).map(async (code) => [code, (await findInstitution(code))?.name] as const)),
    Promise.all(ids("Agreement").map(async (id) => [id, (await findAgreementRow(id))?.number] as const)),
    ids("Bureau").length ? bureauRefs() : Promise.resolve(new Map<string, { name: string }>()),
  ]);
  return { users, institutions: new Map(institutions), agreements: new Map(agreements), bureaus };
}

function entityOf(i: AuditEntryView, l: Lookups, t: Translate): Entity {
  const id = i.entityId;
  switch (i.entityType) {
    case "User": {
      const u = l.users[id];
      return u ? { entityLabel: `${u.displayName} (${u.username})`, entityHref: `/admin/users/${id}` } : {};
    }
    case "Institution":
      return { entityLabel: l.institutions.get(id) ?? id, entityHref: `/facilities/${encodeURIComponent(id)}` };
    case "InstitutionChangeRequest": {
      const code = afterField(i, "code");
      const name = (code && l.institutions.get(code)) ?? afterField(i, "name") ?? code;
      if (!name) return {};
      if (!code || !l.institutions.has(code) || !l.institutions.get(code))
        return {
          entityLabel: t("admin.audit.entityLabels.newInstitution", { name }),
          entityHref: "/facilities/changes",
        };
      return {
        entityLabel: t("admin.audit.entityLabels.change", { name }),
        entityHref: `/facilities/${encodeURIComponent(code)}`,
      };
    }
    case "Agreement": {
      const number = l.agreements.get(id);
      if (id === "demo") return { entityLabel: t("admin.audit.entityLabels.demo") };
      return number ? { entityLabel: number, entityHref: `/agreements/${id}` } : {};
    }
    case "Bureau": {
      const b = l.bureaus.get(id);
      return b ? { entityLabel: b.name, entityHref: "/admin/bureaus" } : {};
    }
    case "Complaint":
      return id === "demo"
        ? { entityLabel: t("admin.audit.entityLabels.demo") }
        : { entityLabel: id, entityHref: `/complaints/${encodeURIComponent(id)}` };
    case "SettlementImport":
      return { entityLabel: t("admin.audit.entityLabels.batch", { n: id }) };
    case "Database":
      return { entityLabel: t("admin.audit.entityLabels.demo") };
    default:
      return {};
  }
}

/** A short label for an id nothing names: never the whole UUID. */
function fallbackLabel(id: string, t: Translate): string {
  return UUID.test(id) ? t("admin.audit.entityLabels.record", { id: id.slice(0, 8) }) : id;
}

export async function toAuditRows(actor: Actor, items: AuditEntryView[], t: Translate): Promise<AuditRow[]> {
  const l = await lookups(actor, items);
  return items.map((i) => {
    const entity = entityOf(i, l, t);
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
      entityLabel: entity.entityLabel ?? fallbackLabel(i.entityId, t),
      ...(entity.entityHref && { entityHref: entity.entityHref }),
    };
  });
}
