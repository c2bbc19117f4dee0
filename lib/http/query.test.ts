import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError, type FieldErrors } from "../errors";
import {
  checkRange,
  enumList,
  pageParams,
  parseQuery,
  regionListParam,
  regionParam,
  sortParam,
  sortValue,
} from "./query";

const schema = z
  .object({
    region: regionParam.optional(),
    visitRegion: regionListParam.optional(),
    type: enumList(["HOSPITAL", "PHARMACY"], "Types").optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    ...pageParams(20),
  })
  .superRefine((v, ctx) => checkRange(v, ctx));

/** The field errors parseQuery throws for a query string ({} when it accepts it). */
function refusal(qs: string, s: z.ZodObject | null = schema): FieldErrors {
  try {
    parseQuery(new URLSearchParams(qs), s);
    return {};
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldErrors;
    throw e;
  }
}
const keysOf = (errors: FieldErrors) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.map((m) => m.key)]));

describe("parseQuery", () => {
  it("returns the query as given when every parameter is declared and valid", () => {
    expect(parseQuery(new URLSearchParams("region=13&type=HOSPITAL,PHARMACY&page=2"), schema)).toEqual({
      region: "13",
      type: "HOSPITAL,PHARMACY",
      page: "2",
    });
  });

  it("names every unknown parameter, and refuses any parameter where none is declared", () => {
    expect(keysOf(refusal("granularity=day&region=13&x=1"))).toEqual({
      granularity: ["validation.unknownParameter"],
      x: ["validation.unknownParameter"],
    });
    expect(keysOf(refusal("page=1", null))).toEqual({ page: ["validation.unknownParameter"] });
    expect(parseQuery(new URLSearchParams(""), null)).toEqual({});
  });

  it("refuses an empty value instead of treating it as absent", () => {
    expect(keysOf(refusal("visitRegion="))).toEqual({ visitRegion: ["validation.emptyParameter"] });
    expect(keysOf(refusal("type"))).toEqual({ type: ["validation.emptyParameter"] });
  });

  it("refuses a repeated parameter instead of keeping the last value", () => {
    expect(keysOf(refusal("type=HOSPITAL&type=PHARMACY"))).toEqual({ type: ["validation.repeatedParameter"] });
  });

  it("checks the values with the schema once the shape is right", () => {
    expect(keysOf(refusal("type=hospital"))).toEqual({ type: ["validation.invalidEnum"] });
    expect(keysOf(refusal("pageSize=201"))).toEqual({ pageSize: ["validation.tooBig"] });
  });

  it("refuses a reversed range on `to`", () => {
    expect(keysOf(refusal("from=2026-02-01&to=2026-01-31"))).toEqual({ to: ["validation.rangeReversed"] });
    expect(refusal("from=2026-01-31&to=2026-01-31")).toEqual({});
  });
});

describe("comma lists", () => {
  it("refuse empty items and spaces", () => {
    for (const bad of ["13,", ",13", "13,,11", "13 ,11", "13, 11", " 13"]) {
      expect(regionListParam.safeParse(bad).success, bad).toBe(false);
    }
    for (const bad of ["HOSPITAL,", "HOSPITAL,,PHARMACY", "HOSPITAL, PHARMACY"]) {
      expect(enumList(["HOSPITAL", "PHARMACY"], "t").safeParse(bad).success, bad).toBe(false);
    }
  });

  it("keep each item once, in the order given", () => {
    expect(enumList(["HOSPITAL", "PHARMACY"], "t").parse("PHARMACY,HOSPITAL,PHARMACY")).toEqual([
      "PHARMACY",
      "HOSPITAL",
    ]);
  });
});

describe("region parameters", () => {
  it("take a 6-digit code or the 2/4-digit prefix of a province or city, as 6 digits", () => {
    expect(regionParam.parse("13")).toBe("130000");
    expect(regionParam.parse("1301")).toBe("130100");
    expect(regionParam.parse("110105")).toBe("110105");
    expect(regionListParam.parse("13,110105,1301")).toEqual(["130000", "110105", "130100"]);
  });

  it("take a region group as group:<slug>, kept as written, beside codes", () => {
    expect(regionParam.parse("group:jing-jin-ji")).toBe("group:jing-jin-ji");
    expect(regionListParam.parse("13,group:jing-jin-ji")).toEqual(["130000", "group:jing-jin-ji"]);
  });

  it("refuse anything else", () => {
    for (const bad of [
      "1",
      "131",
      "13010",
      "1301001",
      "13a",
      "group:",
      "group:Jing",
      "group:jing--ji",
      "group:-jjj",
      "GROUP:jjj",
      "",
    ]) {
      expect(regionParam.safeParse(bad).success, bad).toBe(false);
      expect(regionListParam.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("sortParam", () => {
  const sorted = z.object({ sort: sortParam(["code", "name", "updatedAt"], "code") });
  const keys = (qs: string) => sorted.parse(Object.fromEntries(new URLSearchParams(qs))).sort;

  it("reads a comma list of fields, `-` for descending, the first the primary key; the default without one", () => {
    expect(keys("sort=-updatedAt,name")).toEqual([
      { field: "updatedAt", desc: true },
      { field: "name", desc: false },
    ]);
    expect(keys("")).toEqual([{ field: "code", desc: false }]);
    expect(sortValue(keys("sort=-updatedAt,name"))).toBe("-updatedAt,name");
  });

  it("refuses a field outside the allow-list naming it, a repeated field and an empty part", () => {
    const errors = refusal("sort=name,-phone", sorted);
    expect(errors).toEqual({
      sort: [{ key: "validation.unknownSortField", params: { field: "phone", fields: "code, name, updatedAt" } }],
    });
    expect(keysOf(refusal("sort=name,-name", sorted))).toEqual({ sort: ["validation.repeatedSortField"] });
    expect(keysOf(refusal("sort=name,", sorted))).toEqual({ sort: ["validation.badList"] });
    expect(keysOf(refusal("sort=--name", sorted))).toEqual({ sort: ["validation.unknownSortField"] });
  });

  it("documents its allow-list as a pattern, with its default", () => {
    const json = z.toJSONSchema(sorted, { io: "input" }) as unknown as {
      properties: { sort: { pattern: string; default: string } };
    };
    expect(json.properties.sort.default).toBe("code");
    const re = new RegExp(json.properties.sort.pattern);
    expect(["code", "-name", "name,-updatedAt"].every((v) => re.test(v))).toBe(true);
    expect(["phone", "name,", "--name", "name -code"].some((v) => re.test(v))).toBe(false);
  });
});
