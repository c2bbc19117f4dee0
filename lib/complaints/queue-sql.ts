// The queue tabs' counts in ONE query (COUNT … FILTER per queue), instead of six Prisma counts
// that each pay the query compiler (~1.5 ms apiece). The same rules as queueWhere() in queries.ts,
// written in SQL; queue-sql.int.test.ts holds the two to the same answers on varied tickets.
import { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { regionPrefix } from "../auth/roles";
import { beijingDay, beijingDayStart, OPEN_STATES } from "./codes";

export const QUEUES = ["mine", "bureau", "awaiting", "overdue", "today", "all"] as const;
export type Queue = (typeof QUEUES)[number];

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
  const end = beijingDayStart(beijingDay(new Date(now.getTime() + 86_400_000)));
  const within = (col: Prisma.Sql, from: Date | null, to: Date) => (from ? Prisma.sql`(${col} >= ${from} AND ${col} < ${to})` : Prisma.sql`${col} < ${to}`);
  const due = (from: Date | null, to: Date) => Prisma.sql`(${within(Prisma.sql`c.resolution_due_at`, from, to)}
      OR (c.first_responded_at IS NULL AND ${within(Prisma.sql`c.first_response_due_at`, from, to)})
      OR (c.state = 'AWAITING_OTHER_BUREAU' AND ${within(Prisma.sql`c.next_update_due_at`, from, to)}))`;
  return {
    mine: Prisma.sql`(${open} AND (c.assignee_id = ${actor.id}::uuid OR (c.assignee_id IS NULL AND c.created_by_id = ${actor.id}::uuid)))`,
    bureau: Prisma.sql`(${open} AND c.owner_bureau_id = ${actor.bureauId}::uuid)`,
    awaiting: Prisma.sql`((c.state = 'AWAITING_OTHER_BUREAU' AND c.awaiting_side = 'HOME' AND c.home_region_code LIKE ${like}
                             AND NOT (c.owner_bureau_id = ${actor.bureauId}::uuid AND c.owner_side = 'VISIT'))
                       OR (c.state = 'AWAITING_OTHER_BUREAU' AND c.awaiting_side = 'VISIT' AND c.visit_region_code LIKE ${like}
                             AND NOT (c.owner_bureau_id = ${actor.bureauId}::uuid AND c.owner_side = 'HOME'))
                       OR (c.state = 'ESCALATED' AND c.escalated_to_region LIKE ${like}))`,
    overdue: Prisma.sql`(${running} AND ${due(null, now)})`,
    today: Prisma.sql`(${running} AND ${due(now, end)})`,
    all: Prisma.sql`TRUE`,
  };
}
