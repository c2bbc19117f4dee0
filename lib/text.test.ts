import { describe, expect, it } from "vitest";
import { z } from "zod";
import { hostileTextPath, isHostileText } from "./text";
import { parseInput, safeParseInput } from "./validation";
import { ValidationError } from "./errors";

describe("the text rule", () => {
  it.each([
    ["NUL", "a\u0000b"],
    ["a C0 control", "a\u0007b"],
    ["DEL", "a\u007fb"],
    ["a lone high surrogate", "a\ud800"],
    ["a lone low surrogate", "\udc00b"],
    ["a reversed pair", "\udc00\ud800"],
    ["a non-character", "x\ufffe"],
    ["a non-character of plane 1", "x\u{1FFFF}"],
    ["a bidi override", "合同\u202e编号"],
    ["a bidi isolate", "\u2066123\u2069"],
  ])("refuses %s", (_, s) => {
    expect(isHostileText(s)).toBe(true);
  });

  it.each([
    ["Chinese text", "北京协和医院（东单院区）"],
    ["tab, line feed, carriage return", "第一行\r\n\t第二行"],
    ["a surrogate pair (emoji, rare CJK)", "𠮷野家 😀"],
    ["left-to-right and right-to-left marks", "abc\u200e\u200f"],
    ["SQL and HTML", "'; DROP TABLE x; -- <script>alert(1)</script>"],
  ])("keeps %s", (_, s) => {
    expect(isHostileText(s)).toBe(false);
  });

  it("names the path of the first hostile string or key, nested", () => {
    expect(hostileTextPath({ a: "ok", b: [{ c: "ok" }, { c: "x\u0000" }] })).toEqual(["b", 1, "c"]);
    expect(hostileTextPath({ ["k\ud800"]: 1 })).toEqual(["k\ud800"]);
    expect(hostileTextPath({ a: 1, b: null, c: [true, "fine"] })).toBeNull();
  });

  it("parseInput answers a 400 naming the field, before the schema runs", () => {
    const schema = z.object({ title: z.string(), notes: z.string().max(3) });
    try {
      parseInput(schema, { title: "a\u0000", notes: "too long" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fieldErrors).toEqual({ title: [{ key: "validation.badCharacters" }] });
    }
    expect(safeParseInput(schema, { title: "x", notes: "\ud800" })).toEqual({
      success: false,
      fieldErrors: { notes: [{ key: "validation.badCharacters" }] },
    });
    expect(safeParseInput(schema, { title: "x", notes: "ok" })).toEqual({
      success: true,
      data: { title: "x", notes: "ok" },
    });
  });
});
