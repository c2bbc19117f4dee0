import { describe, expect, it } from "vitest";
import type { ValidRow } from "./csv";
import { ChunkDeltas, type DeltaTable } from "./deltas";

const REGIONS = ["110105", "110108", "130102", "131002", "310104", "320506"];
const INSTS = ["H11010500001", "H11010800002", "H13010200003", "H31010400004"];

function rows(n: number): ValidRow[] {
  let x = 7;
  const r = (k: number) => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x % k);
  return Array.from({ length: n }, (_, i) => {
    const totalFen = 100 + r(5_000_000);
    const day = `202${4 + r(2)}-${String(1 + r(12)).padStart(2, "0")}-${String(1 + r(28)).padStart(2, "0")}`;
    return {
      settlementId: `T${i}`,
      status: r(10) === 0 ? "F" : "S",
      settledAt: `${day}T10:00:00+08:00`,
      beijingDay: day,
      visitRegion: REGIONS[r(REGIONS.length)]!,
      homeRegion: REGIONS[r(REGIONS.length)]!,
      institutionCode: INSTS[r(INSTS.length)]!,
      serviceType: 1 + r(4),
      filingType: r(7),
      totalCost: "",
      fundPaid: "",
      totalFen,
      fundFen: Math.floor(totalFen / 2),
    } satisfies ValidRow;
  });
}

/** The same sums the slow way: a string key per row. */
function naive(rs: ValidRow[], table: DeltaTable): string[] {
  const m = new Map<string, number[]>();
  for (const r of rs) {
    const month = `${r.beijingDay.slice(0, 7)}-01`;
    const key =
      table === "d_month"
        ? [month, r.visitRegion, r.homeRegion, r.serviceType, r.filingType]
        : table === "d_day"
          ? [r.beijingDay, r.visitRegion.slice(0, 4), r.homeRegion.slice(0, 4), r.serviceType]
          : [month, r.institutionCode, r.visitRegion, r.homeRegion, r.serviceType];
    const k = key.join("\t");
    const [visits, cost, fund, failures] = m.get(k) ?? [0, 0, 0, 0];
    m.set(
      k,
      r.status === "S"
        ? [visits! + 1, cost! + r.totalFen, fund! + r.fundFen, failures!]
        : [visits!, cost!, fund!, failures! + 1],
    );
  }
  return [...m].map(([k, v]) => `${k}\t${v.join("\t")}`).sort();
}

const lines = (d: ChunkDeltas, t: DeltaTable, piece?: number) =>
  [...d.copyText(t, piece)].join("").split("\n").filter(Boolean).sort();

describe("chunk deltas summed in the parser", () => {
  const rs = rows(20_000);
  const d = new ChunkDeltas();
  for (const r of rs) d.add(r);

  it.each(["d_month", "d_day", "d_inst"] as const)("%s equals a sum by string keys", (t) => {
    const expected = naive(rs, t);
    expect(expected.length).toBeGreaterThan(100);
    expect(lines(d, t)).toEqual(expected);
  });

  it("counts its keys and cuts COPY text into pieces without losing lines", () => {
    expect(d.keys).toBe(naive(rs, "d_month").length + naive(rs, "d_day").length + naive(rs, "d_inst").length);
    expect(lines(d, "d_inst", 100)).toEqual(lines(d, "d_inst"));
    expect([...d.copyText("d_inst", 100)].length).toBeGreaterThan(10);
  });

  it("is full at 4096 distinct months (a chunk must end before a month index overflows its key)", () => {
    const wide = new ChunkDeltas();
    const base = rows(1)[0]!;
    for (let i = 0; i < 4096; i++) {
      expect(wide.full).toBe(false);
      const day = `${String(1000 + Math.floor(i / 12)).padStart(4, "0")}-${String(1 + (i % 12)).padStart(2, "0")}-01`;
      wide.add({ ...base, beijingDay: day });
    }
    expect(wide.full).toBe(true);
  });
});
