// The ticket state machine: which transitions exist, who may take each one, and what each one
// requires. Pure — the service loads the ticket, computes the actor's relation to it
// (lib/auth/policy.ts complaintRelation) and asks decideTransition(). See
// docs/decisions/008-complaints.md for the table in prose.
import type { ComplaintRelation } from "../auth/policy";
import { OPEN_STATES, type Side, type State } from "./codes";

/**
 * OWNER: a handler of the receiving bureau. PARTY: a handler of a bureau on the other side.
 * SUPERVISOR: a handler of a bureau above the owner, or above both sides.
 * AWAITED: a handler (owner or party) on the side the ticket is waiting for.
 * ESCALATION: a handler whose region covers the region the ticket was escalated to.
 */
export type Who = "OWNER" | "PARTY" | "SUPERVISOR" | "AWAITED" | "ESCALATION";
export type Requirement = "note" | "rootCause" | "reply" | "mergeInto";

export type Action =
  | "TRIAGE"
  | "START"
  | "HAND_OVER"
  | "TAKE_BACK"
  | "ASK_COMPLAINANT"
  | "COMPLAINANT_ANSWERED"
  | "RESOLVE"
  | "CLOSE"
  | "REOPEN"
  | "RESUME"
  | "ESCALATE"
  | "RETURN"
  | "MERGE";

export interface TransitionRule {
  action: Action;
  from: readonly State[];
  to: State;
  who: readonly Who[];
  requires: readonly Requirement[];
}

const OPEN = OPEN_STATES as readonly State[];

export const TRANSITIONS: readonly TransitionRule[] = [
  { action: "TRIAGE", from: ["NEW"], to: "TRIAGED", who: ["OWNER"], requires: [] },
  { action: "START", from: ["TRIAGED"], to: "INVESTIGATING", who: ["OWNER", "PARTY"], requires: [] },
  {
    action: "HAND_OVER",
    from: ["TRIAGED", "INVESTIGATING"],
    to: "AWAITING_OTHER_BUREAU",
    who: ["OWNER", "PARTY"],
    requires: ["note"],
  },
  { action: "TAKE_BACK", from: ["AWAITING_OTHER_BUREAU"], to: "INVESTIGATING", who: ["AWAITED"], requires: [] },
  {
    action: "ASK_COMPLAINANT",
    from: ["INVESTIGATING"],
    to: "AWAITING_COMPLAINANT",
    who: ["OWNER"],
    requires: ["reply"],
  },
  { action: "COMPLAINANT_ANSWERED", from: ["AWAITING_COMPLAINANT"], to: "INVESTIGATING", who: ["OWNER"], requires: [] },
  { action: "RESOLVE", from: ["INVESTIGATING"], to: "RESOLVED", who: ["OWNER"], requires: ["rootCause", "reply"] },
  {
    action: "RESOLVE",
    from: ["ESCALATED"],
    to: "RESOLVED",
    who: ["OWNER", "ESCALATION"],
    requires: ["rootCause", "reply"],
  },
  { action: "RETURN", from: ["ESCALATED"], to: "INVESTIGATING", who: ["ESCALATION"], requires: ["note"] },
  { action: "CLOSE", from: ["RESOLVED"], to: "CLOSED", who: ["OWNER"], requires: [] },
  { action: "REOPEN", from: ["RESOLVED"], to: "REOPENED", who: ["OWNER"], requires: ["note"] },
  { action: "RESUME", from: ["REOPENED"], to: "INVESTIGATING", who: ["OWNER", "PARTY"], requires: [] },
  {
    action: "ESCALATE",
    from: OPEN.filter((s) => s !== "ESCALATED"),
    to: "ESCALATED",
    who: ["OWNER", "PARTY", "SUPERVISOR"],
    requires: ["note"],
  },
  { action: "MERGE", from: OPEN, to: "CLOSED", who: ["OWNER"], requires: ["mergeInto"] },
];

export interface ActorStanding {
  /** Holds the COMPLAINT_HANDLER role. */
  handler: boolean;
  relation: ComplaintRelation;
  /** The side the actor stands on (owner or party), null for supervisors. */
  side: Side | null;
  /** The actor's region covers the ticket's escalation region. */
  coversEscalation: boolean;
}

export type Decision = { ok: true; rule: TransitionRule } | { ok: false; reason: "role" | "state" | "bureau" };

function qualifies(who: Who, a: ActorStanding, ticket: { awaitingSide: Side | null }): boolean {
  switch (who) {
    case "OWNER":
      return a.relation === "OWNER";
    case "PARTY":
      return a.relation === "PARTY";
    case "SUPERVISOR":
      return a.relation === "SUPERVISOR";
    case "AWAITED":
      return (a.relation === "OWNER" || a.relation === "PARTY") && a.side !== null && a.side === ticket.awaitingSide;
    case "ESCALATION":
      return a.coversEscalation;
  }
}

/**
 * Whether `actor` may move the ticket to `to`. A merge is asked for as `to: CLOSED` with a
 * target; a plain CLOSE has none. Checks in this order: role, state, bureau.
 */
export function decideTransition(
  actor: ActorStanding,
  ticket: { state: State; awaitingSide: Side | null },
  to: State,
  opts: { merge?: boolean } = {},
): Decision {
  if (!actor.handler || actor.relation === null) return { ok: false, reason: "role" };
  const candidates = TRANSITIONS.filter(
    (r) =>
      r.to === to &&
      r.from.includes(ticket.state) &&
      (to !== "CLOSED" || (r.action === "MERGE") === Boolean(opts.merge)),
  );
  if (candidates.length === 0) return { ok: false, reason: "state" };
  const rule = candidates.find((r) => r.who.some((w) => qualifies(w, actor, ticket)));
  return rule ? { ok: true, rule } : { ok: false, reason: "bureau" };
}

/** Target states this actor could choose now (for the UI's action buttons). */
export function availableTransitions(
  actor: ActorStanding,
  ticket: { state: State; awaitingSide: Side | null },
): TransitionRule[] {
  if (!actor.handler || actor.relation === null) return [];
  return TRANSITIONS.filter((r) => r.from.includes(ticket.state) && r.who.some((w) => qualifies(w, actor, ticket)));
}
