// The complaint queues in SQL: the tab counts in ONE query (COUNT … FILTER per queue) and a page of
// a queue with its total in one more, instead of Prisma queries that each pay the query compiler
// (~1–1.5 ms apiece, most of a queue page's database time). The same rules as listWhere() in
// queries.ts (which the export still uses); queue-sql.int.test.ts holds the two to the same
// answers on varied tickets, filters and actors.
import { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { regionPrefix } from "../auth/roles";
import { beijingDay, beijingDayEnd } from "../time/beijing";
import { OPEN_STATES, QUEUES, type Queue } from "./codes";
import { identitySearch } from "./identity";
import type { ListComplaintsInput } from "./schemas";

export { QUEUES, type Queue };

const RUNNING = OPEN_STATES.filter((s) => s !== "AWAITING_COMPLAINANT");

/** The SQL form of "visible to this actor": the home or the visit region in the actor's scope. */
export function scopeSql(actor: Pick<Actor, "regionCode">): Prisma.Sql {
  const p = `${regionPrefix(actor.regionCode)}%`;
  return Prisma.sql`(c.home_region_code LIKE ${p} OR c.visit_region_code LIKE ${p})`;
}

/** The SQL condition of each queue for this actor (the ticket table is aliased `c`). */
export function queueSql(actor: Actor, now: Date): Record<Queue, Prisma.Sql> {
  const like = `${regionPrefix(actor.regionCode)}%`;
  const open = Prisma.sql`c.state::text = ANY(${[...OPEN_STATES]})`;
  const running = Prisma.sql`c.state::text = ANY(${RUNNING})`;
  const end = beijingDayEnd(beijingDay(now));
  const within = (col: Prisma.Sql, from: Date | null, to: Date) =>
    from ? Prisma.sql`(${col} >= ${from} AND ${col} < ${to})` : Prisma.sql`${col} < ${to}`;
  const due = (from: Date | null, to: Date) => Prisma.sql`(${within(Prisma.sql`c.resolution_due_at`, from, to)}
      OR (c.first_responded_at IS NULL AND ${within(Prisma.sql`c.first_response_due_at`, from, to)})
      OR (c.state = 'AWAITING_OTHER_BUREAU' AND ${within(Prisma.sql`c.next_update_due_at`, from, to)}))`;
  return {
    MINE: Prisma.sql`(${open} AND (c.assignee_id = ${actor.id}::uuid OR (c.assignee_id IS NULL AND c.created_by_id = ${actor.id}::uuid)))`,
    BUREAU: Prisma.sql`(${open} AND c.owner_bureau_id = ${actor.bureauId}::uuid)`,
    AWAITING: Prisma.sql`((c.state = 'AWAITING_OTHER_BUREAU' AND c.awaiting_side = 'HOME' AND c.home_region_code LIKE ${like}
                             AND NOT (c.owner_bureau_id = ${actor.bureauId}::uuid AND c.owner_side = 'VISIT'))
                       OR (c.state = 'AWAITING_OTHER_BUREAU' AND c.awaiting_side = 'VISIT' AND c.visit_region_code LIKE ${like}
                             AND NOT (c.owner_bureau_id = ${actor.bureauId}::uuid AND c.owner_side = 'HOME'))
                       OR (c.state = 'ESCALATED' AND c.escalated_to_region LIKE ${like}))`,
    OVERDUE: Prisma.sql`(${running} AND ${due(null, now)})`,
    TODAY: Prisma.sql`(${running} AND ${due(now, end)})`,
    ALL: Prisma.sql`TRUE`,
  };
}

/** A searched text with LIKE's wildcards escaped: "50%" finds "50%", not everything from "50". */
export function likeLiteral(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function containing(q: string): string {
  return `%${likeLiteral(q)}%`;
}

/** Home or visit region within any of `prefixes` (a region filter, or a group's members). */
export function regionSql(prefixes: string[]): Prisma.Sql {
  const likes = prefixes.map((p) => `${p}%`);
  return Prisma.sql`(c.home_region_code LIKE ANY(${likes}::text[]) OR c.visit_region_code LIKE ANY(${likes}::text[]))`;
}

/** The list's WHERE: scope, queue and the filters of listComplaintsSchema. */
export function listSql(actor: Actor, input: Omit<ListComplaintsInput, "page" | "pageSize">, now: Date): Prisma.Sql {
  const parts = [scopeSql(actor), queueSql(actor, now)[input.queue]];
  if (input.owner === "BUREAU") parts.push(Prisma.sql`c.owner_bureau_id = ${actor.bureauId}::uuid`);
  if (input.state) parts.push(Prisma.sql`c.state::text = ${input.state}`);
  if (input.category) parts.push(Prisma.sql`c.category::text = ${input.category}`);
  if (input.priority) parts.push(Prisma.sql`c.priority::text = ${input.priority}`);
  const prefixes = input.regionPrefixes ?? (input.region ? [regionPrefix(input.region)] : null);
  if (prefixes) parts.push(regionSql(prefixes));
  const q = input.q?.trim();
  if (q) {
    const any = containing(q);
    const identity = identitySearch(q);
    const person = identity
      ? Prisma.sql` OR EXISTS (SELECT 1 FROM complaint_identity i WHERE i.complaint_id = c.id
                                 AND (i.id_number_hmac = ANY(${identity.idNumber}::text[]) OR i.phone_hmac = ANY(${identity.phone}::text[])))`
      : Prisma.empty;
    parts.push(Prisma.sql`(c.number ILIKE ${any} OR c.institution_code ILIKE ${any} OR c.institution_name LIKE ${any}
                           OR c.settlement_id LIKE ${any} OR c.description LIKE ${any}${person})`);
  }
  return Prisma.join(parts, " AND ");
}

/** The list's order: deadlines first for the working queues, newest first otherwise. */
export function orderSql(queue: Queue): Prisma.Sql {
  return queue === "OVERDUE" || queue === "TODAY" || queue === "AWAITING"
    ? Prisma.sql`c.resolution_due_at ASC, c.number ASC`
    : Prisma.sql`c.created_at DESC, c.number DESC`;
}

/** A ticket's fields as Prisma names them; `::text` marks a column read as text (uuid, enum, code). */
const TICKET_FIELDS = [
  "id::text",
  "number",
  "channel::text",
  "complainantNameMasked",
  "phoneMasked",
  "idNumberMasked",
  "homeRegionCode::text",
  "visitRegionCode::text",
  "institutionCode::text",
  "institutionName",
  "settlementId",
  "settlementAt",
  "serviceType::text",
  "category::text",
  "priority::text",
  "description",
  "attachments",
  "state::text",
  "ownerBureauId::text",
  "ownerRegionCode::text",
  "ownerSide::text",
  "awaitingSide::text",
  "escalatedToRegion::text",
  "escalatedAt",
  "assigneeId::text",
  "assigneeName",
  "rootCause::text",
  "mergedIntoId::text",
  "firstResponseDueAt",
  "firstRespondedAt",
  "firstResponseMinutes",
  "resolutionDueAt",
  "pausedMinutes",
  "pausedAt",
  "nextUpdateDueAt",
  "resolvedAt",
  "resolutionMinutes",
  "resolutionBreached",
  "closedAt",
  "firstResponseAlertedAt",
  "updateAlertedAt",
  "overdueAlertedAt",
  "createdById::text",
  "createdByName",
  "version",
  "createdAt",
  "updatedAt",
];

/** `firstResponseDueAt` → `first_response_due_at`: the column of a field (schema.prisma maps them so). */
const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Every column of a ticket, named as Prisma names them: a row reads as Prisma's Complaint. */
export const TICKET_COLUMNS = Prisma.raw(
  TICKET_FIELDS.map((f) => {
    const [field, cast] = f.split("::") as [string, string | undefined];
    return `c.${columnOf(field)}${cast ? `::${cast}` : ""} AS "${field}"`;
  }).join(", "),
);
