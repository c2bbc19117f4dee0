import { describe, expect, it } from "vitest";
import { chartAxis, chartNumber, figureText, inUnit, niceTicks, pairText, pickUnit, tickText } from "./units";

describe("units by magnitude", () => {
  it("shows small counts in 人次 / visits, whole", () => {
    expect(figureText("count", 6n, "zh-CN")).toEqual({ value: "6", unitKey: "visits" });
    expect(figureText("count", 6n, "en")).toEqual({ value: "6", unitKey: "visits" });
    expect(figureText("count", 99_999n, "zh-CN")).toEqual({ value: "99,999", unitKey: "visits" });
  });

  it("switches to 万人次 from 10 万 (zh) and to thousand / million (en)", () => {
    expect(figureText("count", 2_379_300n, "zh-CN")).toEqual({ value: "237.93", unitKey: "wanVisits" });
    expect(figureText("count", 100_000n, "zh-CN")).toEqual({ value: "10", unitKey: "wanVisits" });
    expect(figureText("count", 350_000n, "en")).toEqual({ value: "350", unitKey: "thousandVisits" });
    expect(figureText("count", 23_793_000n, "en")).toEqual({ value: "23.79", unitKey: "millionVisits" });
  });

  it("shows 1.2 亿 as 1.2 亿元 (120 million CNY), amounts from fen", () => {
    const fen = 120_000_000n * 100n;
    expect(figureText("amount", fen, "zh-CN")).toEqual({ value: "1.2", unitKey: "yiYuan" });
    expect(figureText("amount", fen, "en")).toEqual({ value: "120", unitKey: "millionYuan" });
    expect(figureText("amount", 95_228n, "zh-CN")).toEqual({ value: "952.28", unitKey: "yuan" });
    expect(figureText("amount", 952_280_000n, "zh-CN")).toEqual({ value: "952.28", unitKey: "wanYuan" });
    expect(figureText("amount", 2_000_000_000_000n, "en")).toEqual({ value: "20", unitKey: "billionYuan" });
  });

  it("rounds half away from zero once and drops trailing zeros", () => {
    const wan = pickUnit("count", 1_000_000n, "zh-CN");
    expect(inUnit(12_345n, wan)).toBe("1.23");
    expect(inUnit(12_355n, wan)).toBe("1.24");
    expect(inUnit(10_000n, wan)).toBe("1");
    expect(inUnit(0n, wan)).toBe("0");
    expect(chartNumber(12_345n, wan)).toBe(1.2345);
    expect(inUnit(10_000n, wan, 2, true)).toBe("1.00");
  });

  it("writes a card's figure and last year's in one unit, unless the smaller would be below 1", () => {
    const yi = 120_000_000n * 100n;
    expect(pairText("amount", yi, 150_000_000n * 100n, "zh-CN")).toEqual([
      { value: "1.2", unitKey: "yiYuan" },
      { value: "1.5", unitKey: "yiYuan" },
    ]);
    expect(pairText("amount", 28_799_100n * 100n, 4_259_990n * 100n, "en")[1]).toEqual({
      value: "4.26",
      unitKey: "millionYuan",
    });
    expect(pairText("amount", yi, 42_599_900n * 100n, "zh-CN")[1]).toEqual({ value: "4,259.99", unitKey: "wanYuan" });
    expect(pairText("count", 16_931n, 2_472n, "en")).toEqual([
      { value: "16,931", unitKey: "visits" },
      { value: "2,472", unitKey: "visits" },
    ]);
    expect(pairText("amount", yi, 25_000n * 100n, "zh-CN")[1]).toEqual({ value: "25,000", unitKey: "yuan" });
  });
});

describe("nice ticks", () => {
  it("gives whole ticks for a handful of visits", () => {
    expect(niceTicks(6, { integer: true })).toEqual([0, 2, 4, 6]);
    expect(niceTicks(1, { integer: true })).toEqual([0, 1]);
    expect(niceTicks(3, { integer: true })).toEqual([0, 1, 2, 3]);
  });

  it("rounds to 1, 2, 2.5 or 5 × 10ⁿ", () => {
    expect(niceTicks(1700)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceTicks(0.17)).toEqual([0, 0.05, 0.1, 0.15, 0.2]);
    expect(niceTicks(237.93)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(9.5)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it("labels ticks plainly", () => {
    expect(tickText(2.5)).toBe("2.5");
    expect(tickText(10000)).toBe("10,000");
    expect(tickText(0.1 + 0.2)).toBe("0.3");
  });

  it("chooses a chart's unit by its largest value and leaves nulls out", () => {
    const { unit, axis } = chartAxis("count", [6n, null, 2n], "zh-CN");
    expect(unit.key).toBe("visits");
    expect(axis).toEqual({ unitKey: "visits", ticks: [0, 2, 4, 6] });
    expect(chartAxis("count", [1_500_000n], "zh-CN").axis).toEqual({ unitKey: "wanVisits", ticks: [0, 50, 100, 150] });
  });
});
