import { describe, expect, it } from "vitest";
import { ChunkPolicy, MAX_CHUNK_KEYS, MAX_CHUNK_REVERSALS } from "./chunk-policy";

describe("ChunkPolicy", () => {
  it("starts at an eighth of the chunk size and doubles up to it", () => {
    const p = new ChunkPolicy(800);
    const targets = [p.targetRows];
    for (let i = 0; i < 5; i++) {
      p.ended();
      targets.push(p.targetRows);
    }
    expect(targets).toEqual([100, 200, 400, 800, 800, 800]);
    expect(new ChunkPolicy(3).targetRows).toBe(1);
  });

  it("ends at the next month past the target, and at once at twice the target", () => {
    const p = new ChunkPolicy(800);
    expect(p.decide(99, 0, false, 0)).toBe("continue");
    expect(p.decide(100, 0, false, 0)).toBe("endAtMonth");
    expect(p.decide(199, 0, false, 0)).toBe("endAtMonth");
    expect(p.decide(200, 0, false, 0)).toBe("end");
  });

  it("ends on cube keys, a full delta table or many reversals whatever the row count", () => {
    const p = new ChunkPolicy(8_000_000);
    expect(p.decide(1, MAX_CHUNK_KEYS / 2 - 1, false, 0)).toBe("continue");
    expect(p.decide(1, MAX_CHUNK_KEYS / 2, false, 0)).toBe("endAtMonth");
    expect(p.decide(1, MAX_CHUNK_KEYS, false, 0)).toBe("end");
    expect(p.decide(1, 0, true, 0)).toBe("end");
    expect(p.decide(0, 0, false, MAX_CHUNK_REVERSALS - 1)).toBe("continue");
    expect(p.decide(0, 0, false, MAX_CHUNK_REVERSALS)).toBe("end");
  });
});
