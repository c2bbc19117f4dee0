import { describe, expect, it } from "vitest";
import { groupSlugOf, minimalPrefixes } from "./normalize";

describe("minimalPrefixes", () => {
  it("drops members inside another member (河北省 + 廊坊市 = 河北省)", () => {
    expect(minimalPrefixes(["130000", "131000"])).toEqual(["13"]);
    expect(minimalPrefixes(["131000", "130000", "131082"])).toEqual(["13"]);
  });

  it("keeps disjoint members at their own level", () => {
    expect(minimalPrefixes(["310118", "320509", "330421"])).toEqual(["310118", "320509", "330421"]);
    expect(minimalPrefixes(["110000", "120000", "130000"])).toEqual(["11", "12", "13"]);
    expect(minimalPrefixes(["1310", "131082", "320500"])).toEqual(["1310", "3205"]);
  });

  it("a national member covers everything; duplicates count once", () => {
    expect(minimalPrefixes(["000000", "130000"])).toEqual([""]);
    expect(minimalPrefixes(["13", "130000", "13"])).toEqual(["13"]);
  });
});

describe("groupSlugOf", () => {
  it("reads group:<slug> and nothing else", () => {
    expect(groupSlugOf("group:jing-jin-ji")).toBe("jing-jin-ji");
    expect(groupSlugOf("group:Jing")).toBeNull();
    expect(groupSlugOf("group:-a")).toBeNull();
    expect(groupSlugOf("130000")).toBeNull();
    expect(groupSlugOf("group:")).toBeNull();
  });
});
