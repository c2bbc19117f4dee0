// Data coverage against a real PostgreSQL (decision 015): the map read from the scope cube equals
// the months of the raw records by province (either side); a base year with missing months gives
// no YoY and says so; a complete base gives the exact YoY; series buckets carry their coverage;
// the 12-month MoM base is the 12 months before.
import { beforeAll, describe, expect, it } from "vitest";
import { createActor } from "../../tests/factories";
import { importCsv, settlementCsv, type SettlementRow } from "../../tests/factories/settlements";
import type { Actor } from "../auth/actor";
import { pgPool } from "../db/pg";
import { coverageMapOf, defaultPeriodOf, monthsOf } from "./coverage";
import { getCoverageMap } from "./coverage-query";
import { seriesDto, summaryDto, toJsonText } from "./dto";
import { getSeries, getSummary, questionCoverage } from "./queries";
import { filtersSchema } from "./schemas";

const f = (from: string, to: string, extra: Record<string, string> = {}) => filtersSchema.parse({ from, to, ...extra });

let national: Actor;
let hebei: Actor;

const at = (month: string) => `${month}-15T10:00:00+08:00`;

beforeAll(async () => {
  national = await createActor("000000", ["ANALYST"]);
  hebei = await createActor("130000", ["ANALYST"]);
  const rows: SettlementRow[] = [];
  // Hebei-insured treated in Beijing: loaded from 2030-11 to 2031-12 only (the base year 2030 is partial).
  for (const m of monthsOf("2030-11", "2031-12"))
    rows.push({ settled_at: at(m), visit_region: "110105", home_region: "130100" });
  // An extra visit in 2031-03, so 2031 is not equal to anything by accident.
  rows.push({
    settled_at: at("2031-03"),
    visit_region: "110105",
    home_region: "130100",
    total_cost: "300.00",
    fund_paid: "90.00",
  });
  // Shanghai ↔ Jiangsu every month of 2029–2031: a complete base, 2 visits a month in 2031, 1 before.
  for (const m of monthsOf("2029-01", "2031-12")) {
    rows.push({ settled_at: at(m), visit_region: "310101", home_region: "320100", institution_code: "H31010100001" });
    if (m >= "2031-01")
      rows.push({ settled_at: at(m), visit_region: "310101", home_region: "320100", institution_code: "H31010100001" });
  }
  // A FAILED record alone in 2032-02 still means data was loaded for that month.
  rows.push({
    settled_at: at("2032-02"),
    visit_region: "310101",
    home_region: "320100",
    status: "FAILED",
    institution_code: "H31010100001",
  });
  await importCsv(national, settlementCsv(rows));
});

describe("coverage map", () => {
  it("equals the months of the raw records by province, visit side or home side", async () => {
    const { rows } = await pgPool().query<{ key: string; month: string }>(
      `select distinct p as key, to_char(settled_day, 'YYYY-MM') as month
         from stats.settlement, lateral (values (left(visit_region, 2)), (left(home_region, 2))) v(p)`,
    );
    const expected = coverageMapOf(rows);
    const actual = await getCoverageMap(national);
    expect(new Set(actual.keys())).toEqual(new Set(expected.keys()));
    for (const [k, months] of expected) expect([...actual.get(k)!].sort(), k).toEqual([...months].sort());
  });
});

describe("YoY and MoM against a complete base only", () => {
  it("河北 2031 against a partly loaded 2030: no YoY, the incomplete-base status and the missing months", async () => {
    const dto = summaryDto(await getSummary(hebei, f("2031-01", "2031-12")));
    expect(dto.visits).toBe(13);
    expect(dto.previousYear.visits).toBe(2);
    expect(dto.comparison).toEqual({ yoy: "INCOMPLETE_BASE", mom: "INCOMPLETE_BASE" });
    expect(toJsonText(dto.yoy)).toBe('{"visits":null,"totalCost":null,"fundPaid":null,"failures":null}');
    expect(dto.coverage.previousYear.missing).toEqual(monthsOf("2030-01", "2030-10"));
    expect(dto.dataThrough).toBe("2031-12");
  });

  it("a complete base gives the exact YoY; the 12-month MoM base is the 12 months before (the same months)", async () => {
    const dto = summaryDto(await getSummary(national, f("2031-01", "2031-12", { visitRegion: "31" })));
    expect(dto.comparison).toEqual({ yoy: "OK", mom: "OK" });
    expect(dto.visits).toBe(24);
    expect(toJsonText(dto.yoy.visits)).toBe("1.000000");
    expect(dto.previousPeriod).toMatchObject({ from: "2030-01", to: "2030-12", visits: 12 });
    // A 6-month window: the 6 months before, not last year's.
    const h2 = summaryDto(await getSummary(national, f("2031-07", "2031-12", { visitRegion: "31" })));
    expect(h2.previousPeriod).toMatchObject({ from: "2031-01", to: "2031-06", visits: 12 });
    expect(toJsonText(h2.mom.visits)).toBe("0.000000");
    expect(toJsonText(h2.yoy.visits)).toBe("1.000000");
  });

  it("a period running past the data is incomplete itself; a FAILED-only month counts as loaded", async () => {
    const dto = summaryDto(await getSummary(national, f("2032-01", "2032-03", { visitRegion: "31" })));
    expect(dto.comparison.yoy).toBe("INCOMPLETE_PERIOD");
    expect(dto.coverage.period.missing).toEqual(["2032-01", "2032-03"]);
    expect(dto.dataThrough).toBe("2032-02");
  });
});

describe("series and the default period", () => {
  it("marks buckets whose months lack data, on either side, and gives no YoY for them", async () => {
    const points = await getSeries(hebei, f("2031-01", "2031-12"), "MONTH");
    expect(points.map((p) => p.lastYearComplete)).toEqual([...Array(10).fill(false), true, true]);
    expect(points.every((p) => p.complete)).toBe(true);
    const dto = seriesDto({ from: "2031-01", to: "2031-12" }, "MONTH", points);
    expect(dto.points[0]).toMatchObject({
      bucket: "2031-01",
      complete: true,
      lastYear: { complete: false, visits: 0 },
      yoyVisits: null,
    });
    expect(toJsonText(dto.points[11]!.yoyVisits)).toBe("0.000000");
    const quarters = await getSeries(hebei, f("2031-01", "2031-12"), "QUARTER");
    expect(quarters.map((q) => q.lastYearComplete)).toEqual([false, false, false, false]);
  });

  it("the default period ends at the last month with data", async () => {
    const covered = await questionCoverage(hebei, { visitRegion: [], homeRegion: [], institution: undefined });
    expect(defaultPeriodOf(covered, new Date("2033-06-01T00:00:00Z"))).toEqual({ from: "2031-01", to: "2031-12" });
  });
});
