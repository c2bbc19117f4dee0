// The statistics and import handlers called directly with a bearer token: the CSV pushed as the
// body, the exact JSON shape, 400 naming the field, and region scope.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/users/service";
import { createActor } from "@/tests/factories";
import { settlementCsv } from "@/tests/factories/settlements";
import { POST as importPost } from "@/app/api/v1/settlements/import/route";
import { GET as summaryGet } from "@/app/api/v1/statistics/summary/route";
import { GET as seriesGet } from "@/app/api/v1/statistics/series/route";
import { GET as flowsGet } from "@/app/api/v1/statistics/flows/route";

interface ErrorBody {
  error: { code: string; details: { field: string; code: string; message: string }[] };
}

async function bearer(actor: Actor) {
  const { secret } = await createApiToken(actor, { name: "test" });
  return (path: string, init: RequestInit = {}) =>
    new Request(`http://localhost/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${secret}`, ...(init.headers ?? {}) },
    });
}

describe("settlements and statistics API", () => {
  it("imports a pushed CSV, answers the exact summary shape, and 400s name the field", async () => {
    const analyst = await createActor("130000", ["ANALYST"]);
    const req = await bearer(analyst);
    const csv = settlementCsv([
      {
        settlement_id: "API-1",
        settled_at: "2021-02-01T10:00:00+08:00",
        visit_region: "131002",
        home_region: "110105",
        total_cost: "952.28",
        fund_paid: "561.16",
      },
      {
        settlement_id: "API-2",
        settled_at: "2020-02-01T10:00:00+08:00",
        visit_region: "131002",
        home_region: "110105",
        total_cost: "400.00",
        fund_paid: "200.00",
      },
      {
        settlement_id: "API-3",
        settled_at: "2021-02-01T10:00:00+08:00",
        visit_region: "131002",
        home_region: "110105",
        total_cost: "x",
      },
    ]);
    const res = await importPost(
      req("/settlements/import", {
        method: "POST",
        body: csv,
        headers: { "content-type": "text/csv" },
        duplex: "half",
      } as RequestInit),
    );
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      accepted: number;
      duplicates: number;
      rejected: { row: number; field: string; message: string }[];
    };
    expect(report).toMatchObject({ accepted: 2, duplicates: 0, rejected: [{ row: 4, field: "total_cost" }] });
    expect(report.rejected[0]!.message).toContain("金额");

    // February of both years has data for Hebei and Beijing: a complete base (decision 015).
    const sum = await summaryGet(req("/statistics/summary?from=2021-02&to=2021-02&visitRegion=13&homeRegion=11"));
    expect(sum.status).toBe(200);
    const text = await sum.text();
    expect(text).toContain('"fundRatio":0.589280');
    expect(JSON.parse(text)).toMatchObject({
      period: { from: "2021-02", to: "2021-02" },
      comparison: { yoy: "OK", mom: "INCOMPLETE_BASE" },
      mom: { visits: null },
      dataThrough: "2021-02",
      coverage: {
        period: { complete: true, missing: [] },
        previousPeriod: { from: "2021-01", to: "2021-01", complete: false, missing: ["2021-01"] },
      },
      visits: 1,
      totalCost: "952.28",
      fundPaid: "561.16",
      failures: 0,
      previousYear: { visits: 1, totalCost: "400.00", fundPaid: "200.00", fundRatio: 0.5 },
      yoy: { visits: 0, totalCost: 1.3807, fundPaid: 1.8058 },
    });
    // The first quarter has data in February only: no YoY, and the answer says why.
    const partial = (await (
      await summaryGet(req("/statistics/summary?from=2021-01&to=2021-03&visitRegion=13&homeRegion=11"))
    ).json()) as Record<string, unknown>;
    expect(partial).toMatchObject({
      visits: 1,
      previousYear: { visits: 1 },
      yoy: { visits: null, totalCost: null, fundPaid: null, failures: null },
      comparison: { yoy: "INCOMPLETE_PERIOD", mom: "INCOMPLETE_PERIOD" },
      coverage: {
        period: { complete: false, missing: ["2021-01", "2021-03"] },
        previousYear: { missing: ["2020-01", "2020-03"] },
      },
    });

    const series = await seriesGet(req("/statistics/series?from=2021-01&to=2021-03&grain=QUARTER"));
    expect(series.status).toBe(200);
    expect(((await series.json()) as { points: { bucket: string; visits: number }[] }).points).toMatchObject([
      { bucket: "2021Q1", visits: 1, complete: false, lastYear: { visits: 1, complete: false }, yoyVisits: null },
    ]);

    const flows = await flowsGet(req("/statistics/flows?from=2021-01&to=2021-03&level=CITY"));
    expect(flows.status).toBe(200);
    expect(((await flows.json()) as { cells: unknown[] }).cells).toMatchObject([
      { visitRegion: "1310", homeRegion: "1101", visits: 1, totalCost: "952.28" },
    ]);

    for (const [path, fields] of [
      ["/statistics/summary?from=2021-13&to=2021-01", ["from"]],
      ["/statistics/summary?from=2021-03&to=2021-01", ["to"]],
      ["/statistics/summary?to=2021-01", ["from"]],
      ["/statistics/summary?from=2021-01&to=2021-02&visitRegion=13,abc", ["visitRegion"]],
      ["/statistics/summary?from=2021-01&to=2021-02&homeRegion=123", ["homeRegion"]],
      ["/statistics/summary?from=2021-01&to=2021-02&serviceType=DENTAL", ["serviceType"]],
    ] as const) {
      const bad = await summaryGet(req(path));
      expect(bad.status, path).toBe(400);
      expect(((await bad.json()) as ErrorBody).error.details.map((d) => d.field)).toEqual(fields);
    }
    const badGrain = await seriesGet(req("/statistics/series?from=2021-01&to=2021-02&grain=week"));
    expect(badGrain.status).toBe(400);
    expect(((await badGrain.json()) as ErrorBody).error.details[0]!.field).toBe("grain");
    const badLevel = await flowsGet(req("/statistics/flows?from=2021-01&to=2021-02&level=street"));
    expect(((await badLevel.json()) as ErrorBody).error.details[0]!.field).toBe("level");
  });

  it("401 without a token; 403 for roles without statistics; a header-less file is 400 on `file`", async () => {
    const noToken = new Request("http://localhost/api/v1/statistics/summary?from=2021-01&to=2021-01", {
      headers: { authorization: "Bearer ybt_nope" },
    });
    expect((await summaryGet(noToken)).status).toBe(401);
    const roster = await bearer(await createActor("130000", ["ROSTER_MANAGER"]));
    expect((await summaryGet(roster("/statistics/summary?from=2021-01&to=2021-01"))).status).toBe(403);
    expect((await importPost(roster("/settlements/import", { method: "POST", body: "x" }))).status).toBe(403);
    const analyst = await bearer(await createActor("130000", ["ANALYST"]));
    const res = await importPost(analyst("/settlements/import", { method: "POST", body: "a,b\n1,2\n" }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.details[0]!.field).toBe("file");
  });
});
