// The fast path must agree with the string path (csv.ts) on every line it accepts, and accept the
// plain shape. Lines: generated settlements in several shapes, and each of them mutated byte by byte.
import { describe, expect, it } from "vitest";
import { generateSettlementCsv } from "../../prisma/seed/settlement-generator";
import { CSV_COLUMNS } from "./codes";
import { mapHeader, recordLine, reversalLine, splitFields, validateRow, type ColumnIndex } from "./csv";
import { dayNumber, fastContext, FastRow, institutionCode, institutionNumber, parseFast } from "./fastrow";
import { fastReversalLine, writeRecordLine } from "./fastrow-lines";

const REGIONS = new Set([
  "110105",
  "110108",
  "110101",
  "110102",
  "110106",
  "110112",
  "310101",
  "310104",
  "310105",
  "310106",
  "310110",
  "310115",
  "120101",
  "120103",
  "120104",
  "130102",
  "130104",
  "131002",
  "131003",
  "131082",
  "130602",
  "130705",
  "320102",
  "320505",
  "330106",
  "330102",
  "340104",
  "130100",
  "130200",
  "130600",
  "130700",
  "131000",
  "130900",
  "130400",
  "120000",
  "110000",
  "410100",
  "230100",
  "370100",
  "140100",
  "150100",
  "210100",
  "220100",
  "340100",
  "320100",
  "420100",
  "510100",
  "610100",
  "320500",
  "320200",
  "330100",
  "330200",
  "330300",
  "341200",
  "340200",
  "310000",
  "360100",
  "350100",
  "500000",
  "440100",
  "530100",
  "620100",
  "450100",
]);

function generated(n: number): string[] {
  const text = [
    ...generateSettlementCsv({ rows: n, from: "2024-02-27", to: "2024-03-02", seed: 7, institutionsPerCounty: 3 }),
  ].join("");
  return text.split("\n").slice(1).filter(Boolean);
}

/** Variants of a line in other valid shapes the fast path may or may not take. */
function shapes(line: string): string[] {
  const f = line.split(",");
  const at = f[1]!;
  return [
    line,
    [f[0], at.replace(/\+08:00$/, "+0800"), ...f.slice(2)].join(","),
    [f[0], at.replace(/\+08:00$/, "-05:45"), ...f.slice(2)].join(","),
    [f[0], at.replace(/:\d\d\+08:00$/, "+08"), ...f.slice(2)].join(","),
    [f[0], at.replace(/\+08:00$/, ".123456+14:00"), ...f.slice(2)].join(","),
    [f[0], at.replace(/T(\d\d)/, "T23").replace(/\+08:00$/, "-12:00"), ...f.slice(2)].join(","),
    [...f.slice(0, 7), f[7]!.replace(/\.\d\d$/, ".5"), ...f.slice(8)].join(","),
    [...f.slice(0, 9), f[9], "extra"].join(","),
    line.toLowerCase(),
    ` ${line}`,
  ];
}

function mutations(line: string, seed: number): string[] {
  const out: string[] = [];
  let x = seed;
  const r = (k: number) => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x % k);
  const bytes = '0123456789,.:-+TZ HPSFRE"é\t';
  for (let i = 0; i < 12; i++) {
    const at = r(line.length);
    const c = bytes[r(bytes.length)]!;
    out.push(
      r(3) === 0 ? line.slice(0, at) + line.slice(at + 1) : line.slice(0, at) + c + line.slice(at + (r(2) ? 1 : 0)),
    );
  }
  return out;
}

describe("settlement CSV fast path", () => {
  const header = mapHeader(CSV_COLUMNS.join(","));
  if (!header.ok) throw new Error("header");
  const index = header.index as ColumnIndex;

  it.each([[""], ["13"], ["1101"]])(
    "agrees with the string path on every line it accepts (scope %j)",
    (scopePrefix) => {
      const ctx = fastContext(index, REGIONS, scopePrefix);
      const fr = new FastRow();
      const dst = Buffer.alloc(512);
      let accepted = 0;
      let plain = 0;
      let plainAccepted = 0;
      const lines = generated(400);
      let seed = 1;
      for (const base of lines) {
        for (const [k, line] of [...shapes(base), ...mutations(base, seed++)].entries()) {
          const slow = validateRow(splitFields(line), { index, regions: REGIONS, scopePrefix });
          const bytes = Buffer.from(line, "utf8");
          const fast = parseFast(bytes, 0, bytes.length, ctx, fr);
          if (k === 0) {
            plain++;
            if (fast) plainAccepted++;
          }
          if (!fast) continue;
          accepted++;
          expect(slow.ok, line).toBe(true);
          if (!slow.ok) continue;
          const row = slow.row;
          expect(
            [
              fr.day,
              fr.visit,
              fr.home,
              fr.inst,
              fr.service,
              fr.filing,
              fr.totalFen,
              fr.fundFen,
              ["S", "F", "R"][fr.status],
            ],
            line,
          ).toEqual([
            dayNumber(row.beijingDay),
            Number(row.visitRegion),
            Number(row.homeRegion),
            institutionNumber(row.institutionCode),
            row.serviceType,
            row.filingType,
            row.totalFen,
            row.fundFen,
            row.status,
          ]);
          if (row.status === "R") expect(fastReversalLine(bytes, fr, 9)).toBe(reversalLine(9, row));
          else
            expect(dst.subarray(0, writeRecordLine(bytes, fr, Buffer.from("42"), dst, 0)).toString("utf8")).toBe(
              recordLine(row, 42),
            );
        }
      }
      // Not vacuous: the plain shape of the generator is taken whenever the string path takes it.
      const plainValid = lines.filter(
        (l) => validateRow(splitFields(l), { index, regions: REGIONS, scopePrefix }).ok,
      ).length;
      expect(plainValid).toBeGreaterThan(scopePrefix === "" ? 200 : 20);
      expect(plainAccepted).toBe(plainValid);
      expect(accepted).toBeGreaterThan(plain);
    },
  );

  it("institution numbers round-trip", () => {
    for (const code of ["H11010500001", "P31010499999", "H00000000000", "P99999999999"])
      expect(institutionCode(institutionNumber(code))).toBe(code);
  });
});
