// The /api/v1/institutions route handlers with real bearer tokens: authentication, parsing,
// status codes, the error contract and region scope ("a 北京 roster manager cannot change an
// institution in 河北").
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/users/service";
import { bureauFor, createActor } from "@/tests/factories";
import { createInstitution, nextInstitutionCode } from "@/tests/factories/institutions";
import * as list from "@/app/api/v1/institutions/route";
import * as one from "@/app/api/v1/institutions/[code]/route";
import * as services from "@/app/api/v1/institutions/[code]/services/route";
import * as history from "@/app/api/v1/institutions/[code]/history/route";
import * as importRoute from "@/app/api/v1/institutions/import/route";
import * as exportRoute from "@/app/api/v1/institutions/export/route";
import * as coverageRoute from "@/app/api/v1/institutions/coverage/route";
import * as changes from "@/app/api/v1/institutions/change-requests/route";
import * as change from "@/app/api/v1/institutions/change-requests/[id]/route";

const BASE = "http://test/api/v1/institutions";

async function tokenFor(actor: Actor): Promise<string> {
  return (await createApiToken(actor, { name: "api test" })).secret;
}

function req(
  token: string,
  path: string,
  init: { method?: string; body?: BodyInit; json?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  headers.authorization = `Bearer ${token}`;
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers["content-type"] = "application/json";
  }
  return new Request(`${BASE}${path}`, { method: init.method ?? "GET", headers, body });
}
const params = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });

describe("GET /institutions and /institutions/{code}", () => {
  it("401 without a valid token", async () => {
    // (No Authorization header at all falls back to the next-auth cookie, which needs Next's request scope.)
    expect((await list.GET(req("ybt_nope", ""))).status).toBe(401);
    const basic = await list.GET(new Request(BASE, { headers: { authorization: "Basic eDp5" } }));
    expect(basic.status).toBe(401);
    expect((await basic.json()).error.code).toBe("UNAUTHENTICATED");
  });

  it("any role reads any region: 北京友谊医院 by 友谊, its detail, its services on a date and its history", async () => {
    const inst = await createInstitution({
      regionCode: "110102",
      name: "首都医科大学附属北京友谊医院",
      shortName: "北京友谊医院",
      level: "LEVEL_3",
      services: [{ service: "INPATIENT", openedOn: "2019-06-01" }],
    });
    const token = await tokenFor(await createActor("131000", ["COMPLAINT_HANDLER"]));
    const res = await list.GET(req(token, `?q=${encodeURIComponent("友谊")}&region=110000`));
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.items.map((i: { code: string }) => i.code)).toContain(inst.code);
    expect(page.items[0]).toMatchObject({
      region: { code: "110102", name: "西城区" },
      services: [{ service: "INPATIENT", openedOn: "2019-06-01" }],
    });

    const detail = await one.GET(req(token, `/${inst.code}`), params({ code: inst.code }));
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({
      code: inst.code,
      canEdit: false,
      regionPath: [{ name: "北京市" }, { name: "西城区" }],
    });

    const on = await services.GET(req(token, `/${inst.code}/services?on=2019-05-31`), params({ code: inst.code }));
    expect(await on.json()).toMatchObject({ date: "2019-05-31", services: [], status: { status: "ACTIVE" } });
    const bad = await services.GET(req(token, `/${inst.code}/services?on=2019-5-31`), params({ code: inst.code }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].field).toBe("on");

    const h = await history.GET(req(token, `/${inst.code}/history?pageSize=10`), params({ code: inst.code }));
    expect((await h.json()).items[0]).toMatchObject({ field: "*", source: "CREATE" });
    expect((await one.GET(req(token, "/H99999999999"), params({ code: "H99999999999" }))).status).toBe(404);
    expect((await one.GET(req(token, "/nonsense"), params({ code: "nonsense" }))).status).toBe(404);
  });

  it("400 naming the field for bad filters, never 500", async () => {
    const token = await tokenFor(await createActor("131000", ["ANALYST"]));
    for (const [query, field] of [
      ["?type=CLINIC", "type"],
      ["?status=ACTIVE,", "status"],
      ["?pageSize=1000", "pageSize"],
      ["?page=0", "page"],
      ["?region=123", "region"],
      ["?sort=phone", "sort"],
      [`?q=${"长".repeat(41)}`, "q"],
    ] as const) {
      const res = await list.GET(req(token, query));
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.details[0].field, query).toBe(field);
    }
  });
});

describe("writes through the API", () => {
  it("a roster manager of 北京市 cannot change an institution in 河北省: 403, nothing written", async () => {
    const inst = await createInstitution({ regionCode: "131002", name: "廊坊市中医医院" });
    const bj = await tokenFor(await createActor("110000", ["ROSTER_MANAGER"]));
    const patch = await one.PATCH(
      req(bj, `/${inst.code}`, { method: "PATCH", json: { name: "被改名", version: 1 } }),
      params({ code: inst.code }),
    );
    expect(patch.status).toBe(403);
    expect((await patch.json()).error.code).toBe("FORBIDDEN");
    const cmd = await one.POST(
      req(bj, `/${inst.code}`, {
        method: "POST",
        json: { action: "CHANGE_STATUS", status: "SUSPENDED", reason: "x", version: 1 },
      }),
      params({ code: inst.code }),
    );
    expect(cmd.status).toBe(403);
    const create = await list.POST(
      req(bj, "", {
        method: "POST",
        json: {
          code: nextInstitutionCode("131002"),
          name: "x",
          type: "HOSPITAL",
          level: "LEVEL_1",
          ownership: "PUBLIC",
          regionCode: "131002",
          designatedSince: "2020-01-01",
        },
      }),
    );
    expect(create.status).toBe(403);
    const row = await prisma.institution.findUniqueOrThrow({ where: { id: inst.id } });
    expect(row).toMatchObject({ name: "廊坊市中医医院", version: 1, status: "ACTIVE" });
  });

  it("create 201, duplicate 409, bad body 400 with fields, PATCH 200 then stale 409, commands 200/422", async () => {
    const token = await tokenFor(await createActor("131000", ["ROSTER_MANAGER"]));
    const code = nextInstitutionCode("131081");
    const body = {
      code,
      name: "三河市燕郊人民医院",
      type: "HOSPITAL",
      level: "LEVEL_2",
      grade: "A",
      ownership: "PUBLIC",
      regionCode: "131082",
      designatedSince: "2017-09-01",
      services: [{ service: "INPATIENT", openedOn: "2019-01-01" }],
    };
    const created = await list.POST(req(token, "", { method: "POST", json: body }));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ code, version: 1, region: { code: "131082", name: "三河市" } });
    const dup = await list.POST(req(token, "", { method: "POST", json: body }));
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.details[0].field).toBe("code");

    const bad = await list.POST(
      req(token, "", {
        method: "POST",
        json: { ...body, code: "Z1", designatedSince: "2017-13-01", level: "FOUR", extra: 1 },
      }),
    );
    expect(bad.status).toBe(400);
    const fields = (await bad.json()).error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(["_", "code", "designatedSince", "level"]);
    const notJson = await list.POST(
      req(token, "", { method: "POST", body: "{oops", headers: { "content-type": "application/json" } }),
    );
    expect(notJson.status).toBe(400);

    const patched = await one.PATCH(
      req(token, `/${code}`, { method: "PATCH", json: { phone: "0316-3311111", version: 1 } }),
      params({ code }),
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ phone: "0316-3311111", version: 2 });
    const stale = await one.PATCH(
      req(token, `/${code}`, { method: "PATCH", json: { phone: "0316-0000000", version: 1 } }),
      params({ code }),
    );
    expect(stale.status).toBe(409);
    const noVersion = await one.PATCH(
      req(token, `/${code}`, { method: "PATCH", json: { phone: "1" } }),
      params({ code }),
    );
    expect(noVersion.status).toBe(400);
    expect((await noVersion.json()).error.details[0].field).toBe("version");

    const open = await one.POST(
      req(token, `/${code}`, {
        method: "POST",
        json: { action: "OPEN_SERVICE", service: "OUTPATIENT", openedOn: "2021-01-01", version: 2 },
      }),
      params({ code }),
    );
    expect(open.status).toBe(200);
    const again = await one.POST(
      req(token, `/${code}`, { method: "POST", json: { action: "OPEN_SERVICE", service: "OUTPATIENT", version: 3 } }),
      params({ code }),
    );
    expect(again.status).toBe(422);
    const unknown = await one.POST(
      req(token, `/${code}`, { method: "POST", json: { action: "delete", version: 3 } }),
      params({ code }),
    );
    expect(unknown.status).toBe(400);
    const future = await one.POST(
      req(token, `/${code}`, {
        method: "POST",
        json: { action: "CLOSE_SERVICE", service: "OUTPATIENT", closedOn: "2099-01-01", reason: "x", version: 3 },
      }),
      params({ code }),
    );
    expect(future.status).toBe(400);
    expect((await future.json()).error.details[0]).toMatchObject({
      field: "closedOn",
      code: "facilities.validation.futureDate",
    });
  });

  it("maker-checker: PATCH answers 202 with the pending change; the checker approves through the API", async () => {
    const bureau = await bureauFor("130900");
    await prisma.bureau.update({ where: { id: bureau.id }, data: { makerChecker: true } });
    const maker = await tokenFor(await createActor("130900", ["ROSTER_MANAGER"]));
    const checker = await tokenFor(await createActor("130900", ["ROSTER_MANAGER"]));
    const inst = await createInstitution({ regionCode: "130902", name: "沧州市中心医院" });
    const res = await one.PATCH(
      req(maker, `/${inst.code}`, { method: "PATCH", json: { shortName: "沧州中心", version: 1 } }),
      params({ code: inst.code }),
    );
    expect(res.status).toBe(202);
    const { pendingChangeId } = await res.json();
    const inbox = await (await changes.GET(req(checker, "/change-requests"))).json();
    expect(inbox.items.map((c: { id: string }) => c.id)).toContain(pendingChangeId);
    const own = await change.POST(
      req(maker, `/change-requests/${pendingChangeId}`, { method: "POST", json: { decision: "APPROVE" } }),
      params({ id: pendingChangeId }),
    );
    expect(own.status).toBe(403);
    const noComment = await change.POST(
      req(checker, `/change-requests/${pendingChangeId}`, { method: "POST", json: { decision: "REJECT" } }),
      params({ id: pendingChangeId }),
    );
    expect(noComment.status).toBe(400);
    const ok = await change.POST(
      req(checker, `/change-requests/${pendingChangeId}`, {
        method: "POST",
        json: { decision: "APPROVE", comment: "同意" },
      }),
      params({ id: pendingChangeId }),
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ state: "APPROVED", comment: "同意" });
    expect((await prisma.institution.findUniqueOrThrow({ where: { id: inst.id } })).shortName).toBe("沧州中心");
    const analyst = await tokenFor(await createActor("130900", ["ANALYST"]));
    expect((await changes.GET(req(analyst, "/change-requests"))).status).toBe(403);
  });
});

describe("import, export and coverage endpoints", () => {
  it("imports a CSV body: dry run report with translated messages, then apply; progress as NDJSON", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const token = await tokenFor(lf);
    const code = nextInstitutionCode("131023");
    const csv = `code,name,type,level,grade,ownership,region_code,designated_since,services\r\n${code},永清县人民医院,HOSPITAL,LEVEL_2,A,PUBLIC,131023,2018-01-01,INPATIENT@2019-01-01\r\nH131023BAD,坏行,HOSPITAL,LEVEL_2,A,PUBLIC,131023,2018-01-01,\r\n`;
    const post = (query: string, accept?: string, who = token) =>
      importRoute.POST(
        req(who, `/import${query}`, {
          method: "POST",
          body: csv,
          headers: { "content-type": "text/csv", "accept-language": "en", ...(accept && { accept }) },
        }),
      );

    const dry = await post("");
    expect(dry.status).toBe(200);
    const report = await dry.json();
    expect(report).toMatchObject({ dryRun: true, counts: { new: 1, rejected: 1 }, applied: false });
    expect(report.errors).toEqual([
      {
        row: 3,
        code: "H131023BAD",
        field: "code",
        message: expect.stringContaining("H (medical institution)"),
        messageKey: { key: "facilities.validation.code" },
      },
    ]);
    expect(await prisma.institution.count({ where: { code } })).toBe(0);

    const streamed = await post("?dryRun=false", "application/x-ndjson");
    expect(streamed.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await streamed.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === "progress").length).toBeGreaterThan(1);
    expect(lines.at(-1)).toMatchObject({ type: "report", report: { applied: true, written: { new: 1 } } });
    expect(await prisma.institution.count({ where: { code } })).toBe(1);

    expect((await post("?dryRun=maybe")).status).toBe(400);
    expect((await post("?rows=a-b")).status).toBe(400);
    expect((await post("", undefined, await tokenFor(await createActor("131000", ["ANALYST"])))).status).toBe(403);
  });

  it("exports CSV and XLSX with the filter; a bad format is 400", async () => {
    await createInstitution({ regionCode: "130682", name: "定州市人民医院" });
    const token = await tokenFor(await createActor("320000", ["ANALYST"]));
    const csv = await exportRoute.GET(req(token, "/export?region=130682"));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="institutions-\d{8}\.csv"/);
    const text = await csv.text();
    expect(text).toContain("定州市人民医院");
    const xlsx = await exportRoute.GET(req(token, "/export?region=130682&format=xlsx"));
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    expect((await exportRoute.GET(req(token, "/export?format=pdf"))).status).toBe(400);
  });

  it("coverage of a region; 400 for a malformed code, 404 for an unknown one", async () => {
    await createInstitution({ regionCode: "130724", name: "沽源县医院", services: [{ service: "INPATIENT" }] });
    const token = await tokenFor(await createActor("110000", ["ANALYST"]));
    const res = await coverageRoute.GET(req(token, "/coverage?region=130700"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.region).toEqual({ code: "130700", name: "张家口市", level: "CITY" });
    expect(body.children.find((c: { code: string }) => c.code === "130724")).toMatchObject({
      institutions: 1,
      byService: { INPATIENT: 1 },
    });
    expect((await coverageRoute.GET(req(token, "/coverage?region=131"))).status).toBe(400);
    expect((await coverageRoute.GET(req(token, "/coverage?region=999999"))).status).toBe(404);
  });
});
