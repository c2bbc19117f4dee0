import { describe, expect, it } from "vitest";
import { romanize } from "./pinyin";
import { buildSearchEntries, matchClass, MATCH, normalizeQuery, searchEntries } from "./search";
import type { RegionIndexEntry } from "./lookup";

const rows: RegionIndexEntry[] = [
  { code: "000000", name: "全国", level: "NATION", parentCode: null },
  { code: "110000", name: "北京市", level: "PROVINCE", parentCode: "000000" },
  { code: "110105", name: "朝阳区", level: "COUNTY", parentCode: "110000" },
  { code: "120000", name: "天津市", level: "PROVINCE", parentCode: "000000" },
  { code: "120105", name: "河北区", level: "COUNTY", parentCode: "120000" },
  { code: "130000", name: "河北省", level: "PROVINCE", parentCode: "000000" },
  { code: "130100", name: "石家庄市", level: "CITY", parentCode: "130000" },
  { code: "131000", name: "廊坊市", level: "CITY", parentCode: "130000" },
  { code: "131002", name: "安次区", level: "COUNTY", parentCode: "131000" },
  { code: "131082", name: "三河市", level: "COUNTY", parentCode: "131000" },
  { code: "410600", name: "鹤壁市", level: "CITY", parentCode: "410000" },
  { code: "500000", name: "重庆市", level: "PROVINCE", parentCode: "000000" },
  { code: "211300", name: "朝阳市", level: "CITY", parentCode: "210000" },
];
const entries = buildSearchEntries(rows, romanize);
const codes = (q: string, prefix = "", limit = 50) =>
  searchEntries(entries, q, { limit, prefix }).hits.map((h) => h.code);

describe("romanize", () => {
  it("gives tone-less pinyin and initials, word-aware for polyphonic names", () => {
    expect(romanize("河北省")).toEqual({ pinyin: "hebeisheng", initials: "hbs" });
    expect(romanize("重庆市")).toEqual({ pinyin: "chongqingshi", initials: "cqs" });
    expect(romanize("朝阳区").pinyin).toBe("chaoyangqu");
  });
});

describe("normalizeQuery", () => {
  it("lower-cases and drops spaces and apostrophes", () => {
    expect(normalizeQuery("  He Bei ")).toBe("hebei");
    expect(normalizeQuery("Xi'an")).toBe("xian");
    expect(normalizeQuery("lü")).toBe("lv");
  });
});

describe("matchClass", () => {
  const hebei = entries.find((e) => e.code === "130000")!;
  it("classes a hit by the best way it matches", () => {
    expect(matchClass(hebei, "13")).toBe(MATCH.CODE);
    expect(matchClass(hebei, "河北省")).toBe(MATCH.NAME_EXACT);
    expect(matchClass(hebei, "河北")).toBe(MATCH.NAME_PREFIX);
    expect(matchClass(hebei, "北省")).toBe(MATCH.NAME_CONTAINS);
    expect(matchClass(hebei, "hebei")).toBe(MATCH.PINYIN_PREFIX);
    expect(matchClass(hebei, "hbs")).toBe(MATCH.INITIALS_PREFIX);
    expect(matchClass(hebei, "bei")).toBe(MATCH.PINYIN_CONTAINS);
  });
  it("does not match other codes, short pinyin fragments or mixed scripts", () => {
    expect(matchClass(hebei, "11")).toBeNull();
    expect(matchClass(hebei, "13000")).toBe(MATCH.CODE);
    expect(matchClass(hebei, "ei")).toBeNull();
    expect(matchClass(hebei, "he北")).toBeNull();
  });
});

describe("searchEntries", () => {
  it("finds 河北省 first by Chinese name, pinyin, initials and code prefix", () => {
    expect(codes("河北")[0]).toBe("130000");
    expect(codes("hebei")[0]).toBe("130000");
    expect(codes("HeBei")[0]).toBe("130000");
    expect(codes("hbs")).toEqual(["130000", "410600"]); // 鹤壁市 hbs too, a city after the province
    expect(codes("13")).toEqual(["130000", "130100", "131000", "131002", "131082"]);
  });
  it("ranks by match class, then level, then code", () => {
    // 河北区 (天津) matches as well, after the province.
    expect(codes("河北")).toEqual(["130000", "120105"]);
    // "hebi" is 鹤壁 (hebishi), not a prefix of hebei.
    expect(codes("hebi")).toEqual(["410600"]);
    expect(codes("朝阳")).toEqual(["211300", "110105"]);
    // An exact name beats a prefix of a shallower region.
    expect(codes("三河市")).toEqual(["131082"]);
    expect(codes("lf")).toEqual(["131000"]);
    expect(codes("langfang")).toEqual(["131000"]);
  });
  it("keeps to the subtree and the limit, and says when it cut the list", () => {
    expect(codes("朝阳", "11")).toEqual(["110105"]);
    expect(codes("廊坊", "11")).toEqual([]);
    const cut = searchEntries(entries, "1", { limit: 2 });
    expect(cut.hits.map((h) => h.code)).toEqual(["110000", "120000"]);
    expect(cut.truncated).toBe(true);
    expect(searchEntries(entries, "   ", { limit: 5 })).toEqual({ hits: [], truncated: false });
  });
});
