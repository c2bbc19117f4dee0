import { describe, expect, it } from "vitest";
import { BusinessCalendar, nationalCalendar, WORKDAY_MINUTES } from "./calendar";

/** A Beijing wall-clock time as an instant. */
const bj = (s: string) => new Date(`${s}+08:00`);
const cal = nationalCalendar();

describe("business calendar (chinese-days + overrides)", () => {
  it("knows 2026's holidays and make-up workdays from the package", () => {
    expect(cal.dayKind("2026-10-01")).toBe("HOLIDAY");
    expect(cal.dayKind("2026-10-07")).toBe("HOLIDAY");
    expect(cal.dayKind("2026-10-08")).toBe("WORKDAY");
    expect(cal.dayKind("2026-10-10")).toBe("MAKEUP_WORKDAY"); // Saturday 调休
    expect(cal.dayKind("2026-09-20")).toBe("MAKEUP_WORKDAY"); // Sunday 调休
    expect(cal.dayKind("2026-11-28")).toBe("WEEKEND");
    expect(cal.isWorkday("2026-10-10")).toBe(true);
    expect(cal.isWorkday("2026-10-03")).toBe(false);
    expect(WORKDAY_MINUTES).toBe(450);
  });

  it("skips the lunch break", () => {
    expect(cal.addBusinessMinutes(bj("2026-11-25T11:30:00"), 60)).toEqual(bj("2026-11-25T14:00:00"));
    expect(cal.businessMinutesBetween(bj("2026-11-25T11:30:00"), bj("2026-11-25T14:00:00"))).toBe(60);
  });

  it("counts across a weekend", () => {
    // Friday 16:30 + 2 h → 1 h on Friday, 1 h on Monday.
    expect(cal.addBusinessMinutes(bj("2026-11-27T16:30:00"), 120)).toEqual(bj("2026-11-30T09:30:00"));
    expect(cal.businessMinutesBetween(bj("2026-11-27T16:30:00"), bj("2026-11-30T09:30:00"))).toBe(120);
    // Started on Saturday: the clock starts Monday 08:30.
    expect(cal.addBusinessMinutes(bj("2026-11-28T10:00:00"), 30)).toEqual(bj("2026-11-30T09:00:00"));
    expect(cal.businessMinutesBetween(bj("2026-11-28T00:00:00"), bj("2026-11-29T23:59:00"))).toBe(0);
  });

  it("counts across the National Day holiday (2026-10-01 … 10-07)", () => {
    // Wednesday 30 Sep 17:00 + 1 h → 30 min that day, then Thursday 8 Oct 09:00.
    expect(cal.addBusinessMinutes(bj("2026-09-30T17:00:00"), 60)).toEqual(bj("2026-10-08T09:00:00"));
    expect(cal.businessMinutesBetween(bj("2026-09-30T17:00:00"), bj("2026-10-08T09:00:00"))).toBe(60);
    // A full working day's SLA opened on the holiday is due at the end of 8 Oct.
    expect(cal.addBusinessMinutes(bj("2026-10-02T09:00:00"), WORKDAY_MINUTES)).toEqual(bj("2026-10-08T17:30:00"));
  });

  it("counts a make-up workday (Saturday 2026-10-10 and Sunday 2026-09-20)", () => {
    // Friday 9 Oct 17:00 + 1 h → 30 min Friday, then the 调休 Saturday 09:00.
    expect(cal.addBusinessMinutes(bj("2026-10-09T17:00:00"), 60)).toEqual(bj("2026-10-10T09:00:00"));
    // Friday 18 Sep 17:00 → Monday 21 Sep 09:00: 30 + a whole Sunday (450) + 30.
    expect(cal.businessMinutesBetween(bj("2026-09-18T17:00:00"), bj("2026-09-21T09:00:00"))).toBe(510);
  });

  it("lets a bureau override a day either way", () => {
    const local = cal.withOverrides(
      new Map([
        ["2026-11-30", false],
        ["2026-11-28", true],
      ]),
    );
    expect(local.dayKind("2026-11-30")).toBe("OVERRIDE_OFF");
    // Friday 16:30 + 2 h → Friday 1 h, Saturday (a bureau duty day) 1 h.
    expect(local.addBusinessMinutes(bj("2026-11-27T16:30:00"), 120)).toEqual(bj("2026-11-28T09:30:00"));
    const noSaturday = cal.withOverrides(new Map([["2026-11-30", false]]));
    expect(noSaturday.addBusinessMinutes(bj("2026-11-27T16:30:00"), 120)).toEqual(bj("2026-12-01T09:30:00"));
  });

  it("adding and measuring agree", () => {
    const c = new BusinessCalendar({ holidays: new Set(["2026-01-01"]), makeupWorkdays: new Set() });
    const start = bj("2025-12-31T10:17:00");
    for (const m of [0, 1, 59, 200, 450, 451, 2250, 4500]) {
      expect(c.businessMinutesBetween(start, c.addBusinessMinutes(start, m))).toBe(m);
    }
  });
});
