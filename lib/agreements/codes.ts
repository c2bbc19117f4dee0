// Vocabulary of agreements: types, statuses, filing types and the national caps on the
// payment-ratio reduction, and the lifecycle state machine. Pure: no I/O.
import type { InstitutionLevel } from "../facilities/codes";

export const AGREEMENT_TYPES = [
  "DESIGNATION",
  "MUTUAL_RECOGNITION",
  "FILING_FREE",
  "PHARMACY_PILOT",
  "LTC_EXTENSION",
  "OTHER",
] as const;
export const AGREEMENT_STATUSES = ["DRAFT", "ACTIVE", "SUSPENDED", "EXPIRED", "TERMINATED"] as const;
export const DIRECTIONS = ["ONE_WAY", "MUTUAL"] as const;
export const PARTY_ROLES = ["HOME", "VISIT", "BOTH"] as const;
/** 备案类型: relocated retirees, long-term residents, referral, emergency, other temporary trips. */
export const FILING_TYPES = ["RELOCATED", "LONG_TERM_RESIDENT", "REFERRAL", "EMERGENCY", "OTHER_TEMPORARY"] as const;

export type AgreementType = (typeof AGREEMENT_TYPES)[number];
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type PartyRole = (typeof PARTY_ROLES)[number];
export type FilingType = (typeof FILING_TYPES)[number];

// ---- Payment-ratio reduction ---------------------------------------------------------

/**
 * National caps on how many percentage points below the home-region ratio a visit may be paid:
 * referral and emergency ≤ 10, other temporary trips ≤ 20, relocated / long-term residents 0.
 */
export const NATIONAL_RATIO_CAPS: Record<FilingType, number> = {
  RELOCATED: 0,
  LONG_TERM_RESIDENT: 0,
  REFERRAL: 10,
  EMERGENCY: 10,
  OTHER_TEMPORARY: 20,
};

export type RatioRules = Partial<Record<FilingType, number>>;

/** The filing types whose rule exceeds the national cap (or is not a whole number ≥ 0). */
export function ratioRuleViolations(rules: RatioRules): FilingType[] {
  return FILING_TYPES.filter((f) => {
    const v = rules[f];
    return v !== undefined && (!Number.isInteger(v) || v < 0 || v > NATIONAL_RATIO_CAPS[f]);
  });
}

/** The reduction an agreement applies to a filing type: its own rule, else the national cap. */
export function reductionFor(rules: RatioRules, filingType: FilingType): number {
  return Math.min(rules[filingType] ?? NATIONAL_RATIO_CAPS[filingType], NATIONAL_RATIO_CAPS[filingType]);
}

// ---- Institution levels ----------------------------------------------------------------

const LEVEL_RANK: Record<InstitutionLevel, number> = { UNRATED: 0, LEVEL_1: 1, LEVEL_2: 2, LEVEL_3: 3 };

/** "Level ≥ minLevel": 未定级 satisfies no minimum. */
export function levelAtLeast(level: InstitutionLevel, minLevel: InstitutionLevel): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[minLevel] && level !== "UNRATED";
}

// ---- Lifecycle -------------------------------------------------------------------------

/** What a caller asks for; EXPIRE is the system's own step at effective-to. */
export const TRANSITION_ACTIONS = ["ACTIVATE", "SUSPEND", "RESUME", "TERMINATE", "EXPIRE"] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];
/** The actions a person may request (EXPIRE only happens by itself). */
export const USER_ACTIONS = [
  "ACTIVATE",
  "SUSPEND",
  "RESUME",
  "TERMINATE",
] as const satisfies readonly TransitionAction[];

/**
 * DRAFT → ACTIVE → SUSPENDED ⇄ ACTIVE → EXPIRED | TERMINATED. EXPIRED and TERMINATED are final.
 */
const MACHINE: Record<TransitionAction, { from: readonly AgreementStatus[]; to: AgreementStatus }> = {
  ACTIVATE: { from: ["DRAFT"], to: "ACTIVE" },
  SUSPEND: { from: ["ACTIVE"], to: "SUSPENDED" },
  RESUME: { from: ["SUSPENDED"], to: "ACTIVE" },
  TERMINATE: { from: ["ACTIVE", "SUSPENDED"], to: "TERMINATED" },
  EXPIRE: { from: ["ACTIVE", "SUSPENDED"], to: "EXPIRED" },
};

/** The status `action` leads to from `status`, or null when the step is not allowed. */
export function nextStatus(status: AgreementStatus, action: TransitionAction): AgreementStatus | null {
  const rule = MACHINE[action];
  return rule.from.includes(status) ? rule.to : null;
}

/** The actions allowed from a status (for buttons). */
export function allowedActions(status: AgreementStatus): TransitionAction[] {
  return TRANSITION_ACTIONS.filter((a) => nextStatus(status, a) !== null);
}

export function isFinal(status: AgreementStatus): boolean {
  return status === "EXPIRED" || status === "TERMINATED";
}

// ---- Dates -----------------------------------------------------------------------------

/** YYYY-MM-DD plus `days` (calendar arithmetic in UTC, so no zone can shift it). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The windows (days) offered by the expiring-agreements list and the workbench (`?days=`). */
export const EXPIRY_WINDOWS = [30, 60, 90, 180, 365] as const;
export const DEFAULT_EXPIRY_WINDOW = 60;

/** The window from a URL value when it is one of the offered spans, else the default. */
export function expiryWindow(raw: string | undefined): number {
  const n = Number(raw);
  return (EXPIRY_WINDOWS as readonly number[]).includes(n) ? n : DEFAULT_EXPIRY_WINDOW;
}
