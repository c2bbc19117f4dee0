import { describe, expect, it } from "vitest";
import { STATES, type Side, type State } from "./codes";
import { availableTransitions, decideTransition, type ActorStanding } from "./workflow";

const owner: ActorStanding = { handler: true, relation: "OWNER", side: "VISIT", coversEscalation: false };
const party: ActorStanding = { handler: true, relation: "PARTY", side: "HOME", coversEscalation: false };
const supervisor: ActorStanding = { handler: true, relation: "SUPERVISOR", side: null, coversEscalation: true };
const ownerAdmin: ActorStanding = { ...owner, handler: false };
const stranger: ActorStanding = { handler: true, relation: null, side: null, coversEscalation: false };

/** The full allowed table: "from>to" → who may (o = owner, p = party, s = supervisor). */
const ALLOWED: Record<string, string> = {
  "NEW>TRIAGED": "o",
  "TRIAGED>INVESTIGATING": "op",
  "TRIAGED>AWAITING_OTHER_BUREAU": "op",
  "INVESTIGATING>AWAITING_OTHER_BUREAU": "op",
  // awaiting the HOME side (party): only the party takes it back
  "AWAITING_OTHER_BUREAU>INVESTIGATING": "p",
  "INVESTIGATING>AWAITING_COMPLAINANT": "o",
  "AWAITING_COMPLAINANT>INVESTIGATING": "o",
  "INVESTIGATING>RESOLVED": "o",
  "ESCALATED>RESOLVED": "os",
  "ESCALATED>INVESTIGATING": "s",
  "RESOLVED>CLOSED": "o",
  "RESOLVED>REOPENED": "o",
  "REOPENED>INVESTIGATING": "op",
  "NEW>ESCALATED": "ops",
  "TRIAGED>ESCALATED": "ops",
  "INVESTIGATING>ESCALATED": "ops",
  "AWAITING_OTHER_BUREAU>ESCALATED": "ops",
  "AWAITING_COMPLAINANT>ESCALATED": "ops",
  "REOPENED>ESCALATED": "ops",
};

const ticket = (state: State, awaitingSide: Side | null = state === "AWAITING_OTHER_BUREAU" ? "HOME" : null) => ({
  state,
  awaitingSide,
});

describe("complaint state machine", () => {
  it("allows exactly the table, for exactly the listed actors", () => {
    for (const from of STATES) {
      for (const to of STATES) {
        const allowedFor = ALLOWED[`${from}>${to}`] ?? "";
        for (const [code, actor] of [
          ["o", owner],
          ["p", party],
          ["s", supervisor],
        ] as const) {
          const d = decideTransition(actor, ticket(from), to);
          const expected = allowedFor.includes(code);
          expect({ from, to, code, ok: d.ok }).toEqual({ from, to, code, ok: expected });
          if (!expected && !d.ok) expect(d.reason).toBe(allowedFor || transitionExists(from, to) ? "bureau" : "state");
        }
      }
    }
  });

  it("hands awaiting-the-visit-side tickets back only to the visit side", () => {
    expect(decideTransition(owner, ticket("AWAITING_OTHER_BUREAU", "VISIT"), "INVESTIGATING").ok).toBe(true);
    expect(decideTransition(party, ticket("AWAITING_OTHER_BUREAU", "VISIT"), "INVESTIGATING")).toEqual({
      ok: false,
      reason: "bureau",
    });
  });

  it("merges open tickets (owner only) and never closes an open one without a target", () => {
    for (const from of [
      "NEW",
      "TRIAGED",
      "INVESTIGATING",
      "AWAITING_OTHER_BUREAU",
      "AWAITING_COMPLAINANT",
      "ESCALATED",
      "REOPENED",
    ] as const) {
      expect(decideTransition(owner, ticket(from), "CLOSED", { merge: true })).toMatchObject({
        ok: true,
        rule: { action: "MERGE" },
      });
      expect(decideTransition(party, ticket(from), "CLOSED", { merge: true })).toEqual({ ok: false, reason: "bureau" });
      expect(decideTransition(owner, ticket(from), "CLOSED")).toEqual({ ok: false, reason: "state" });
    }
    expect(decideTransition(owner, ticket("RESOLVED"), "CLOSED", { merge: true })).toEqual({
      ok: false,
      reason: "state",
    });
    expect(decideTransition(owner, ticket("CLOSED"), "CLOSED", { merge: true })).toEqual({
      ok: false,
      reason: "state",
    });
  });

  it("refuses non-handlers and strangers before looking at the state", () => {
    expect(decideTransition(ownerAdmin, ticket("NEW"), "TRIAGED")).toEqual({ ok: false, reason: "role" });
    expect(decideTransition(stranger, ticket("NEW"), "TRIAGED")).toEqual({ ok: false, reason: "role" });
    expect(availableTransitions(ownerAdmin, ticket("NEW"))).toEqual([]);
  });

  it("states what each step requires", () => {
    const req = (from: State, to: State, a = owner) => {
      const d = decideTransition(a, ticket(from), to);
      return d.ok ? [...d.rule.requires] : null;
    };
    expect(req("INVESTIGATING", "RESOLVED")).toEqual(["rootCause", "reply"]);
    expect(req("INVESTIGATING", "AWAITING_OTHER_BUREAU")).toEqual(["note"]);
    expect(req("INVESTIGATING", "ESCALATED")).toEqual(["note"]);
    expect(req("RESOLVED", "REOPENED")).toEqual(["note"]);
    expect(req("NEW", "TRIAGED")).toEqual([]);
  });

  it("offers the owner of an investigating ticket its next steps", () => {
    const actions = availableTransitions(owner, ticket("INVESTIGATING"))
      .map((r) => r.action)
      .sort();
    expect(actions).toEqual(["ASK_COMPLAINANT", "ESCALATE", "HAND_OVER", "MERGE", "RESOLVE"]);
  });
});

function transitionExists(from: State, to: State): boolean {
  return [owner, party, supervisor].some((a) => decideTransition(a, ticket(from), to).ok);
}
