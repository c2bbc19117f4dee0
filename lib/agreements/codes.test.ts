// Lifecycle state machine and the national caps on the payment-ratio reduction.
import { describe, expect, it } from "vitest";
import {
  addDays,
  allowedActions,
  levelAtLeast,
  nextStatus,
  ratioRuleViolations,
  reductionFor,
  type AgreementStatus,
  type TransitionAction,
} from "./codes";

describe("lifecycle", () => {
  const table: [AgreementStatus, TransitionAction, AgreementStatus | null][] = [
    ["DRAFT", "ACTIVATE", "ACTIVE"],
    ["DRAFT", "SUSPEND", null],
    ["DRAFT", "TERMINATE", null],
    ["DRAFT", "EXPIRE", null],
    ["ACTIVE", "SUSPEND", "SUSPENDED"],
    ["ACTIVE", "ACTIVATE", null],
    ["ACTIVE", "RESUME", null],
    ["ACTIVE", "TERMINATE", "TERMINATED"],
    ["ACTIVE", "EXPIRE", "EXPIRED"],
    ["SUSPENDED", "RESUME", "ACTIVE"],
    ["SUSPENDED", "SUSPEND", null],
    ["SUSPENDED", "TERMINATE", "TERMINATED"],
    ["SUSPENDED", "EXPIRE", "EXPIRED"],
    ["EXPIRED", "RESUME", null],
    ["EXPIRED", "ACTIVATE", null],
    ["TERMINATED", "RESUME", null],
    ["TERMINATED", "ACTIVATE", null],
  ];
  it.each(table)("%s + %s → %s", (from, action, to) => expect(nextStatus(from, action)).toBe(to));

  it("final states allow nothing", () => {
    expect(allowedActions("EXPIRED")).toEqual([]);
    expect(allowedActions("TERMINATED")).toEqual([]);
    expect(allowedActions("SUSPENDED")).toEqual(["RESUME", "TERMINATE", "EXPIRE"]);
  });
});

describe("payment-ratio caps", () => {
  it("accepts rules within the caps and names each one beyond", () => {
    expect(ratioRuleViolations({ REFERRAL: 10, EMERGENCY: 0, OTHER_TEMPORARY: 20, RELOCATED: 0 })).toEqual([]);
    expect(
      ratioRuleViolations({ REFERRAL: 11, EMERGENCY: 10, OTHER_TEMPORARY: 21, RELOCATED: 1, LONG_TERM_RESIDENT: 0 }),
    ).toEqual(["RELOCATED", "REFERRAL", "OTHER_TEMPORARY"]);
    expect(ratioRuleViolations({ REFERRAL: -1 })).toEqual(["REFERRAL"]);
    expect(ratioRuleViolations({ EMERGENCY: 2.5 })).toEqual(["EMERGENCY"]);
  });
  it("uses the cap where the agreement sets nothing, and never more than the cap", () => {
    expect(reductionFor({}, "EMERGENCY")).toBe(10);
    expect(reductionFor({}, "OTHER_TEMPORARY")).toBe(20);
    expect(reductionFor({}, "LONG_TERM_RESIDENT")).toBe(0);
    expect(reductionFor({ REFERRAL: 4 }, "REFERRAL")).toBe(4);
    expect(reductionFor({ REFERRAL: 40 }, "REFERRAL")).toBe(10);
  });
});

describe("helpers", () => {
  it("levels: 未定级 meets no minimum", () => {
    expect(levelAtLeast("LEVEL_3", "LEVEL_2")).toBe(true);
    expect(levelAtLeast("LEVEL_1", "LEVEL_2")).toBe(false);
    expect(levelAtLeast("UNRATED", "LEVEL_1")).toBe(false);
  });
  it("adds calendar days across month and leap-year ends", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });
});
