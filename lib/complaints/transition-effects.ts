// What a workflow step does to a ticket and its SLA clocks (decision 008): the columns to write,
// computed from the ticket, the rule's action and the business calendar. Pure: no I/O, so every
// clock rule is unit-tested without a database.
import type { Prisma } from "../db/client";
import type { BusinessCalendar } from "./calendar";
import { isWithin } from "../auth/roles";
import { commonRegion, isPaused, otherSide, type RootCause, type Side, type State } from "./codes";
import type { TicketRow } from "./ticket-access";
import type { SlaTargets } from "./sla";
import type { Action } from "./workflow";

export type TicketClocks = Pick<
  TicketRow,
  | "state"
  | "pausedMinutes"
  | "pausedAt"
  | "createdAt"
  | "firstRespondedAt"
  | "resolutionDueAt"
  | "homeRegionCode"
  | "visitRegionCode"
  | "ownerRegionCode"
>;

export interface TransitionFacts {
  ticket: TicketClocks;
  action: Action;
  to: State;
  /** The acting handler's side (null for supervisors). */
  side: Side | null;
  /** The owner bureau acts: the ticket is assigned to the actor. */
  byOwner: boolean;
  actor: { id: string; displayName: string };
  rootCause: RootCause | null;
  mergeTargetId: string | null;
  now: Date;
  calendar: BusinessCalendar;
  targets: SlaTargets;
}

/** The region a ticket escalates to: the lowest covering both sides, above the owner. */
export function escalationRegion(t: Pick<TicketRow, "homeRegionCode" | "visitRegionCode" | "ownerRegionCode">): string {
  let esc = commonRegion(t.homeRegionCode, t.visitRegionCode);
  while (esc !== "000000" && isWithin(t.ownerRegionCode, esc))
    esc = esc.endsWith("0000") ? "000000" : `${esc.slice(0, 2)}0000`;
  return esc;
}

export type TicketChange = Prisma.ComplaintUncheckedUpdateManyInput & { state: State };

/** Leaving or entering a paused state: the paused time is added to the resolution deadline. */
function pauseClock(f: TransitionFacts, data: TicketChange): number {
  const { ticket: t, calendar: cal, now } = f;
  let pausedMinutes = t.pausedMinutes;
  if (isPaused(t.state) && !isPaused(f.to)) {
    pausedMinutes += t.pausedAt ? cal.businessMinutesBetween(t.pausedAt, now) : 0;
    data.pausedMinutes = pausedMinutes;
    data.pausedAt = null;
    data.resolutionDueAt = cal.addBusinessMinutes(t.createdAt, f.targets.resolution + pausedMinutes);
    data.overdueAlertedAt = null;
  } else if (!isPaused(t.state) && isPaused(f.to)) {
    data.pausedAt = now;
  }
  return pausedMinutes;
}

/** The first response is stamped once, by whichever step answers first. */
function firstResponse(f: TransitionFacts, data: TicketChange): void {
  if (!f.ticket.firstRespondedAt) {
    data.firstRespondedAt = f.now;
    data.firstResponseMinutes = f.calendar.businessMinutesBetween(f.ticket.createdAt, f.now);
  }
}

/** The columns a transition writes (besides the version, which the write increments). */
export function transitionEffects(f: TransitionFacts): TicketChange {
  const { ticket: t, now, calendar: cal } = f;
  const data: TicketChange = { state: f.to };
  const pausedMinutes = pauseClock(f, data);
  if (f.to !== "AWAITING_OTHER_BUREAU") {
    data.awaitingSide = null;
    data.nextUpdateDueAt = null;
  }
  switch (f.action) {
    case "TRIAGE":
    case "ASK_COMPLAINANT":
      firstResponse(f, data);
      break;
    case "HAND_OVER":
      data.awaitingSide = otherSide(f.side!);
      data.nextUpdateDueAt = cal.addBusinessMinutes(now, f.targets.update);
      data.updateAlertedAt = null;
      break;
    case "RESOLVE":
      firstResponse(f, data);
      data.rootCause = f.rootCause!;
      data.resolvedAt = now;
      data.resolutionMinutes = Math.max(0, cal.businessMinutesBetween(t.createdAt, now) - pausedMinutes);
      data.resolutionBreached = now.getTime() > t.resolutionDueAt.getTime();
      break;
    case "REOPEN":
      Object.assign(data, { resolvedAt: null, resolutionMinutes: null, resolutionBreached: null, closedAt: null });
      break;
    case "CLOSE":
      data.closedAt = now;
      break;
    case "ESCALATE":
      data.escalatedToRegion = escalationRegion(t);
      data.escalatedAt = now;
      break;
    case "MERGE":
      data.closedAt = now;
      data.mergedIntoId = f.mergeTargetId!;
      break;
    default:
      break;
  }
  if (f.byOwner) {
    data.assigneeId = f.actor.id;
    data.assigneeName = f.actor.displayName;
  }
  return data;
}
