import { describe, expect, it } from "vitest";
import { BINGTUAN_CODE, buildRegionRows, type RegionRow } from "./sync";
import { isWithin, regionPrefix } from "../auth/roles";

const rows = buildRegionRows();
const byCode = new Map(rows.map((r) => [r.code, r]));
const row = (code: string): RegionRow => {
  const r = byCode.get(code);
  if (!r) throw new Error(`no region ${code}`);
  return r;
};

describe("buildRegionRows", () => {
  it("has one national root and nothing else without a parent", () => {
    const roots = rows.filter((r) => r.parentCode === null);
    expect(roots).toEqual([
      { code: "000000", name: "全国", level: "NATION", parentCode: null, prefix: "", poolingArea: false },
    ]);
  });

  it("has the 31 provinces plus 新疆生产建设兵团 at province level, all under the root", () => {
    const provinces = rows.filter((r) => r.level === "PROVINCE");
    expect(provinces).toHaveLength(32);
    expect(provinces.every((p) => p.parentCode === "000000" && /^\d{2}0000$/.test(p.code))).toBe(true);
    expect(row(BINGTUAN_CODE)).toMatchObject({
      name: "新疆生产建设兵团",
      level: "PROVINCE",
      prefix: "66",
      poolingArea: true,
    });
    expect(provinces.filter((p) => p.code !== BINGTUAN_CODE)).toHaveLength(31);
  });

  it("gives every code once, six digits each", () => {
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    expect(rows.every((r) => /^\d{6}$/.test(r.code))).toBe(true);
  });

  it("lists parents before their children, and every parent exists", () => {
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.parentCode !== null)
        expect(seen.has(r.parentCode), `${r.code} ${r.name} before its parent ${r.parentCode}`).toBe(true);
      seen.add(r.code);
    }
  });

  it("keeps levels in order: a child is exactly one level below… or a county under a municipality", () => {
    const depth = { NATION: 0, PROVINCE: 1, CITY: 2, COUNTY: 3 } as const;
    for (const r of rows) {
      if (r.parentCode === null) continue;
      const gap = depth[r.level] - depth[row(r.parentCode).level];
      expect(
        gap === 1 || (gap === 2 && r.level === "COUNTY" && row(r.parentCode).level === "PROVINCE"),
        `${r.code} ${r.name}`,
      ).toBe(true);
    }
  });

  it("hangs a municipality's districts directly off it (北京 → 朝阳区), with no 市辖区 pseudo-city", () => {
    expect(row("110000")).toMatchObject({ name: "北京市", level: "PROVINCE", poolingArea: true });
    expect(row("110105")).toMatchObject({ name: "朝阳区", level: "COUNTY", parentCode: "110000" });
    for (const m of ["11", "12", "31", "50"]) {
      expect(
        rows.some((r) => r.level === "CITY" && r.code.startsWith(m)),
        `city rows under ${m}0000`,
      ).toBe(false);
      expect(rows.filter((r) => r.parentCode === `${m}0000`).length).toBeGreaterThan(5);
    }
    expect(byCode.has("110100")).toBe(false);
  });

  it("makes 廊坊市 a city pooling area under 河北省, with 安次区 below it", () => {
    expect(row("130000")).toMatchObject({ name: "河北省", poolingArea: false });
    expect(row("131000")).toMatchObject({
      name: "廊坊市",
      level: "CITY",
      parentCode: "130000",
      prefix: "1310",
      poolingArea: true,
    });
    expect(row("131002")).toMatchObject({ name: "安次区", level: "COUNTY", parentCode: "131000", poolingArea: false });
  });

  it("lists 东莞市 (a city without counties) once, as a city", () => {
    const dongguan = rows.filter((r) => r.name === "东莞市");
    expect(dongguan).toHaveLength(1);
    expect(dongguan[0]).toMatchObject({ code: "441900", level: "CITY", parentCode: "440000", poolingArea: true });
    expect(rows.some((r) => r.parentCode === "441900")).toBe(false);
  });

  it("makes each county directly under a province (省直辖县级行政区划) its own pooling area", () => {
    const group = row("429000");
    expect(group).toMatchObject({ level: "CITY", poolingArea: false });
    const counties = rows.filter((r) => r.parentCode === "429000");
    expect(counties.length).toBeGreaterThan(0);
    expect(counties.every((c) => c.poolingArea)).toBe(true);
  });

  it("stores the covering prefix, and every code starts with its parent's prefix", () => {
    for (const r of rows) {
      expect(r.prefix, r.code).toBe(regionPrefix(r.code));
      if (r.parentCode === null) continue;
      const parent = row(r.parentCode);
      expect(r.code.startsWith(parent.prefix), `${r.code} under ${parent.code}`).toBe(true);
      expect(isWithin(parent.code, r.code)).toBe(true);
    }
  });
});
