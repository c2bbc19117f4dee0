// One case per inconsistency issue 14 listed, each now answered by the rule of docs/api.md
// "Conventions" (decision 017). Route handlers are called as the wire calls them (bearer token,
// real PostgreSQL), through the shared sendToRoute.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createActor } from "@/tests/factories";
import { createTicket } from "@/tests/factories/complaints";
import { createInstitution } from "@/tests/factories/institutions";
import { createActiveAgreement } from "@/tests/factories/agreements";
import { sendToRoute, tokenFor, type Target } from "@/tests/support/write-cases";
import { complaintInput } from "@/tests/factories/complaints";
import { settlementCsv } from "@/tests/factories/settlements";
import { openApiDocument } from "@/lib/api-document/openapi-document";
import { POST as createComplaintRoute } from "@/app/api/v1/complaints/route";

const POST_HANDLERS = { complaints: createComplaintRoute };

interface ErrorBody {
  error: { code: string; message: string; details: { field: string; code: string }[] };
}

const query = (q: string): Target => ({ query: `?${q}` });

/** The answer's status and, for an error, `field:code` of each detail. */
async function answer(
  op: string,
  token: string,
  target: Target,
): Promise<{ status: number; details: string[]; body: unknown }> {
  const res = await sendToRoute(op, token, target);
  const body = (await res.json()) as unknown;
  const details = res.status >= 400 ? (body as ErrorBody).error.details.map((d) => `${d.field}:${d.code}`) : [];
  return { status: res.status, details, body };
}

describe("API conventions (issue 14)", () => {
  let analyst: string;
  let handler: string;
  let admin: string;

  beforeAll(async () => {
    analyst = await tokenFor(await createActor("130000", ["ANALYST"]));
    handler = await tokenFor(await createActor("130000", ["COMPLAINT_HANDLER"]));
    admin = await tokenFor(await createActor("130000", ["ADMIN"]));
  });

  const summary = (q: string) => answer("GET /statistics/summary", analyst, query(`from=2025-01&to=2025-03&${q}`));

  it("an empty filter is refused, not read as 'no filter' (visitRegion=, serviceType=)", async () => {
    expect(await summary("visitRegion=")).toMatchObject({
      status: 400,
      details: ["visitRegion:validation.emptyParameter"],
    });
    expect(await summary("serviceType=")).toMatchObject({
      status: 400,
      details: ["serviceType:validation.emptyParameter"],
    });
    expect((await summary("visitRegion=13")).status).toBe(200);
  });

  it("a comma list with an empty part or a space is refused (13, · 13,,11 · 13%20,11)", async () => {
    for (const bad of ["13,", "13,,11", "13%20,11", "13,%2011"]) {
      expect(await summary(`visitRegion=${bad}`), bad).toMatchObject({
        status: 400,
        details: ["visitRegion:validation.invalidRegion"],
      });
    }
    expect((await summary("visitRegion=13,11")).status).toBe(200);
  });

  it("an unknown parameter is refused by name (granularity=day)", async () => {
    const res = await answer("GET /statistics/series", analyst, query("from=2025-01&to=2025-03&granularity=day"));
    expect(res).toMatchObject({ status: 400, details: ["granularity:validation.unknownParameter"] });
  });

  it("a repeated parameter is refused instead of keeping the last (type=HOSPITAL&type=PHARMACY)", async () => {
    const res = await answer("GET /institutions", analyst, query("type=HOSPITAL&type=PHARMACY"));
    expect(res).toMatchObject({ status: 400, details: ["type:validation.repeatedParameter"] });
    expect((await answer("GET /institutions", analyst, query("type=HOSPITAL,PHARMACY"))).status).toBe(200);
  });

  it("patterns hold as documented: lowercase institution codes are refused", async () => {
    expect((await summary("institution=h11010100001")).status).toBe(400);
    expect((await summary("institution=H11010100001")).status).toBe(200);
    const eligibility = await answer(
      "GET /eligibility",
      analyst,
      query("institution=h11010100001&homeRegion=130100&service=INPATIENT&date=2025-01-01"),
    );
    expect(eligibility).toMatchObject({ status: 400, details: ["institution:agreements.validation.institutionCode"] });
  });

  it("reversed ranges are refused on `to` by /complaints/reports and /downtimes, as by statistics", async () => {
    expect(await answer("GET /complaints/reports", handler, query("from=2026-03-01&to=2026-01-01"))).toMatchObject({
      status: 400,
      details: ["to:validation.rangeReversed"],
    });
    expect(await answer("GET /downtimes", handler, query("from=2026-03-01&to=2026-01-01"))).toMatchObject({
      status: 400,
      details: ["to:validation.rangeReversed"],
    });
    expect((await answer("GET /statistics/summary", analyst, query("from=2025-03&to=2025-01"))).details).toEqual([
      "to:statistics.errors.toBeforeFrom",
    ]);
  });

  it("a future day is refused by the daily report", async () => {
    expect(await answer("GET /complaints/daily-report", handler, query("day=2030-01-01"))).toMatchObject({
      status: 400,
      details: ["day:validation.futureDay"],
    });
    expect((await answer("GET /complaints/daily-report", handler, query("day=2025-01-01"))).status).toBe(200);
  });

  it("grain=DAY answers as api.md says: province/city filters yes, a county or an institution no (400 on grain)", async () => {
    const series = (q: string) =>
      answer("GET /statistics/series", analyst, query(`from=2025-01&to=2025-01&grain=DAY&${q}`));
    expect((await series("visitRegion=1301")).status).toBe(200);
    expect((await series("visitRegion=130102")).details).toEqual(["grain:statistics.errors.levelUnavailable"]);
    expect((await series("institution=H11010100001")).details).toEqual(["grain:statistics.errors.dayWithInstitution"]);
  });

  it("one region format: a province's prefix and its 6-digit code are the same filter everywhere", async () => {
    await createInstitution({ regionCode: "130102" });
    const six = (await answer("GET /institutions", analyst, query("region=130000&pageSize=5"))).body as {
      total: number;
    };
    const two = (await answer("GET /institutions", analyst, query("region=13&pageSize=5"))).body as { total: number };
    expect(six.total).toBeGreaterThan(0);
    expect(two.total).toBe(six.total);
    expect((await answer("GET /institutions", analyst, query("region=131"))).details).toEqual([
      "region:validation.invalidRegion",
    ]);
  });

  it("a missing role is 403 naming the role, for a list and for one record alike (GET /users, /users/{id})", async () => {
    const someone = (
      await prisma.user.findFirstOrThrow({ where: { bureau: { regionCode: "130000" } }, select: { id: true } })
    ).id;
    const list = await sendToRoute("GET /users", analyst, {});
    const one = await sendToRoute("GET /users/{id}", analyst, { params: { id: someone } });
    for (const res of [list, one]) {
      expect(res.status).toBe(403);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe("FORBIDDEN");
      expect(body.error.message).toContain("ADMIN");
    }
    // In scope with the role: 200; the role without the scope: 404.
    expect((await sendToRoute("GET /users/{id}", admin, { params: { id: someone } })).status).toBe(200);
    const far = await tokenFor(await createActor("310000", ["ADMIN"]));
    expect((await sendToRoute("GET /users/{id}", far, { params: { id: someone } })).status).toBe(404);
  });

  it("an analyst's POST /agreements is told it needs the agreement officer role", async () => {
    const res = await sendToRoute("POST /agreements", analyst, { body: { number: "X-1" } });
    expect(res.status).toBe(403);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.message).toContain("AGREEMENT_OFFICER");
  });

  it("/downtimes is paginated like every list: { total, page, pageSize, items }", async () => {
    const res = await answer("GET /downtimes", handler, query("when=ALL&pageSize=1"));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body as object).sort()).toEqual(["items", "page", "pageSize", "total"]);
    expect((res.body as { items: unknown[]; pageSize: number }).pageSize).toBe(1);
  });

  it("booleans in the query are true/false (unmask, regenerate), not 1/0", async () => {
    expect((await answer("GET /complaints/daily-report", handler, query("regenerate=1"))).details).toEqual([
      "regenerate:validation.invalidEnum",
    ]);
    expect(
      (await answer("GET /complaints/daily-report", handler, query("day=2025-01-01&regenerate=true"))).status,
    ).toBe(200);
  });

  it("JSON sent as text/plain is 415, for a token call as for the cookie", async () => {
    const res = await sendToRoute("POST /complaints", handler, { body: {} });
    expect(res.status).toBe(400); // application/json: judged on its content
    const plain = await POST_HANDLERS.complaints(
      new Request("http://console.test/api/v1/complaints", {
        method: "POST",
        headers: { authorization: `Bearer ${handler}`, "content-type": "text/plain" },
        body: "{}",
      }),
    );
    expect(plain.status).toBe(415);
    expect(((await plain.json()) as ErrorBody).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("a create answers 201 with Location naming the new record, which reads back", async () => {
    const res = await sendToRoute("POST /complaints", handler, {
      body: complaintInput({ homeRegionCode: "130102", visitRegionCode: "110105" }),
    });
    expect(res.status).toBe(201);
    const number = ((await res.json()) as { number: string }).number;
    expect(res.headers.get("location")).toBe(`/api/v1/complaints/${number}`);
    expect((await sendToRoute("GET /complaints/{number}", handler, { params: { number } })).status).toBe(200);
  });

  it("an empty roster import and an empty settlement import answer alike: 400 on `file`", async () => {
    const roster = await tokenFor(await createActor("130000", ["ROSTER_MANAGER", "ANALYST"]));
    const institutions = await answer("POST /institutions/import", roster, {
      query: "?dryRun=true",
      file: { type: "text/csv", text: "" },
    });
    const settlements = await answer("POST /settlements/import", roster, { file: { type: "text/csv", text: "" } });
    expect(institutions).toMatchObject({ status: 400, details: ["file:facilities.import.empty"] });
    expect(settlements).toMatchObject({ status: 400, details: ["file:statistics.import.errors.empty"] });
  });

  it("ids are strings: a settlement import's importId like the roster import's", async () => {
    const token = await tokenFor(await createActor("110000", ["ANALYST"]));
    const res = await answer("POST /settlements/import", token, {
      file: { type: "text/csv", text: settlementCsv([{ settlement_id: `CV-${Date.now()}` }]) },
    });
    expect(res.status).toBe(200);
    expect(typeof (res.body as { importId: unknown }).importId).toBe("string");
  });

  it("fields that answers carry are documented (ownerRegionCode, bureauId, written)", () => {
    const schemas = (
      openApiDocument() as unknown as {
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      }
    ).components.schemas;
    expect(Object.keys(schemas.ComplaintDetail!.properties!)).toContain("ownerRegionCode");
    expect(Object.keys(schemas.InstitutionChangeRequest!.properties!)).toContain("bureauId");
    expect(Object.keys(schemas.ImportReport!.properties!)).toContain("written");
  });

  it("enum values are UPPER_SNAKE: flow levels like region levels, the roster command and the checker's decision", async () => {
    const flows = (level: string) =>
      answer("GET /statistics/flows", analyst, query(`from=2025-01&to=2025-03&level=${level}`));
    expect((await flows("CITY")).body).toMatchObject({ level: "CITY" });
    expect((await flows("city")).details).toEqual(["level:statistics.errors.level"]);
    const roster = await tokenFor(await createActor("130000", ["ROSTER_MANAGER"]));
    const inst = await createInstitution({ regionCode: "130102" });
    const old = await answer("POST /institutions/{code}", roster, {
      params: { code: inst.code },
      body: { action: "changeStatus", status: "SUSPENDED", reason: "旧写法", version: 1 },
    });
    expect(old.status).toBe(400);
    const now = await sendToRoute("POST /institutions/{code}", roster, {
      params: { code: inst.code },
      body: { action: "CHANGE_STATUS", status: "SUSPENDED", reason: "新写法", version: 1 },
    });
    expect(now.status).toBe(200);
    const decide = await answer("POST /institutions/change-requests/{id}", roster, {
      params: { id: "00000000-0000-4000-8000-000000000000" },
      body: { decision: "approve" },
    });
    expect(decide.details).toContain("decision:validation.invalidEnum");
  });

  it("the complaint report is typed: breach.rate has six places, region pairs are { code, name }", async () => {
    const owner = await createActor("130000", ["COMPLAINT_HANDLER"]);
    const tickets = await Promise.all(
      [0, 1, 2].map(() => createTicket(owner, { homeRegionCode: "130102", visitRegionCode: "110105" })),
    );
    const resolvedAt = new Date();
    await prisma.complaint.updateMany({
      where: { number: { in: tickets.map((t) => t.number) } },
      data: { resolvedAt, resolutionBreached: false, rootCause: "OTHER" },
    });
    await prisma.complaint.update({ where: { number: tickets[0]!.number }, data: { resolutionBreached: true } });
    const token = await tokenFor(owner);
    const report = (await answer("GET /complaints/reports", token, {})).body as {
      breach: { resolved: number; breached: number; rate: number };
      rootCausesByPair: { homeRegion: { code: string; name: string }; visitRegion: { code: string; name: string } }[];
    };
    expect(report.breach.rate).toBe(Number((report.breach.breached / report.breach.resolved).toFixed(6)));
    expect(String(report.breach.rate).split(".")[1]?.length ?? 0).toBeLessThanOrEqual(6);
    expect(report.rootCausesByPair).toContainEqual(
      expect.objectContaining({
        homeRegion: { code: "130102", name: "长安区" },
        visitRegion: { code: "110105", name: "朝阳区" },
      }),
    );
  });
  // ---- Decision 028: the conventions left over from 017 ---------------------------------------

  it("sort is a comma list of allowed fields, `-` for descending; an unknown or repeated field is a 400 naming it", async () => {
    const a = await createInstitution({ regionCode: "130102", name: "排序甲医院", level: "LEVEL_3" });
    const b = await createInstitution({ regionCode: "130102", name: "排序乙医院", level: "LEVEL_2" });
    const names = async (sort: string) =>
      (
        (await answer("GET /institutions", analyst, query(`q=排序&sort=${sort}`))).body as { items: { code: string }[] }
      ).items.map((i) => i.code);
    expect(await names("name")).toEqual([b.code, a.code]); // 乙 U+4E59 < 甲 U+7532
    expect(await names("-name")).toEqual([a.code, b.code]);
    expect(await names("-level,name")).toEqual([a.code, b.code]);
    expect(await names("level,-name")).toEqual([b.code, a.code]);
    const unknown = await answer("GET /institutions", analyst, query("sort=name,-phone"));
    expect(unknown).toMatchObject({ status: 400, details: ["sort:validation.unknownSortField"] });
    expect(((unknown.body as ErrorBody).error.details[0] as unknown as { message: string }).message).toContain("phone");
    expect((await answer("GET /institutions", analyst, query("sort=name,-name"))).details).toEqual([
      "sort:validation.repeatedSortField",
    ]);
    expect((await answer("GET /institutions", analyst, query("sort=name,"))).details).toEqual([
      "sort:validation.badList",
    ]);
    // order= is gone: the direction is in sort.
    expect((await answer("GET /institutions", analyst, query("sort=name&order=desc"))).details).toEqual([
      "order:validation.unknownParameter",
    ]);
    // The document declares the allow-list and the default.
    const doc = openApiDocument() as unknown as {
      paths: Record<
        string,
        {
          get: { parameters: { name: string; schema: { pattern?: string; default?: string; description?: string } }[] };
        }
      >;
    };
    const sort = doc.paths["/institutions"]!.get.parameters.find((p) => p.name === "sort")!;
    expect(sort.schema).toMatchObject({ default: "code" });
    expect(new RegExp(sort.schema.pattern!).test("-designatedSince,name")).toBe(true);
    expect(new RegExp(sort.schema.pattern!).test("phone")).toBe(false);
  });

  it("enum values are UPPER_SNAKE in the query: grain, queue, owner, when, maker, status (the lower-case ones are refused)", async () => {
    const roster = await tokenFor(await createActor("130000", ["ROSTER_MANAGER"]));
    const cases: [string, string, string, string][] = [
      ["GET /statistics/series", analyst, "from=2025-01&to=2025-03&grain=QUARTER", "grain=quarter"],
      ["GET /complaints", handler, "queue=OVERDUE&owner=BUREAU", "queue=overdue"],
      ["GET /complaints", handler, "owner=BUREAU", "owner=bureau"],
      ["GET /downtimes", handler, "when=CURRENT", "when=current"],
      ["GET /institutions/change-requests", roster, "maker=OTHERS", "maker=others"],
      ["GET /users", admin, "status=LOCKED", "status=locked"],
    ];
    for (const [op, token, upper, lower] of cases) {
      expect((await answer(op, token, query(upper))).status, `${op}?${upper}`).toBe(200);
      const refused = await answer(
        op,
        token,
        query(lower.startsWith("grain") ? `from=2025-01&to=2025-03&${lower}` : lower),
      );
      expect(refused.status, `${op}?${lower}`).toBe(400);
      expect(refused.details[0]!.split(":")[0]).toBe(lower.split("=")[0]);
    }
    expect(
      (
        (await answer("GET /statistics/series", analyst, query("from=2025-01&to=2025-03&grain=QUARTER"))).body as {
          grain: string;
        }
      ).grain,
    ).toBe("QUARTER");
  });

  it("enum values are UPPER_SNAKE in answers: sla.status, comparison, the eligibility reason codes", async () => {
    const owner = await createActor("130000", ["COMPLAINT_HANDLER"]);
    await createTicket(owner, { homeRegionCode: "130102", visitRegionCode: "110105" });
    const list = (await answer("GET /complaints", await tokenFor(owner), query("queue=ALL&pageSize=5"))).body as {
      items: { sla: { status: string } }[];
    };
    expect(list.items.length).toBeGreaterThan(0);
    for (const t of list.items) expect(t.sla.status).toMatch(/^(OK|DUE_TODAY|OVERDUE|PAUSED|MET|BREACHED)$/);
    const summary = (await answer("GET /statistics/summary", analyst, query("from=2025-01&to=2025-03"))).body as {
      comparison: { yoy: string; mom: string };
    };
    for (const v of Object.values(summary.comparison)) expect(v).toMatch(/^(OK|INCOMPLETE_PERIOD|INCOMPLETE_BASE)$/);
    const inst = await createInstitution({ regionCode: "130102", level: "LEVEL_1" });
    const eligibility = (
      await answer(
        "GET /eligibility",
        analyst,
        query(`institution=${inst.code}&homeRegion=110105&service=INPATIENT&date=2025-01-01`),
      )
    ).body as { reasons: { code: string }[] };
    expect(eligibility.reasons.length).toBeGreaterThan(0);
    for (const r of eligibility.reasons) expect(r.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  it("a region in an answer is { code, name }: agreement parties and approvals, the eligibility answer's institution, /me", async () => {
    const agreement = await createActiveAgreement();
    const officer = await tokenFor(await createActor("130000", ["ANALYST"]));
    const one = (await answer("GET /agreements/{id}", officer, { params: { id: agreement.id } })).body as {
      parties: { region: { code: string; name: string }; role: string }[];
      approvals: { region: { code: string; name: string } }[];
    };
    expect(one.parties).toContainEqual({ region: { code: "130000", name: "河北省" }, role: "BOTH" });
    expect(one.parties.every((p) => Object.keys(p).sort().join() === "region,role")).toBe(true);
    expect(one.approvals.map((a) => a.region)).toContainEqual({ code: "130000", name: "河北省" });
    const page = (await answer("GET /agreements", officer, query("party=13&pageSize=200"))).body as {
      items: { id: string; parties: { region: { code: string } }[] }[];
    };
    expect(page.items.find((a) => a.id === agreement.id)!.parties.map((p) => p.region.code)).toEqual([
      "110000",
      "120000",
      "130000",
    ]);
    const inst = await createInstitution({ regionCode: "130102" });
    const eligibility = (
      await answer(
        "GET /eligibility",
        analyst,
        query(`institution=${inst.code}&homeRegion=110105&service=INPATIENT&date=2025-01-01`),
      )
    ).body as { institution: Record<string, unknown> };
    expect(eligibility.institution).toMatchObject({ code: inst.code, region: { code: "130102", name: "长安区" } });
    expect(eligibility.institution).not.toHaveProperty("regionName");
    const me = (await answer("GET /me", analyst, {})).body as { bureau: Record<string, unknown> } & Record<
      string,
      unknown
    >;
    expect(me.bureau.region).toEqual({ code: "130000", name: "河北省" });
    expect(me).not.toHaveProperty("regionName");
  });
});
