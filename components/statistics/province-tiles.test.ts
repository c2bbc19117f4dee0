import { describe, expect, it } from "vitest";
import { PROVINCE_TILES } from "./province-tiles";

describe("the province tile grid", () => {
  it("has all 34 provincial-level units (and 兵团), one tile per square", () => {
    const codes = PROVINCE_TILES.map((t) => t.code);
    expect(new Set(codes).size).toBe(35);
    expect(PROVINCE_TILES.filter((t) => t.code !== "66")).toHaveLength(34);
    expect(
      PROVINCE_TILES.filter((t) => t.noData)
        .map((t) => t.zh)
        .sort(),
    ).toEqual(["台湾", "澳门", "香港"].sort());
    expect(new Set(PROVINCE_TILES.map((t) => `${t.col},${t.row}`)).size).toBe(PROVINCE_TILES.length);
  });
});
