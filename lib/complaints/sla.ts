// SLA targets per category and priority, in business minutes (WORKDAY_MINUTES = 7.5 h = one
// working day). First response: the ticket is triaged or the complainant gets a first reply.
// Update: while awaiting the other bureau, it must post something within this time. Resolution:
// from creation to RESOLVED, not counting time awaiting the complainant or spent RESOLVED before a
// reopening. Pure.
import type { Category, Priority } from "./codes";
import { WORKDAY_MINUTES } from "./calendar";

const D = WORKDAY_MINUTES;

const BASE: Record<Priority, { firstResponse: number; update: number; resolution: number }> = {
  URGENT: { firstResponse: 60, update: 4 * 60, resolution: 1 * D },
  HIGH: { firstResponse: 2 * 60, update: 1 * D, resolution: 3 * D },
  NORMAL: { firstResponse: 4 * 60, update: 2 * D, resolution: 5 * D },
  LOW: { firstResponse: 1 * D, update: 3 * D, resolution: 10 * D },
};

/**
 * Resolution factor by category: a failed settlement or a refused card leaves a patient paying
 * out of pocket (as published); policy questions are answered faster; reimbursement disputes
 * need the home region's manual review.
 */
const RESOLUTION_FACTOR: Record<Category, number> = {
  SETTLEMENT_FAILED: 1,
  CARD_REFUSED: 1,
  FILING_PROBLEM: 1,
  POLICY_QUESTION: 0.6,
  REIMBURSEMENT_DISPUTE: 2,
  OTHER: 1,
};

export interface SlaTargets {
  firstResponse: number;
  update: number;
  resolution: number;
}

export function slaTargets(category: Category, priority: Priority): SlaTargets {
  const base = BASE[priority];
  return { ...base, resolution: Math.round(base.resolution * RESOLUTION_FACTOR[category]) };
}

/** All targets, for the decision record and the UI's help text. */
export function slaTable(): { category: Category; priority: Priority; targets: SlaTargets }[] {
  return (Object.keys(RESOLUTION_FACTOR) as Category[]).flatMap((category) =>
    (Object.keys(BASE) as Priority[]).map((priority) => ({
      category,
      priority,
      targets: slaTargets(category, priority),
    })),
  );
}

export type SlaStatus = "OK" | "DUE_TODAY" | "OVERDUE" | "PAUSED" | "MET" | "BREACHED";

export interface SlaClockFields {
  state: string;
  firstResponseDueAt: Date;
  firstRespondedAt: Date | null;
  resolutionDueAt: Date;
  nextUpdateDueAt: Date | null;
  resolutionBreached: boolean | null;
}

export interface SlaView {
  status: SlaStatus;
  firstResponseDueAt: Date;
  firstRespondedAt: Date | null;
  resolutionDueAt: Date | null;
  nextUpdateDueAt: Date | null;
  /** Business minutes to the nearest deadline (negative when overdue); null when not running. */
  businessMinutesLeft: number | null;
}

/** The next deadline that matters now: first response, the other bureau's update, resolution. */
export function nearestDeadline(t: SlaClockFields): Date {
  const candidates = [t.resolutionDueAt];
  if (!t.firstRespondedAt) candidates.push(t.firstResponseDueAt);
  if (t.state === "AWAITING_OTHER_BUREAU" && t.nextUpdateDueAt) candidates.push(t.nextUpdateDueAt);
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}

export function slaView(
  t: SlaClockFields,
  now: Date,
  calendar: { businessMinutesBetween(a: Date, b: Date): number },
  beijingDayOf: (d: Date) => string,
): SlaView {
  const base = {
    firstResponseDueAt: t.firstResponseDueAt,
    firstRespondedAt: t.firstRespondedAt,
    nextUpdateDueAt: t.state === "AWAITING_OTHER_BUREAU" ? t.nextUpdateDueAt : null,
  };
  if (t.state === "RESOLVED" || t.state === "CLOSED") {
    return {
      ...base,
      resolutionDueAt: t.resolutionDueAt,
      status: t.resolutionBreached ? "BREACHED" : "MET",
      businessMinutesLeft: null,
    };
  }
  if (t.state === "AWAITING_COMPLAINANT")
    return { ...base, resolutionDueAt: null, status: "PAUSED", businessMinutesLeft: null };
  const due = nearestDeadline(t);
  const overdue = due.getTime() < now.getTime();
  const left = overdue ? -calendar.businessMinutesBetween(due, now) : calendar.businessMinutesBetween(now, due);
  const status: SlaStatus = overdue ? "OVERDUE" : beijingDayOf(due) === beijingDayOf(now) ? "DUE_TODAY" : "OK";
  return { ...base, resolutionDueAt: t.resolutionDueAt, status, businessMinutesLeft: left };
}
