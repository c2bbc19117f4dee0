// The regions route handlers called with a real bearer token (real token check, real database):
// query parsing, the error contract and the response shape.
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/users/service";
import { createActor } from "@/tests/factories";
import { GET as list } from "./route";
import { GET as detail } from "./[code]/route";

const auth = { actor: null as Actor | null, secret: "" };
async function signInAs(actor: Actor) {
  auth.actor = actor;
  auth.secret = (await createApiToken(actor, { name: "test" })).secret;
}
const headers = (lang = "zh-CN"): Record<string, string> =>
  auth.actor ? { "accept-language": lang, authorization: `Bearer ${auth.secret}` } : { "accept-language": lang };

const get = (query: string, lang = "zh-CN") =>
  list(new Request(`http://test/api/v1/regions${query}`, { headers: headers(lang) }));
const one = (code: string) =>
  detail(new Request(`http://test/api/v1/regions/${code}`, { headers: headers() }), {
    params: Promise.resolve({ code }),
  });

describe("GET /api/v1/regions", () => {
  beforeEach(async () => {
    await signInAs(await createActor("131000", ["ANALYST"]));
  });

  it("401 without a session or token", async () => {
    auth.actor = null;
    const res = await get("?parent=130000");
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  });

  it("lists the provinces by default", async () => {
    const res = await get("");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.parent).toEqual({
      code: "000000",
      name: "全国",
      level: "NATION",
      parentCode: null,
      poolingArea: false,
      childCount: 32,
    });
    expect(body.ancestors).toEqual([]);
    expect(body.items).toHaveLength(32);
  });

  it("lists a province's children with the path to it — any signed-in user, not only its own region", async () => {
    await signInAs(await createActor("110000", ["COMPLAINT_HANDLER"]));
    const body = await (await get("?parent=131000")).json();
    expect(body.parent).toMatchObject({ code: "131000", name: "廊坊市", poolingArea: true, childCount: 11 });
    expect(body.ancestors.map((r: { name: string }) => r.name)).toEqual(["全国", "河北省"]);
    expect(body.items[0]).toEqual({
      code: "131002",
      name: "安次区",
      level: "COUNTY",
      parentCode: "131000",
      poolingArea: false,
      childCount: 0,
    });
  });

  it("searches with q, within parent", async () => {
    const body = await (await get(`?q=${encodeURIComponent("廊坊")}`)).json();
    expect(body.scope).toEqual({ code: "000000", name: "全国", level: "NATION" });
    expect(body.items.map((r: { code: string }) => r.code)).toEqual(["131000", "131071"]);
    expect(body.truncated).toBe(false);
    const digits = await (await get("?q=1310&parent=130000&limit=3")).json();
    expect(digits.items.map((r: { code: string }) => r.code)).toEqual(["131000", "131002", "131003"]);
    expect(digits.truncated).toBe(true);
  });

  it("an empty q is a 400 naming it (leave it out to list), like every empty parameter", async () => {
    const res = await get("?parent=130000&q=");
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toEqual([
      { field: "q", code: "validation.emptyParameter", message: "查询参数不能为空（不需要时请省略）" },
    ]);
    expect((await (await get("?parent=130000")).json()).parent.code).toBe("130000");
  });

  it("400 naming the field for a malformed parent, q or limit — translated per Accept-Language", async () => {
    expect((await get("?parent=group:jing-jin-ji")).status).toBe(400);
    const res = await get("?parent=121");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.details).toEqual([
      {
        field: "parent",
        code: "validation.invalidRegionPrefix",
        message: "应为 6 位行政区划代码，或省、市的 2、4 位前缀",
      },
    ]);

    const en = await (await get("?parent=abcdef", "en")).json();
    expect(en.error.details[0].message).toBe(
      "Must be a 6-digit region code, or the 2- or 4-digit prefix of a province or city",
    );

    const long = await (await get(`?q=${"长".repeat(41)}`)).json();
    expect(long.error.details[0]).toMatchObject({ field: "q", code: "validation.tooLong", message: "最多 40 个字符" });

    for (const limit of ["0", "x", "1000", "1.5"]) {
      const res = await get(`?q=1&limit=${limit}`);
      expect(res.status, limit).toBe(400);
      expect((await res.json()).error.details[0].field).toBe("limit");
    }
  });

  it("404 for a well-formed code that does not exist", async () => {
    const res = await get("?parent=999999");
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: "NOT_FOUND", message: "行政区划代码 999999 不存在" });
    expect((await get("?parent=999999&q=x")).status).toBe(404);
  });
});

describe("GET /api/v1/regions/{code}", () => {
  beforeEach(async () => {
    await signInAs(await createActor("130000", ["ANALYST"]));
  });

  it("gives a county with its path, pooling area and (no) children", async () => {
    const res = await one("131002");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      code: "131002",
      name: "安次区",
      level: "COUNTY",
      parentCode: "131000",
      childCount: 0,
      children: [],
    });
    expect(body.ancestors.map((r: { code: string }) => r.code)).toEqual(["000000", "130000", "131000"]);
    expect(body.poolingAreaOf).toEqual({ code: "131000", name: "廊坊市", level: "CITY" });
  });

  it("400 on a malformed code, 404 on an unknown one", async () => {
    const bad = await one("13100");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].field).toBe("code");
    expect((await one("999999")).status).toBe(404);
  });
});
