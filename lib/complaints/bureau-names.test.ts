import { describe, expect, it } from "vitest";
import type { BureauRef } from "../bureaus/queries";
import { coveringBureau } from "./bureau-names";

const ref = (regionCode: string, name: string): BureauRef => ({
  id: regionCode,
  name,
  nameEn: `${name} (en)`,
  regionCode,
});
const byRegion = new Map(
  [
    ref("000000", "国家医疗保障局"),
    ref("110000", "北京市医疗保障局"),
    ref("131000", "廊坊市医疗保障局"),
    ref("130000", "河北省医疗保障局"),
  ].map((b) => [b.regionCode, b]),
);

describe("coveringBureau", () => {
  it("names the bureau of the region itself", () => {
    expect(coveringBureau(byRegion, "110000")?.name).toBe("北京市医疗保障局");
    expect(coveringBureau(byRegion, "131000")?.name).toBe("廊坊市医疗保障局");
  });
  it("falls back to the city, then the province, then the nation", () => {
    expect(coveringBureau(byRegion, "131002")?.name).toBe("廊坊市医疗保障局");
    expect(coveringBureau(byRegion, "130102")?.name).toBe("河北省医疗保障局");
    expect(coveringBureau(byRegion, "110105")?.name).toBe("北京市医疗保障局");
    expect(coveringBureau(byRegion, "310101")?.name).toBe("国家医疗保障局");
  });
  it("answers null for no or malformed codes", () => {
    expect(coveringBureau(byRegion, null)).toBeNull();
    expect(coveringBureau(byRegion, "13")).toBeNull();
    expect(coveringBureau(new Map(), "110000")).toBeNull();
  });
});
