// The daily report's failed settlements: counted by region pair for exactly the Beijing day asked,
// whatever UTC day they fell on, and only within the bureau's scope.
import { describe, expect, it } from "vitest";
import { createActor } from "@/tests/factories";
import { importCsv, settlementCsv } from "@/tests/factories/settlements";
import { buildDailyReport } from "./daily-report";

describe("daily report: failed settlements", () => {
  it("counts the failures of the Beijing day by pair, in scope, across the UTC midnight", async () => {
    const analyst = await createActor("000000", ["ANALYST"]);
    const csv = settlementCsv([
      // 2026-11-10 in Beijing: 00:10 (still 11-09 in UTC), noon, 23:50.
      { settled_at: "2026-11-09T16:10:00Z", status: "FAILED", visit_region: "110105", home_region: "131002" },
      { settled_at: "2026-11-10T12:00:00+08:00", status: "FAILED", visit_region: "110105", home_region: "131002" },
      { settled_at: "2026-11-10T23:50:00+08:00", status: "FAILED", visit_region: "120101", home_region: "130102" },
      // Other days, a settled record, and a pair outside Hebei's scope.
      { settled_at: "2026-11-09T23:50:00+08:00", status: "FAILED", visit_region: "110105", home_region: "131002" },
      { settled_at: "2026-11-11T00:00:00+08:00", status: "FAILED", visit_region: "110105", home_region: "131002" },
      { settled_at: "2026-11-10T12:00:00+08:00", status: "SETTLED", visit_region: "110105", home_region: "131002" },
      { settled_at: "2026-11-10T12:00:00+08:00", status: "FAILED", visit_region: "310101", home_region: "320102" },
    ]);
    expect((await importCsv(analyst, csv)).accepted).toBe(7);
    const bureau = {
      id: "00000000-0000-0000-0000-000000000000",
      name: "河北省",
      nameEn: "Hebei",
      regionCode: "130000",
    };
    const r = await buildDailyReport(bureau, "2026-11-10", new Date("2026-11-20T00:00:00Z"));
    expect(r.failuresByPair?.map((p) => [p.visitRegion, p.homeRegion, p.count])).toEqual([
      ["110105", "131002", 2],
      ["120101", "130102", 1],
    ]);
    expect(r.totals.failures).toBe(3);
  });
});
