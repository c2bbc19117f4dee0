import { describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { NotFoundError, ValidationError } from "../errors";
import {
  countByLevel,
  requireAncestors,
  requireRegion,
  requireRegionDetail,
  listChildren,
  regionCodeFilter,
  searchRegions,
  subtreeWhere,
} from "./queries";

const LANGFANG_COUNTIES = 11;

describe("region tree reads", () => {
  it("lists 河北省's cities by code, 廊坊市 a pooling area with its county count", async () => {
    const children = await listChildren("130000");
    expect(children.map((c) => c.code)).toEqual([...children.map((c) => c.code)].sort());
    expect(children.every((c) => c.level === "CITY" && c.parentCode === "130000")).toBe(true);
    const langfang = children.find((c) => c.code === "131000");
    expect(langfang).toEqual({
      code: "131000",
      name: "廊坊市",
      level: "CITY",
      parentCode: "130000",
      poolingArea: true,
      childCount: LANGFANG_COUNTIES,
    });
  });

  it("lists the provinces under the national root, and districts straight under 北京市", async () => {
    const provinces = await listChildren("000000");
    expect(provinces).toHaveLength(32);
    expect(provinces.find((p) => p.code === "660000")).toMatchObject({ name: "新疆生产建设兵团", poolingArea: true });
    const beijing = await listChildren("110000");
    expect(beijing.find((d) => d.code === "110105")).toMatchObject({ name: "朝阳区", level: "COUNTY", childCount: 0 });
  });

  it("gives the breadcrumb of 安次区 as 全国 → 河北省 → 廊坊市 → 安次区", async () => {
    const path = await requireAncestors("131002");
    expect(path.map((r) => r.name)).toEqual(["全国", "河北省", "廊坊市", "安次区"]);
    expect(path.map((r) => r.level)).toEqual(["NATION", "PROVINCE", "CITY", "COUNTY"]);
    expect(await requireAncestors("000000")).toEqual([{ code: "000000", name: "全国", level: "NATION" }]);
    expect((await requireAncestors("110105")).map((r) => r.code)).toEqual(["000000", "110000", "110105"]);
  });

  it("details a county with its pooling area, a province with none", async () => {
    const anci = await requireRegionDetail("131002");
    expect(anci).toMatchObject({ code: "131002", name: "安次区", childCount: 0, children: [] });
    expect(anci.ancestors.map((r) => r.code)).toEqual(["000000", "130000", "131000"]);
    expect(anci.poolingAreaOf).toEqual({ code: "131000", name: "廊坊市", level: "CITY" });
    const hebei = await requireRegionDetail("130000");
    expect(hebei.poolingAreaOf).toBeNull();
    expect(hebei.childCount).toBe(hebei.children.length);
    expect((await requireRegionDetail("110105")).poolingAreaOf?.code).toBe("110000");
  });

  it("finds 廊坊市 by name and by code prefix, each hit with its path", async () => {
    const byName = await searchRegions("廊坊");
    expect(byName.items[0]).toMatchObject({ code: "131000", name: "廊坊市" });
    expect(byName.items[0]!.path.map((r) => r.name)).toEqual(["全国", "河北省"]);
    expect(byName.truncated).toBe(false);

    const byCode = await searchRegions("1310");
    expect(byCode.items.map((r) => r.code)).toEqual([
      "131000",
      "131002",
      "131003",
      "131022",
      "131023",
      "131024",
      "131025",
      "131026",
      "131028",
      "131071",
      "131081",
      "131082",
    ]);
    expect(byCode.items.find((r) => r.code === "131002")!.path.map((r) => r.code)).toEqual([
      "000000",
      "130000",
      "131000",
    ]);
  });

  it("searches within a subtree, orders by level, and says when it cut the list", async () => {
    const chaoyang = await searchRegions("朝阳");
    expect(chaoyang.items.map((r) => r.code)).toEqual(expect.arrayContaining(["211300", "110105"]));
    expect(chaoyang.items[0]!.level).toBe("CITY");
    expect((await searchRegions("朝阳", 50, "110000")).items.map((r) => r.code)).toEqual(["110105"]);
    expect((await searchRegions("廊坊", 50, "110000")).items).toEqual([]);

    const cut = await searchRegions("区", 5);
    expect(cut.items).toHaveLength(5);
    expect(cut.truncated).toBe(true);
    expect(await searchRegions("   ")).toEqual({ items: [], truncated: false });
  });

  it("counts regions by level nationally and within a province", async () => {
    const all = await countByLevel();
    expect(all.provinces).toBe(32);
    expect(all.cities).toBeGreaterThan(330);
    expect(all.counties).toBeGreaterThan(2800);
    expect(all.cityGroups).toBeGreaterThanOrEqual(3);
    expect(all.poolingAreas).toBeGreaterThan(all.cities - all.cityGroups);
    const hebei = await countByLevel("130000");
    expect(hebei).toMatchObject({ provinces: 1, cities: 11, cityGroups: 0, poolingAreas: 11 });
  });

  it("turns a 2/4/6-digit code into its subtree, for reuse by other domains", async () => {
    expect(await prisma.region.count({ where: subtreeWhere("1310") })).toBe(1 + LANGFANG_COUNTIES);
    expect(await prisma.region.count({ where: subtreeWhere("131000") })).toBe(1 + LANGFANG_COUNTIES);
    expect(await prisma.region.count({ where: subtreeWhere("131002") })).toBe(1);
    const hebei = await prisma.region.count({ where: subtreeWhere("13") });
    expect(await prisma.region.count({ where: { code: regionCodeFilter("130000") } })).toBe(hebei);
    expect(await prisma.region.count({ where: subtreeWhere("000000") })).toBe(await prisma.region.count());
    expect(regionCodeFilter("000000")).toBeUndefined();
    expect(() => subtreeWhere("131")).toThrow(ValidationError);
  });

  it("answers NotFound for an unknown or malformed code", async () => {
    for (const code of ["999999", "131099", "abc"]) {
      await expect(requireRegion(code)).rejects.toBeInstanceOf(NotFoundError);
      await expect(requireAncestors(code)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listChildren(code)).rejects.toBeInstanceOf(NotFoundError);
      await expect(requireRegionDetail(code)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
