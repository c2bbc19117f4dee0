// The pure SLA effects of workflow steps, on the national business calendar (2026-11-25 is a
// Wednesday; working hours 08:30–12:00 and 13:30–17:30 Beijing time).
import { describe, expect, it } from "vitest";
import { nationalCalendar } from "./calendar";
import { escalationRegion, transitionEffects, type TicketClocks, type TransitionFacts } from "./transition-effects";

const bj = (s: string) => new Date(`${s}+08:00`);
const calendar = nationalCalendar();
const targets = { firstResponse: 240, update: 900, resolution: 2250 };

const ticket = (over: Partial<TicketClocks> = {}): TicketClocks => ({
  state: "NEW",
  pausedMinutes: 0,
  pausedAt: null,
  createdAt: bj("2026-11-25T09:00:00"),
  firstRespondedAt: null,
  resolutionDueAt: bj("2026-12-02T09:00:00"),
  homeRegionCode: "131002",
  visitRegionCode: "110105",
  ownerRegionCode: "131000",
  ...over,
});

const facts = (over: Partial<TransitionFacts>): TransitionFacts => ({
  ticket: ticket(),
  action: "TRIAGE",
  to: "TRIAGED",
  side: "HOME",
  byOwner: true,
  actor: { id: "u1", displayName: "甲" },
  rootCause: null,
  mergeTargetId: null,
  now: bj("2026-11-25T10:30:00"),
  calendar,
  targets,
  ...over,
});

describe("transitionEffects", () => {
  it("stamps the first response once, in business minutes, and assigns the owner's handler", () => {
    expect(transitionEffects(facts({}))).toMatchObject({
      state: "TRIAGED",
      firstRespondedAt: bj("2026-11-25T10:30:00"),
      firstResponseMinutes: 90,
      assigneeId: "u1",
      awaitingSide: null,
    });
    const again = transitionEffects(
      facts({
        ticket: ticket({ firstRespondedAt: bj("2026-11-25T09:10:00") }),
        action: "ASK_COMPLAINANT",
        to: "AWAITING_COMPLAINANT",
        byOwner: false,
      }),
    );
    expect(again).not.toHaveProperty("firstRespondedAt");
    expect(again).not.toHaveProperty("assigneeId");
    expect(again.pausedAt).toEqual(bj("2026-11-25T10:30:00"));
  });

  it("hands over to the other side with an update deadline over the lunch break", () => {
    const data = transitionEffects(
      facts({
        action: "HAND_OVER",
        to: "AWAITING_OTHER_BUREAU",
        side: "HOME",
        ticket: ticket({ state: "INVESTIGATING" }),
      }),
    );
    expect(data.awaitingSide).toBe("VISIT");
    // 900 business minutes from Wed 10:30 = two workdays: Fri 10:30.
    expect(data.nextUpdateDueAt).toEqual(bj("2026-11-27T10:30:00"));
    expect(data).not.toHaveProperty("pausedAt");
  });

  it("leaving a pause moves the resolution deadline by the paused business time", () => {
    const paused = ticket({ state: "AWAITING_COMPLAINANT", pausedAt: bj("2026-11-25T11:00:00"), pausedMinutes: 30 });
    const data = transitionEffects(
      facts({ ticket: paused, action: "COMPLAINANT_ANSWERED", to: "INVESTIGATING", now: bj("2026-11-25T14:30:00") }),
    );
    // 11:00–12:00 and 13:30–14:30: 120 minutes more.
    expect(data.pausedMinutes).toBe(150);
    expect(data.pausedAt).toBeNull();
    expect(data.resolutionDueAt).toEqual(calendar.addBusinessMinutes(paused.createdAt, targets.resolution + 150));
  });

  it("resolves with business minutes net of pauses and flags a breach; reopening clears it", () => {
    const late = ticket({
      state: "INVESTIGATING",
      pausedMinutes: 60,
      resolutionDueAt: bj("2026-11-25T11:00:00"),
      firstRespondedAt: bj("2026-11-25T09:05:00"),
    });
    const data = transitionEffects(
      facts({
        ticket: late,
        action: "RESOLVE",
        to: "RESOLVED",
        rootCause: "FILING_MISSING",
        now: bj("2026-11-25T15:00:00"),
      }),
    );
    // 09:00–12:00 and 13:30–15:00 = 270 minutes, 60 of them paused.
    expect(data).toMatchObject({
      resolutionMinutes: 210,
      resolutionBreached: true,
      resolvedAt: bj("2026-11-25T15:00:00"),
    });
    const reopened = transitionEffects(facts({ ticket: late, action: "REOPEN", to: "REOPENED" }));
    expect(reopened).toMatchObject({
      resolvedAt: null,
      resolutionMinutes: null,
      resolutionBreached: null,
      closedAt: null,
    });
  });

  it("escalates above the owner, to the lowest region covering both sides", () => {
    expect(transitionEffects(facts({ action: "ESCALATE", to: "ESCALATED" })).escalatedToRegion).toBe("000000");
    expect(escalationRegion({ homeRegionCode: "131002", visitRegionCode: "130105", ownerRegionCode: "131000" })).toBe(
      "130000",
    );
    expect(escalationRegion({ homeRegionCode: "131002", visitRegionCode: "131003", ownerRegionCode: "131000" })).toBe(
      "130000",
    );
  });
});
