// A ticket by number as the actor may see it, and the actor's standing on it (relation, side,
// handler, escalation), for the reads (queries.ts) and the writes (service.ts, transition.ts).
import { prisma } from "../db/client";
import type { Prisma as PrismaTypes } from "../db/client";
import type { Actor } from "../auth/actor";
import { canReadComplaints, canSeeComplaint, complaintRelation, hasRole, type ComplaintRelation } from "../auth/policy";
import { isWithin } from "../auth/roles";
import { NotFoundError } from "../errors";
import { otherSide, TICKET_NUMBER_RE, type Side } from "./codes";
import { TICKET_COLUMNS } from "./queue-sql";
import type { ActorStanding } from "./workflow";

export type TicketRow = PrismaTypes.ComplaintGetPayload<object>;

export function sideOf(actor: Actor, t: TicketRow, relation: ComplaintRelation): Side | null {
  if (relation === "OWNER") return t.ownerSide;
  if (relation !== "PARTY") return null;
  const other = otherSide(t.ownerSide);
  const otherRegion = other === "HOME" ? t.homeRegionCode : t.visitRegionCode;
  return isWithin(actor.regionCode, otherRegion) ? other : t.ownerSide;
}

export function standingOf(actor: Actor, t: TicketRow): ActorStanding {
  const relation = complaintRelation(actor, t);
  return {
    handler: hasRole(actor, "COMPLAINT_HANDLER"),
    relation,
    side: sideOf(actor, t, relation),
    coversEscalation: t.escalatedToRegion !== null && isWithin(actor.regionCode, t.escalatedToRegion),
  };
}

/** A ticket by number: one raw query (queue-sql.ts names its columns as Prisma does). */
async function findTicket(number: string): Promise<TicketRow | null> {
  const rows = await prisma.$queryRaw<
    TicketRow[]
  >`SELECT ${TICKET_COLUMNS} FROM complaint c WHERE c.number = ${number}`;
  return rows[0] ?? null;
}

/** The ticket if the actor may see it, else NotFound (its existence is not revealed). */
export type VisibleTicket = { ticket: TicketRow; relation: Exclude<ComplaintRelation, null> };

/** The ticket the actor may see under that number (any case, spaces trimmed), or null. */
export async function visibleTicket(actor: Actor, number: string): Promise<VisibleTicket | null> {
  const n = number.trim().toUpperCase();
  const ticket = TICKET_NUMBER_RE.test(n) && canReadComplaints(actor) ? await findTicket(n) : null;
  return ticket && canSeeComplaint(actor, ticket) ? { ticket, relation: complaintRelation(actor, ticket)! } : null;
}

/** visibleTicket, or NotFound (outside the actor's view a ticket's existence is not revealed). */
export async function findVisibleTicket(actor: Actor, number: string): Promise<VisibleTicket> {
  const found = await visibleTicket(actor, number);
  if (!found) throw new NotFoundError("complaints.notFound", { number: number.trim().toUpperCase() });
  return found;
}
