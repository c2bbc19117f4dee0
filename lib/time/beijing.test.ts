import { describe, expect, it } from "vitest";
import { addDays, beijingDay, beijingDayEnd, beijingDayStart, beijingMonth, beijingStamp } from "./beijing";

describe("Beijing time", () => {
  it("takes the Beijing calendar day, not the UTC one, around midnight", () => {
    expect(beijingDay(new Date("2026-03-01T15:59:59.999Z"))).toBe("2026-03-01");
    expect(beijingDay(new Date("2026-03-01T16:00:00Z"))).toBe("2026-03-02");
    expect(beijingDay(Date.parse("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });

  it("gives the month and the minute stamp in Beijing time", () => {
    expect(beijingMonth(new Date("2026-11-30T17:00:00Z"))).toBe("2026-12");
    expect(beijingMonth(new Date("2026-11-30T15:00:00Z"))).toBe("2026-11");
    expect(beijingStamp(new Date("2026-11-25T06:03:59Z"))).toBe("2026-11-25 14:03");
  });

  it("bounds a Beijing day by instants eight hours before UTC midnight", () => {
    expect(beijingDayStart("2026-03-02").toISOString()).toBe("2026-03-01T16:00:00.000Z");
    expect(beijingDayEnd("2026-03-02").toISOString()).toBe("2026-03-02T16:00:00.000Z");
    expect(beijingDayEnd("2026-12-31").toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(beijingDay(beijingDayStart("2028-02-29"))).toBe("2028-02-29");
  });

  it("adds calendar days across month and year ends", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
  });
});
