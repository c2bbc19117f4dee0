// The complaint domain's vocabularies, as const lists shared by schemas, services and the UI.
// Pure: no I/O.
export const CHANNELS = ["HOTLINE", "COUNTER", "ONLINE", "REFERRAL"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CATEGORIES = [
  "SETTLEMENT_FAILED",
  "FILING_PROBLEM",
  "REIMBURSEMENT_DISPUTE",
  "CARD_REFUSED",
  "POLICY_QUESTION",
  "OTHER",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const PRIORITIES = ["URGENT", "HIGH", "NORMAL", "LOW"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const STATES = [
  "NEW",
  "TRIAGED",
  "INVESTIGATING",
  "AWAITING_OTHER_BUREAU",
  "AWAITING_COMPLAINANT",
  "ESCALATED",
  "RESOLVED",
  "REOPENED",
  "CLOSED",
] as const;
export type State = (typeof STATES)[number];

/** States of a finished case: the only ones that are not open. */
const ENDED_STATES = ["RESOLVED", "CLOSED"] as const satisfies readonly State[];
type OpenState = Exclude<State, (typeof ENDED_STATES)[number]>;

/** States in which the case is still being worked: every state but the ended ones, in STATES order. */
export const OPEN_STATES: readonly OpenState[] = STATES.filter(
  (s): s is OpenState => !(ENDED_STATES as readonly State[]).includes(s),
);

/** States in which the resolution clock is stopped. */
export const PAUSED_STATES = ["AWAITING_COMPLAINANT", "RESOLVED", "CLOSED"] as const satisfies readonly State[];

export function isOpen(state: State): boolean {
  return (OPEN_STATES as readonly State[]).includes(state);
}

export function isPaused(state: State): boolean {
  return (PAUSED_STATES as readonly State[]).includes(state);
}

export const SIDES = ["VISIT", "HOME"] as const;
export type Side = (typeof SIDES)[number];

export function otherSide(side: Side): Side {
  return side === "VISIT" ? "HOME" : "VISIT";
}

export const ROOT_CAUSES = [
  "HOME_REGION_DOWNTIME",
  "FILING_MISSING",
  "INSTITUTION_NOT_NETWORKED",
  "INSTITUTION_SYSTEM_ERROR",
  "POLICY_MISUNDERSTANDING",
  "OTHER",
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

export const SERVICE_TYPES = ["INPATIENT", "OUTPATIENT", "CHRONIC", "PHARMACY"] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const DOWNTIME_KINDS = ["PLANNED", "UNPLANNED"] as const;
export type DowntimeKind = (typeof DOWNTIME_KINDS)[number];

export const QUEUES = ["MINE", "BUREAU", "AWAITING", "OVERDUE", "TODAY", "ALL"] as const;
export type Queue = (typeof QUEUES)[number];

/** The columns of the ticket list's CSV/XLSX export, in order; each header is `complaints.export.<column>`. */
export const EXPORT_COLUMNS = [
  "number",
  "state",
  "channel",
  "category",
  "priority",
  "complainant",
  "homeRegion",
  "visitRegion",
  "ownerBureau",
  "institution",
  "rootCause",
  "createdAt",
  "resolutionDueAt",
  "sla",
] as const;

/** TS-2026-000123 */
export const TICKET_NUMBER_RE = /^TS-\d{4}-\d{6}$/;

export function formatTicketNumber(year: number, seq: number): string {
  return `TS-${year}-${String(seq).padStart(6, "0")}`;
}

export { beijingDay, beijingDayStart } from "../time/beijing";

/** The lowest region code covering both codes (000000 when they share no province). */
export function commonRegion(a: string, b: string): string {
  if (a.slice(0, 4) === b.slice(0, 4) && a.slice(2, 4) !== "00" && b.slice(2, 4) !== "00") return `${a.slice(0, 4)}00`;
  if (a.slice(0, 2) === b.slice(0, 2)) return `${a.slice(0, 2)}0000`;
  return "000000";
}
