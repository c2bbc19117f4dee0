// Region groups in statistics (decision 020): a group filter equals the union of its members with
// overlaps counted once (河北省 + 廊坊市 = 河北省), for summary, series and flows, and equals a
// GROUP BY over the raw records; the group × group flow matrix equals the same over raw records.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { createActor } from "../../tests/factories";
import { createGroup } from "../../tests/factories/region-groups";
import { importCsv, settlementCsv, type SettlementRow } from "../../tests/factories/settlements";
import type { Actor } from "../auth/actor";
import { ValidationError } from "../errors";
import { getSeries, getSummary } from "./queries";
import { getFlows, getTopRegions } from "./flows";
import { filtersSchema } from "./schemas";

const f = (extra: Record<string, string> = {}) => filtersSchema.parse({ from: "2016-01", to: "2016-12", ...extra });

let national: Actor;
const g = { hebei: "", jjj: "", csj: "", sfq: "" };
const VISITS = [
  "131002",
  "131082",
  "130102",
  "110105",
  "120101",
  "310118",
  "320509",
  "330421",
  "320102",
  "340102",
  "440103",
];
const HOMES = ["110105", "120101", "131082", "130100", "310101", "320509", "330421", "340102", "510104"];

beforeAll(async () => {
  national = await createActor("000000", ["ANALYST"]);
  const rows: SettlementRow[] = [];
  // Every visit × home pair of the pools, on different months and amounts; a few failures.
  VISITS.forEach((visit, i) =>
    HOMES.forEach((home, j) => {
      if (visit.slice(0, 2) === home.slice(0, 2) && (i + j) % 2) return;
      const n = ((i * 7 + j * 3) % 3) + 1;
      for (let k = 0; k < n; k++) {
        rows.push({
          settled_at: `2016-${String(((i + j + k) % 12) + 1).padStart(2, "0")}-1${k}T10:00:00+08:00`,
          visit_region: visit,
          home_region: home,
          institution_code: `H${visit}00001`,
          total_cost: `${100 + i * 10 + j}.${String(k * 7).padStart(2, "0")}`,
          fund_paid: `${50 + j}.00`,
          status: (i + j + k) % 11 === 0 ? "FAILED" : "SETTLED",
        });
      }
    }),
  );
  await importCsv(national, settlementCsv(rows));
  g.hebei = (await createGroup({ members: ["130000", "131000", "131082"] })).slug;
  g.jjj = (await createGroup({ members: ["110000", "120000", "130000"] })).slug;
  g.csj = (await createGroup({ members: ["310000", "320000", "330000", "340000"] })).slug;
  g.sfq = (await createGroup({ members: ["310118", "320509", "330421"] })).slug;
});

/** The raw records' figures under a SQL condition (settled, not reversed; failures apart), in fen. */
async function raw(where: string): Promise<{ visits: bigint; totalCost: bigint; fundPaid: bigint; failures: bigint }> {
  const [r] = await prisma.$queryRawUnsafe<{ visits: bigint; total: bigint; fund: bigint; failures: bigint }[]>(
    `select count(*) filter (where status = 'S' and not reversed) as visits,
            coalesce(sum(total_cost * 100) filter (where status = 'S' and not reversed), 0)::bigint as total,
            coalesce(sum(fund_paid * 100) filter (where status = 'S' and not reversed), 0)::bigint as fund,
            count(*) filter (where status = 'F') as failures
       from stats.settlement where settled_day between '2016-01-01' and '2016-12-31' and ${where}`,
  );
  return {
    visits: BigInt(r!.visits),
    totalCost: BigInt(r!.total),
    fundPaid: BigInt(r!.fund),
    failures: BigInt(r!.failures),
  };
}

describe("a group filter", () => {
  it("with overlapping members (河北省 + 廊坊市 + 三河市) equals 河北省, and the raw GROUP BY", async () => {
    const byGroup = await getSummary(national, f({ visitRegion: `group:${g.hebei}` }));
    const byProvince = await getSummary(national, f({ visitRegion: "13" }));
    expect(byGroup.current).toEqual(byProvince.current);
    expect(byGroup.current).toEqual(await raw(`visit_region like '13%'`));
    // Not the sum of the members' figures, which would count 廊坊 twice and 三河 three times.
    const members = await Promise.all(["13", "1310", "131082"].map((r) => getSummary(national, f({ visitRegion: r }))));
    expect(members.reduce((n, s) => n + s.current.visits, 0n)).toBeGreaterThan(byGroup.current.visits);
    expect(byGroup.current.visits).toBeGreaterThan(0n);
  });

  it("长三角 insured treated in 京津冀 (home × visit groups) equals the raw records", async () => {
    const s = await getSummary(national, f({ visitRegion: `group:${g.jjj}`, homeRegion: `group:${g.csj}` }));
    expect(s.current).toEqual(
      await raw(`left(visit_region, 2) in ('11','12','13') and left(home_region, 2) in ('31','32','33','34')`),
    );
    expect(s.current.visits).toBeGreaterThan(0n);
    // A code beside a group is a union with it, overlap counted once.
    const mixed = await getSummary(
      national,
      f({ visitRegion: `13,group:${g.jjj},131082`, homeRegion: `group:${g.csj},3101` }),
    );
    expect(mixed.current).toEqual(s.current);
  });

  it("示范区 (three counties of three provinces) on both sides equals the raw records", async () => {
    const s = await getSummary(national, f({ visitRegion: `group:${g.sfq}` }));
    expect(s.current).toEqual(await raw(`visit_region in ('310118','320509','330421')`));
    const home = await getSummary(national, f({ homeRegion: `group:${g.sfq}` }));
    expect(home.current).toEqual(await raw(`home_region in ('310118','320509','330421')`));
  });

  it("series: every month of the group equals its members' union, counted once", async () => {
    const byGroup = await getSeries(
      national,
      f({ visitRegion: `group:${g.hebei}`, homeRegion: `group:${g.jjj}` }),
      "MONTH",
    );
    const byProvince = await getSeries(national, f({ visitRegion: "13", homeRegion: "11,12,13" }), "MONTH");
    expect(byGroup).toEqual(byProvince);
    const raws = await prisma.$queryRawUnsafe<{ m: string; visits: bigint }[]>(
      `select to_char(settled_day, 'YYYY-MM') as m, count(*) filter (where status = 'S' and not reversed) as visits from stats.settlement
        where settled_day between '2016-01-01' and '2016-12-31' and visit_region like '13%' and left(home_region, 2) in ('11','12','13') group by 1`,
    );
    const expected = new Map(raws.map((r) => [r.m, BigInt(r.visits)]));
    for (const p of byGroup) expect(p.current.visits, p.bucket).toBe(expected.get(p.bucket) ?? 0n);
  });

  it("flows and top regions: the group filter equals the province filter", async () => {
    const byGroup = await getFlows(national, f({ visitRegion: `group:${g.hebei}` }), "CITY", 400);
    expect(byGroup.cells).toEqual((await getFlows(national, f({ visitRegion: "13" }), "CITY", 400)).cells);
    expect(await getTopRegions(national, f({ homeRegion: `group:${g.csj}` }), "outflow", "PROVINCE")).toEqual(
      await getTopRegions(national, f({ homeRegion: "31,32,33,34" }), "outflow", "PROVINCE"),
    );
  });

  it("an unknown group is a 400 on its side", async () => {
    await expect(getSummary(national, f({ homeRegion: "group:no-such-group" }))).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});

describe("the flow matrix by groups", () => {
  it("京津冀 → 长三角 and 示范区 cells equal the raw records", async () => {
    const flows = await getFlows(
      national,
      f({ visitRegion: `group:${g.jjj},group:${g.sfq}`, homeRegion: `group:${g.csj},group:${g.sfq}` }),
      "GROUP",
      100,
    );
    const cell = (v: string, h: string) =>
      flows.cells.find((c) => c.visitKey === `group:${v}` && c.homeKey === `group:${h}`)?.figures;
    const sfq = `('310118','320509','330421')`;
    expect(cell(g.jjj, g.csj)).toEqual(
      await raw(`left(visit_region, 2) in ('11','12','13') and left(home_region, 2) in ('31','32','33','34')`),
    );
    expect(cell(g.sfq, g.csj)).toEqual(
      await raw(`visit_region in ${sfq} and left(home_region, 2) in ('31','32','33','34')`),
    );
    expect(cell(g.sfq, g.sfq)).toEqual(await raw(`visit_region in ${sfq} and home_region in ${sfq}`));
    expect(flows.names[`group:${g.jjj}`]).toBe("测试组");
    expect(flows.cells.every((c) => c.visitKey.startsWith("group:") && c.homeKey.startsWith("group:"))).toBe(true);
  });
});
