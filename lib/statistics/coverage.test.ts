import { describe, expect, it } from "vitest";
import {
  monthRuns,
  comparisonStatus,
  coverageKeys,
  coverageMapOf,
  coveredMonths,
  currentMonth,
  defaultPeriodOf,
  lastMonth,
  monthsOf,
  rangeCoverage,
} from "./coverage";

// Hebei loaded from 2024-11 to 2026-10; Beijing from 2024-01.
const map = coverageMapOf([
  ...monthsOf("2024-11", "2026-10").map((month) => ({ key: "13", month })),
  ...monthsOf("2024-01", "2026-10").map((month) => ({ key: "11", month })),
]);
const none = { visitRegion: [], homeRegion: [], institution: undefined };

describe("coverage keys", () => {
  it("are the provinces of the filters and the institution, else the actor's province, else any", () => {
    expect(coverageKeys("13", none)).toEqual(["13"]);
    expect(coverageKeys("1310", none)).toEqual(["13"]);
    expect(coverageKeys("", none)).toEqual([""]);
    expect(coverageKeys("13", { visitRegion: ["110105"], homeRegion: ["13", "1310"], institution: undefined })).toEqual(
      ["11", "13"],
    );
    expect(coverageKeys("", { ...none, institution: "H31010100001" })).toEqual(["31"]);
  });

  it("a month is covered when every province asked about has data", () => {
    expect(coveredMonths(map, ["11"]).has("2024-05")).toBe(true);
    expect(coveredMonths(map, ["11", "13"]).has("2024-05")).toBe(false);
    expect(coveredMonths(map, [""]).has("2024-05")).toBe(true);
    expect(coveredMonths(map, ["31"]).size).toBe(0);
  });
});

describe("comparisons against a complete base only", () => {
  const hebei = coveredMonths(map, ["13"]);

  it("河北 2025 against 2024 (only Nov–Dec loaded): incomplete base, with the missing months", () => {
    const period = rangeCoverage(hebei, "2025-01", "2025-12");
    const base = rangeCoverage(hebei, "2024-01", "2024-12");
    expect(period.complete).toBe(true);
    expect(base).toMatchObject({ complete: false, missing: monthsOf("2024-01", "2024-10") });
    expect(comparisonStatus(period, base)).toBe("incompleteBase");
  });

  it("a complete period and base compare; a period running past the data does not", () => {
    expect(
      comparisonStatus(rangeCoverage(hebei, "2025-11", "2026-10"), rangeCoverage(hebei, "2024-11", "2025-10")),
    ).toBe("ok");
    expect(
      comparisonStatus(rangeCoverage(hebei, "2026-01", "2026-12"), rangeCoverage(hebei, "2025-01", "2025-12")),
    ).toBe("incompletePeriod");
  });
});

describe("default period and data through", () => {
  it("ends at the last month with data, not in an empty month", () => {
    const hebei = coveredMonths(map, ["13"]);
    expect(lastMonth(hebei)).toBe("2026-10");
    expect(defaultPeriodOf(hebei, new Date("2026-12-06T10:00:00Z"))).toEqual({ from: "2025-11", to: "2026-10" });
  });

  it("never ends in the running (Beijing) month, and falls back to last month without data", () => {
    const withCurrent = new Set(["2026-11", "2026-12"]);
    expect(defaultPeriodOf(withCurrent, new Date("2026-12-06T10:00:00Z"))).toEqual({ from: "2025-12", to: "2026-11" });
    expect(defaultPeriodOf(new Set(), new Date("2026-12-06T10:00:00Z"))).toEqual({ from: "2025-12", to: "2026-11" });
    // 2026-11-30 17:00 UTC is 12-01 01:00 in Beijing.
    expect(currentMonth(new Date("2026-11-30T17:00:00Z"))).toBe("2026-12");
  });
});

describe("month runs", () => {
  it("writes missing months as runs", () => {
    expect(monthRuns(monthsOf("2024-01", "2024-10"))).toEqual(["2024-01 – 2024-10"]);
    expect(monthRuns(["2024-12", "2024-01", "2024-02", "2025-01"])).toEqual(["2024-01 – 2024-02", "2024-12 – 2025-01"]);
    expect(monthRuns(["2024-03"])).toEqual(["2024-03"]);
  });
});
