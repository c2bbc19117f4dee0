// Statistics read from the aggregate cubes, checked against hand-computed figures: exact sums,
// fund ratio and YoY to six places (half-up, where a float would round the other way), region
// prefixes that include everything below them, and the visit-OR-home region scope.
import { beforeAll, describe, expect, it } from "vitest";
import { createActor } from "../../tests/factories";
import { importCsv, settlementCsv } from "../../tests/factories/settlements";
import type { Actor } from "../auth/actor";
import { ForbiddenError, ValidationError } from "../errors";
import { growth6 } from "./decimal";
import { summaryDto, toJsonText } from "./dto";
import { getSeries, getSummary, getTopInstitutions } from "./queries";
import { getFlows, getTopRegions } from "./flows";
import { getFilingBreakdown, getServiceBreakdown } from "./breakdowns";
import { filtersSchema } from "./schemas";

const f = (from: string, to: string, extra: Record<string, string> = {}) => filtersSchema.parse({ from, to, ...extra });

let national: Actor;

beforeAll(async () => {
  national = await createActor("000000", ["ANALYST"]);
  const row = (
    id: string,
    at: string,
    visit: string,
    home: string,
    total: string,
    fund: string,
    extra: Record<string, string> = {},
  ) => ({
    settlement_id: id,
    settled_at: at,
    visit_region: visit,
    home_region: home,
    total_cost: total,
    fund_paid: fund,
    ...extra,
  });
  await importCsv(
    national,
    settlementCsv([
      // 2011 H1: 京津 insured treated in Hebei (+ two rows outside the filters)
      row("Q-A", "2011-01-05T10:00:00+08:00", "131002", "110105", "123.45", "67.89", {
        institution_code: "H13100200001",
      }),
      row("Q-B", "2011-03-31T18:00:00+00:00", "130102", "120101", "1000.00", "589.00", {
        institution_code: "H13010200001",
        filing_type: "RESIDENT",
      }), // Beijing 2011-04-01
      row("Q-C", "2011-06-20T10:00:00+08:00", "131002", "110105", "8568.55", "5000.00", {
        institution_code: "H13100200001",
        service_type: "INPATIENT",
        filing_type: "REFERRAL",
      }),
      row("Q-D", "2011-02-01T10:00:00+08:00", "310101", "110105", "500.00", "100.00", {
        institution_code: "H31010100001",
      }),
      row("Q-E", "2011-02-01T10:00:00+08:00", "131002", "320100", "700.00", "300.00", {
        institution_code: "H13100200001",
      }),
      row("Q-F", "2011-02-02T10:00:00+08:00", "131002", "110105", "99.00", "0.00", {
        institution_code: "H13100200001",
        status: "FAILED",
      }),
      // 2010 H1
      row("Q-P1", "2010-02-10T10:00:00+08:00", "131002", "110105", "3000.00", "1000.00", {
        institution_code: "H13100200001",
      }),
      row("Q-P2", "2010-04-01T10:00:00+08:00", "130102", "120101", "0.01", "0.00", {
        institution_code: "H13010200001",
      }),
      // 2012: a ratio whose seventh decimal is exactly 5
      row("Q-R1", "2012-05-01T10:00:00+08:00", "110105", "130100", "100000.00", "58912.45"),
      // 2013: a Hebei-insured patient treated in Shanghai, and one treated in Tianjin
      row("Q-S1", "2013-03-01T10:00:00+08:00", "310101", "130100", "880.00", "440.00", {
        institution_code: "H31010100001",
      }),
      row("Q-S2", "2013-03-02T10:00:00+08:00", "120101", "130100", "200.00", "100.00", {
        institution_code: "H12010100001",
      }),
    ]),
  );
});

describe("summary", () => {
  it("京津 insured in Hebei, Jan–Jun: exact sums, ratio and YoY to 6 places", async () => {
    const s = await getSummary(national, f("2011-01", "2011-06", { visitRegion: "13", homeRegion: "11,12" }));
    expect(s.current).toEqual({ visits: 3n, totalCost: 969200n, fundPaid: 565689n, failures: 1n });
    expect(s.previousYear).toEqual({ visits: 2n, totalCost: 300001n, fundPaid: 100000n, failures: 0n });
    const dto = summaryDto(s);
    expect(toJsonText(dto.fundRatio)).toBe("0.583666");
    // The arithmetic of YoY to six places, on the exact sums…
    expect([
      growth6(s.current.visits, s.previousYear.visits),
      growth6(s.current.totalCost, s.previousYear.totalCost),
      growth6(s.current.fundPaid, s.previousYear.fundPaid),
    ]).toEqual(["0.500000", "2.230656", "4.656890"]);
    // …but the API shows none: these sparse test months are not complete periods (decision 015).
    expect(toJsonText(dto.yoy)).toBe('{"visits":null,"totalCost":null,"fundPaid":null,"failures":null}');
    expect(dto.comparison.yoy).toBe("INCOMPLETE_PERIOD");
    // (a month is covered when Hebei, Beijing and Tianjin all have data in it: none here does)
    expect(dto.coverage.period).toEqual({
      from: "2011-01",
      to: "2011-06",
      complete: false,
      missing: ["2011-01", "2011-02", "2011-03", "2011-04", "2011-05", "2011-06"],
    });
    expect(dto.coverage.previousYear.complete).toBe(false);
    expect(dto).toMatchObject({ totalCost: "9692.00", fundPaid: "5656.89", visits: 3, failures: 1 });
    expect(toJsonText(dto.previousYear.fundRatio)).toBe("0.333332");
    // MoM: the six months before (2010-07..12) had nothing.
    expect(dto.previousPeriod).toMatchObject({ from: "2010-07", to: "2010-12", visits: 0 });
    expect(dto.mom.visits).toBeNull();
  });

  it("rounds half-up exactly where a float would not (0.5891245 → 0.589125)", async () => {
    const dto = summaryDto(await getSummary(national, f("2012-05", "2012-05")));
    expect(toJsonText(dto.fundRatio)).toBe("0.589125");
  });

  it("a province code includes its cities and counties; a city code only its own; 6-digit province code = 2-digit", async () => {
    const visits = async (extra: Record<string, string>) =>
      (await getSummary(national, f("2011-01", "2011-06", extra))).current.visits;
    expect(await visits({ visitRegion: "13" })).toBe(4n); // Q-A, Q-B, Q-C, Q-E
    expect(await visits({ visitRegion: "130000" })).toBe(4n);
    expect(await visits({ visitRegion: "1310" })).toBe(3n); // 廊坊: Q-A, Q-C, Q-E
    expect(await visits({ visitRegion: "131002" })).toBe(3n);
    expect(await visits({ visitRegion: "1301,31" })).toBe(2n); // union: Q-B, Q-D
    expect(await visits({ homeRegion: "110105", serviceType: "INPATIENT" })).toBe(1n);
    expect(await visits({ institution: "H13100200001" })).toBe(3n);
    expect(await visits({ institution: "H13100200001", homeRegion: "32" })).toBe(1n);
  });

  it("a 天津 analyst gets nothing about a Hebei-insured patient treated in Shanghai", async () => {
    const tianjin = await createActor("120000", ["ANALYST"]);
    const period = f("2013-03", "2013-03");
    const s = await getSummary(tianjin, period);
    expect(s.current).toEqual({ visits: 1n, totalCost: 20000n, fundPaid: 10000n, failures: 0n }); // only Q-S2 (treated in Tianjin)
    expect((await getSummary(tianjin, f("2013-03", "2013-03", { visitRegion: "31" }))).current.visits).toBe(0n);
    expect(
      (await getSummary(tianjin, f("2013-03", "2013-03", { homeRegion: "13", visitRegion: "310101" }))).current.visits,
    ).toBe(0n);
    const flows = await getFlows(tianjin, period, "PROVINCE");
    expect(flows.cells.map((c) => [c.visitKey, c.homeKey])).toEqual([["12", "13"]]);
    expect((await getTopInstitutions(tianjin, period)).map((i) => i.code)).toEqual(["H12010100001"]);
    expect((await getTopRegions(tianjin, period, "inflow", "PROVINCE")).map((r) => r.key)).toEqual(["13"]);
    expect(await getTopRegions(tianjin, period, "outflow", "PROVINCE")).toEqual([]);
    const days = await getSeries(tianjin, period, "DAY");
    expect(days.reduce((n, d) => n + d.current.visits, 0n)).toBe(1n);
    // The Hebei bureau sees both.
    const hebei = await createActor("130000", ["ANALYST"]);
    expect((await getSummary(hebei, period)).current.visits).toBe(2n);
  });

  it("only analysts and admins read statistics", async () => {
    const roster = await createActor("130000", ["ROSTER_MANAGER"]);
    await expect(getSummary(roster, f("2011-01", "2011-06"))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("series, breakdowns, flows", () => {
  it("months, quarters and years, each with last year's bucket", async () => {
    const filters = f("2011-01", "2011-06", { visitRegion: "13", homeRegion: "11,12" });
    const months = await getSeries(national, filters, "MONTH");
    expect(months.map((p) => [p.bucket, p.current.visits, p.lastYear.visits])).toEqual([
      ["2011-01", 1n, 0n],
      ["2011-02", 0n, 1n],
      ["2011-03", 0n, 0n],
      ["2011-04", 1n, 1n],
      ["2011-05", 0n, 0n],
      ["2011-06", 1n, 0n],
    ]);
    expect(months[1]!.current.failures).toBe(1n);
    const quarters = await getSeries(national, filters, "QUARTER");
    expect(quarters.map((p) => [p.bucket, p.current.visits, p.current.totalCost, p.lastYear.totalCost])).toEqual([
      ["2011Q1", 1n, 12345n, 300000n],
      ["2011Q2", 2n, 956855n, 1n],
    ]);
    const years = await getSeries(
      national,
      f("2010-01", "2011-12", { visitRegion: "13", homeRegion: "11,12" }),
      "YEAR",
    );
    expect(years.map((p) => [p.bucket, p.current.visits])).toEqual([
      ["2010", 2n],
      ["2011", 3n],
    ]);
    const days = await getSeries(national, f("2011-04", "2011-04", { visitRegion: "13" }), "DAY");
    expect(days).toHaveLength(30);
    expect(days[0]).toMatchObject({ bucket: "2011-04-01", current: { visits: 1n, totalCost: 100000n } });
    expect(days[0]!.lastYear.totalCost).toBe(1n);
  });

  it("day grain is refused with a county filter or an institution", async () => {
    await expect(getSeries(national, f("2011-01", "2011-01", { visitRegion: "131002" }), "DAY")).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      getSeries(national, f("2011-01", "2011-01", { institution: "H13100200001" }), "DAY"),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("service and filing breakdowns, flows at province and city level, top institutions", async () => {
    const filters = f("2011-01", "2011-06", { visitRegion: "13", homeRegion: "11,12" });
    const services = await getServiceBreakdown(national, filters);
    expect(services.map((s) => [s.key, s.current.visits, s.lastYear.visits])).toEqual([
      ["INPATIENT", 1n, 0n],
      ["OUTPATIENT", 2n, 2n],
    ]);
    const filings = await getFilingBreakdown(national, filters);
    expect(filings.map((s) => [s.key, s.current.visits])).toEqual(
      [
        ["RESIDENT", 1n],
        ["REFERRAL", 1n],
        ["NONE", 1n],
      ].sort((a, b) => (a[0] === "NONE" ? -1 : b[0] === "NONE" ? 1 : 0)),
    );
    const flows = await getFlows(national, f("2011-01", "2011-06"), "PROVINCE");
    expect(flows.cells.map((c) => [c.visitKey, c.homeKey, c.figures.visits])).toEqual([
      ["13", "11", 2n],
      ["13", "12", 1n],
      ["13", "32", 1n],
      ["31", "11", 1n],
    ]);
    expect(flows.names).toMatchObject({ "13": "河北省", "11": "北京市", "31": "上海市" });
    const cities = await getFlows(national, f("2011-01", "2011-06", { visitRegion: "13" }), "CITY");
    expect(cities.cells.map((c) => [c.visitKey, c.homeKey])).toEqual([
      ["1310", "1101"],
      ["1301", "1201"],
      ["1310", "3201"],
    ]);
    expect(cities.names["1310"]).toBe("廊坊市");
    const top = await getTopInstitutions(national, f("2011-01", "2011-06"));
    expect(top.map((i) => [i.code, i.figures.visits, i.visitRegion])).toEqual([
      ["H13100200001", 3n, "131002"],
      ["H13010200001", 1n, "130102"],
      ["H31010100001", 1n, "310101"],
    ]);
  });
});
