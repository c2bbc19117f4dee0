import { describe, expect, it } from "vitest";
import { fromBeijingWallClock, toBeijingWallClock } from "./date-time-field";

describe("DateTimeField's Beijing wall clock", () => {
  it("shows an instant as Beijing time and posts it back unchanged", () => {
    const shown = toBeijingWallClock("2026-05-01T02:30:00.000Z");
    expect(shown?.format("YYYY-MM-DD HH:mm")).toBe("2026-05-01 10:30");
    expect(fromBeijingWallClock(shown!)).toBe("2026-05-01T02:30:00.000Z");
  });

  it("crosses midnight: 01:00 in Beijing is the previous day in UTC", () => {
    expect(fromBeijingWallClock(toBeijingWallClock("2026-04-30T17:00:00Z")!)).toBe("2026-04-30T17:00:00.000Z");
    expect(toBeijingWallClock("2026-04-30T17:00:00Z")?.format("YYYY-MM-DD HH:mm")).toBe("2026-05-01 01:00");
  });

  it("reads blank or malformed values as no time", () => {
    expect(toBeijingWallClock("")).toBeNull();
    expect(toBeijingWallClock("not a time")).toBeNull();
  });
});
