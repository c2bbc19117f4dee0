import { describe, expect, it } from "vitest";
import {
  divRound,
  fenOf,
  fenToYuan,
  formatAmount,
  formatCount,
  groupThousands,
  growth6,
  percentOf,
  ratio6,
  yuanToFen,
} from "./decimal";

describe("exact money", () => {
  it("parses yuan to fen without floats", () => {
    expect(yuanToFen("952.28")).toBe(95228);
    expect(yuanToFen("0.1")).toBe(10);
    expect(yuanToFen("999999999999.99")).toBe(99999999999999);
    for (const bad of ["", "-1.00", "1.234", "1,000.00", "1e3", "1000000000000.00", " 1"])
      expect(yuanToFen(bad), bad).toBeNull();
    expect(fenOf("123.4")).toBe(12340n);
    expect(fenOf("-5.00")).toBe(-500n);
    expect(fenOf("0")).toBe(0n);
    expect(fenToYuan(95228n)).toBe("952.28");
    expect(fenToYuan(-5n)).toBe("-0.05");
    // 0.1 + 0.2 in fen is exact
    expect(fenToYuan(fenOf("0.10") + fenOf("0.20"))).toBe("0.30");
  });

  it("rounds half away from zero once, at the requested scale", () => {
    expect(divRound(1n, 8n, 2)).toBe("0.13");
    expect(divRound(-1n, 8n, 2)).toBe("-0.13");
    expect(divRound(1n, 3n, 6)).toBe("0.333333");
    expect(divRound(2n, 3n, 6)).toBe("0.666667");
    expect(divRound(-1n, 1_000_000_000n, 6)).toBe("0.000000");
  });
});

describe("ratios and growth to 6 places", () => {
  it("fund payment ratio: 561.16 亿 ÷ 952.28 亿 (published 58.9 %)", () => {
    expect(ratio6(5611600n, 9522800n)).toBe("0.589280");
    expect(percentOf(5611600n, 9522800n, 1)).toBe("58.9");
    // seventh decimal exactly 5: half-up, where a float gives 0.589124
    expect(ratio6(5891245n, 10000000n)).toBe("0.589125");
    expect(ratio6(1n, 0n)).toBeNull();
  });

  it("YoY: 237.93 万 visits at +134.85 % means last year ≈ 101.31 万", () => {
    expect(growth6(2379300n, 1013100n)).toBe("1.348534");
    expect(growth6(3n, 2n)).toBe("0.500000");
    expect(growth6(1n, 2n)).toBe("-0.500000");
    expect(growth6(5n, 0n)).toBeNull();
    expect(growth6(0n, 7n)).toBe("-1.000000");
  });

  it("formats 万人次 / 万元 / 亿元 with fixed decimals", () => {
    expect(formatCount(2379300n, "wan")).toBe("237.93");
    expect(formatCount(2379349n, "wan")).toBe("237.93");
    expect(formatCount(2379350n, "wan")).toBe("237.94");
    expect(formatAmount(9522800000000n, "yi")).toBe("952.28");
    expect(formatAmount(123456789n, "wan")).toBe("123.46");
    expect(groupThousands("1234567.80")).toBe("1,234,567.80");
    expect(groupThousands("-1234")).toBe("-1,234");
  });
});
