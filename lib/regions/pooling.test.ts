import { describe, expect, it } from "vitest";
import { isPoolingArea, poolingAreaOf } from "./pooling";
import { buildRegionRows } from "./sync";

describe("pooling areas", () => {
  it.each([
    ["110000", true, "北京市: a municipality is one fund"],
    ["110105", false, "朝阳区: a district of a municipality"],
    ["660000", true, "新疆生产建设兵团"],
    ["130000", false, "河北省: a province is not a fund"],
    ["131000", true, "廊坊市: a prefecture-level city"],
    ["131002", false, "安次区: a county of a city"],
    ["441900", true, "东莞市: a city without counties"],
    ["429000", false, "湖北省直辖县级行政区划: a grouping node"],
    ["429004", true, "仙桃市: a county-level city directly under the province"],
    ["659001", true, "石河子市: directly under the autonomous region"],
    ["000000", false, "全国"],
  ])("%s is %s (%s)", (code, expected) => {
    expect(isPoolingArea(code)).toBe(expected);
  });

  it("names the fund a region belongs to", () => {
    expect(poolingAreaOf("131002")).toBe("131000");
    expect(poolingAreaOf("110105")).toBe("110000");
    expect(poolingAreaOf("429004")).toBe("429004");
    expect(poolingAreaOf("429000")).toBeNull();
    expect(poolingAreaOf("130000")).toBeNull();
    expect(poolingAreaOf("12345")).toBeNull();
  });

  it("agrees with every row of the region tree the loader writes", () => {
    const rows = buildRegionRows();
    const disagreeing = rows.filter((r) => r.poolingArea !== isPoolingArea(r.code));
    expect(disagreeing).toEqual([]);
    // The code rule for grouping nodes matches the package's names.
    const groups = rows.filter((r) => r.level === "CITY" && r.name.includes("直辖县级")).map((r) => r.code);
    expect(groups).toEqual(["419000", "429000", "469000", "659000"]);
  });
});
