// A province or city analyst's unfiltered figures are read from the scope cubes; the same figures
// must come out of the pair cubes by inclusion–exclusion (visit in R + home in R − both in R),
// and the institution ranking must match a GROUP BY over the raw records.
import { beforeAll, describe, expect, it } from "vitest";
import { createActor } from "../../tests/factories";
import { importCsv, settlementCsv } from "../../tests/factories/settlements";
import type { Actor } from "../auth/actor";
import { pgPool } from "../db/pg";
import { addFigures, getSeries, getSummary, getTopInstitutions, type Figures } from "./queries";
import { getServiceBreakdown } from "./breakdowns";
import { filtersSchema } from "./schemas";

const f = (extra: Record<string, string> = {}) => filtersSchema.parse({ from: "2013-01", to: "2013-03", ...extra });
const minus = (a: Figures, b: Figures): Figures => ({
  visits: a.visits - b.visits,
  totalCost: a.totalCost - b.totalCost,
  fundPaid: a.fundPaid - b.fundPaid,
  failures: a.failures - b.failures,
});

let national: Actor;

beforeAll(async () => {
  national = await createActor("000000", ["ANALYST"]);
  const visits = ["130102", "131002", "110105", "310104", "120101"];
  const homes = ["130602", "131002", "110108", "320506", "120101"];
  let x = 7;
  const r = (k: number) => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x % k);
  const rows = Array.from({ length: 600 }, (_, i) => {
    const visit = visits[r(visits.length)]!;
    const month = ["2012-01", "2012-02", "2013-01", "2013-02", "2013-03"][r(5)]!;
    return {
      settlement_id: `SC-${i}`,
      settled_at: `${month}-${String(1 + r(28)).padStart(2, "0")}T10:00:00+08:00`,
      visit_region: visit,
      home_region: homes[r(homes.length)]!,
      institution_code: `H${visit}${String(1 + r(4)).padStart(5, "0")}`,
      service_type: ["INPATIENT", "OUTPATIENT", "CHRONIC", "PHARMACY"][r(4)]!,
      total_cost: `${1 + r(5000)}.${String(r(100)).padStart(2, "0")}`,
      fund_paid: "1.00",
      status: r(10) === 0 ? "FAILED" : "SETTLED",
    };
  });
  await importCsv(national, settlementCsv(rows));
});

describe.each([
  ["河北省 (province)", "130000", "13"],
  ["廊坊市 (city)", "131000", "1310"],
])("scope cubes for %s", (_name, regionCode, prefix) => {
  it("summary, month and day series, service breakdown: equal visit-in + home-in − both-in from the pair cubes", async () => {
    const analyst = await createActor(regionCode, ["ANALYST"]);
    const byVisit = await getSummary(national, f({ visitRegion: prefix }));
    const byHome = await getSummary(national, f({ homeRegion: prefix }));
    const both = await getSummary(national, f({ visitRegion: prefix, homeRegion: prefix }));
    const expected = (k: "current" | "previousYear") => minus(addFigures(byVisit[k], byHome[k]), both[k]);
    const scoped = await getSummary(analyst, f());
    expect(scoped.current.visits).toBeGreaterThan(0n);
    expect(scoped.current).toEqual(expected("current"));
    expect(scoped.previousYear).toEqual(expected("previousYear"));

    for (const grain of prefix.length === 2 ? (["MONTH", "DAY"] as const) : (["MONTH"] as const)) {
      const series = await getSeries(analyst, f(), grain);
      const [v, h, b] = await Promise.all(
        [f({ visitRegion: prefix }), f({ homeRegion: prefix }), f({ visitRegion: prefix, homeRegion: prefix })].map(
          (ff) => getSeries(national, ff, grain),
        ),
      );
      series.forEach((p, i) =>
        expect(p.current).toEqual(minus(addFigures(v![i]!.current, h![i]!.current), b![i]!.current)),
      );
    }

    const svc = await getServiceBreakdown(analyst, f({ serviceType: "INPATIENT,CHRONIC" }));
    const [sv, sh, sb] = await Promise.all(
      [f({ visitRegion: prefix }), f({ homeRegion: prefix }), f({ visitRegion: prefix, homeRegion: prefix })].map(
        (ff) => getServiceBreakdown(national, { ...ff, serviceType: ["INPATIENT", "CHRONIC"] }),
      ),
    );
    expect(svc.map((s) => s.key)).toEqual(["INPATIENT", "CHRONIC"].filter((k) => svc.some((s) => s.key === k)));
    for (const row of svc) {
      const pick = (list: typeof svc) => list.find((s) => s.key === row.key)!.current;
      expect(row.current).toEqual(minus(addFigures(pick(sv!), pick(sh!)), pick(sb!)));
    }
  });

  it("top institutions equal a GROUP BY over the raw records in scope", async () => {
    const analyst = await createActor(regionCode, ["ANALYST"]);
    const top = await getTopInstitutions(analyst, f(), 5);
    const raw = await pgPool().query<{ code: string; visits: string }>(
      `select institution_code as code, count(*) filter (where status = 'S' and not reversed)::text as visits from stats.settlement
        where settled_day between '2013-01-01' and '2013-03-31' and (visit_region like $1 || '%' or home_region like $1 || '%')
        group by 1 having count(*) filter (where status = 'S' and not reversed) > 0 order by count(*) filter (where status = 'S' and not reversed) desc, 1 limit 5`,
      [prefix],
    );
    expect(top.map((t) => [t.code, String(t.figures.visits)])).toEqual(raw.rows.map((r) => [r.code, r.visits]));
  });
});

describe("national top institutions", () => {
  it("read the level-0 scope cube and equal a GROUP BY over the raw records", async () => {
    const top = await getTopInstitutions(national, f(), 5);
    const raw = await pgPool().query<{ code: string; visits: string }>(
      `select institution_code as code, count(*) filter (where status = 'S' and not reversed)::text as visits from stats.settlement
        where settled_day between '2013-01-01' and '2013-03-31' group by 1 having count(*) filter (where status = 'S' and not reversed) > 0
        order by count(*) filter (where status = 'S' and not reversed) desc, 1 limit 5`,
    );
    expect(top.map((t) => [t.code, String(t.figures.visits)])).toEqual(raw.rows.map((r) => [r.code, r.visits]));
  });
});
