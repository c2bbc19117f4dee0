// The decode/validate stage alone: lines in, valid rows to the spool, rejections counted and listed.
import { describe, expect, it } from "vitest";
import { settlementCsv } from "@/tests/factories/settlements";
import { ValidationError } from "../../errors";
import { RowDecoder } from "./decode";
import { ChunkSpool, ScratchFiles } from "./spool";
import { newOutcome } from "./types";

const REGIONS = new Set(["110105", "131002", "130100"]);

function decoder() {
  const outcome = newOutcome(7);
  const spool = new ChunkSpool(new ScratchFiles("/nonexistent/unused"), new Set([202503]), 1000, 65536);
  return { d: new RowDecoder({ importId: 7, regions: REGIONS, scopePrefix: "" }, spool, outcome), spool, outcome };
}

/** Every line through the fast path first, as CsvLines does, else the string path. */
function feed(d: RowDecoder, text: string) {
  for (const line of text.split("\n").slice(0, -1)) {
    const buf = Buffer.from(line, "utf8");
    if (!d.onFastLine(buf, 0, buf.length)) d.onLine(line);
  }
}

describe("RowDecoder", () => {
  it("routes records by month (partitioned or fresh), keeps reversals apart and lists rejections by line", () => {
    const { d, spool, outcome } = decoder();
    feed(
      d,
      settlementCsv([
        { settled_at: "2025-03-15T10:00:00+08:00" },
        { settled_at: "2025-04-01T00:10:00+08:00", status: "FAILED" },
        { settled_at: "2025-02-28T16:30:00Z" },
        { visit_region: "999999" },
        { settled_at: "2025-03-16T10:00:00+08:00", status: "REVERSED" },
        { total_cost: "1.00", fund_paid: "2.00" },
      ]),
    );
    expect(outcome).toMatchObject({ rowsRead: 6, rejectedTotal: 2 });
    expect(outcome.rejected.map((r) => [r.row, r.field])).toEqual([
      [5, "visit_region"],
      [7, "fund_paid"],
    ]);
    expect(d.valid).toBe(4);
    // 2025-02-28T16:30Z is 2025-03-01 in Beijing: a partitioned month, like 03-15.
    expect([spool.records.rows, [...spool.records.months]]).toEqual([2, [202503]]);
    expect([spool.fresh.rows, [...spool.fresh.months]]).toEqual([1, [202504]]);
  });

  it("refuses a file whose header misses columns, naming them", () => {
    const { d } = decoder();
    expect(() => d.onLine("settlement_id,settled_at")).toThrow(ValidationError);
    expect(d.sawHeader).toBe(false);
  });
});
