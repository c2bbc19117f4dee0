import { describe, expect, it } from "vitest";
import { romanize } from "../pinyin";
import { groupMatches } from "./queries";

const group = (slug: string, nameZh: string, nameEn: string) => ({ slug, nameZh, nameEn, ...romanize(nameZh) });

describe("groupMatches", () => {
  const csj = group("chang-san-jiao", "长三角", "Yangtze River Delta");
  const bsx = group("bei-san-xian", "北三县", "Three Northern Counties");
  it("finds a group by Chinese name, pinyin, initials, slug or English name", () => {
    for (const q of ["长三", "changsanjiao", "chang", "csj", "chang-san", "yangtze", "Yangtze River"])
      expect(groupMatches(csj, q), q).toBe(true);
    expect(groupMatches(bsx, "bsx")).toBe(true);
  });
  it("does not match what is not there", () => {
    for (const q of ["京津", "jjj", "an"]) expect(groupMatches(csj, q), q).toBe(false);
  });
});
