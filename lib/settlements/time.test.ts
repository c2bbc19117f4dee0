import { describe, expect, it } from "vitest";
import { parseSettledAt } from "./time";

describe("Beijing-time bucketing", () => {
  it("shifts any offset to UTC+8 before taking the day, across a month edge", () => {
    expect(parseSettledAt("2023-06-30T23:40:00+08:00")?.beijingDay).toBe("2023-06-30");
    expect(parseSettledAt("2023-06-30T16:00:00+00:00")?.beijingDay).toBe("2023-07-01");
    expect(parseSettledAt("2023-06-30T15:59:59Z")?.beijingDay).toBe("2023-06-30");
    expect(parseSettledAt("2023-12-31T16:00:00.000Z")?.beijingDay).toBe("2024-01-01");
    expect(parseSettledAt("2024-02-28T20:00:00-05:00")?.beijingDay).toBe("2024-02-29");
    expect(parseSettledAt("2023-07-01T01:00:00+09:00")?.beijingDay).toBe("2023-07-01");
    expect(parseSettledAt("2023-07-01T00:30:00+0930")?.beijingDay).toBe("2023-06-30");
  });

  it("refuses timestamps without an offset or impossible ones", () => {
    for (const bad of [
      "2023-06-30T23:40:00",
      "2023-06-30",
      "2023-02-30T10:00:00+08:00",
      "2023-06-30T24:00:00+08:00",
      "1999-12-31T10:00:00+08:00",
      "2023-06-30T10:00:00+15:00",
      "yesterday",
    ]) {
      expect(parseSettledAt(bad), bad).toBeNull();
    }
  });
});
