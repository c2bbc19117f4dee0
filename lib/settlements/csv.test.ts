import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "./codes";
import {
  CsvLines,
  csvPieces,
  mapHeader,
  recordLine,
  reversalLine,
  splitFields,
  validateRow,
  type ColumnIndex,
  type CsvEncoding,
} from "./csv";

const header = mapHeader(CSV_COLUMNS.join(","));
if (!header.ok) throw new Error("header");
const ctx = {
  index: header.index as ColumnIndex,
  regions: new Set(["110105", "131002", "130100", "310101"]),
  scopePrefix: "",
};
const row = (o: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {}) =>
  CSV_COLUMNS.map(
    (c) =>
      ({
        settlement_id: "S1",
        settled_at: "2023-06-30T16:30:00+00:00",
        visit_region: "110105",
        home_region: "131002",
        institution_code: "h11010500001",
        service_type: "inpatient",
        filing_type: "",
        total_cost: "8568.55",
        fund_paid: "5000",
        status: "SETTLED",
        ...o,
      })[c],
  );

describe("settlement CSV rows", () => {
  it("a valid row becomes a COPY line with the Beijing day and storage codes", () => {
    const r = validateRow(row(), ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.row).toMatchObject({
      beijingDay: "2023-07-01",
      institutionCode: "H11010500001",
      serviceType: 1,
      filingType: 0,
      status: "S",
    });
    expect(r.row).toMatchObject({ totalFen: 856855, fundFen: 500000 });
    expect(recordLine(r.row, 42)).toBe(
      "S1\tS\t2023-06-30T16:30:00+00:00\t2023-07-01\t110105\t131002\tH11010500001\t1\t0\t8568.55\t5000\t42\n",
    );
    expect(reversalLine(7, r.row)).toBe("7\tS1\t2023-06-30T16:30:00+00:00\t2023-07-01\n");
  });

  it("names the first bad field", () => {
    const cases: [Partial<Record<(typeof CSV_COLUMNS)[number], string>>, string, string][] = [
      [{ settlement_id: "" }, "settlement_id", "required"],
      [{ settlement_id: "a b" }, "settlement_id", "settlementId"],
      [{ settled_at: "2023-06-30 10:00" }, "settled_at", "settledAt"],
      [{ visit_region: "11" }, "visit_region", "region"],
      [{ home_region: "999999" }, "home_region", "region"],
      [{ institution_code: "H1" }, "institution_code", "institutionCode"],
      [{ service_type: "DENTAL" }, "service_type", "enum"],
      [{ filing_type: "X" }, "filing_type", "enum"],
      [{ total_cost: "-1" }, "total_cost", "amount"],
      [{ fund_paid: "0.001" }, "fund_paid", "amount"],
      [{ fund_paid: "8568.56" }, "fund_paid", "fundExceedsTotal"],
      [{ status: "" }, "status", "required"],
    ];
    for (const [o, field, key] of cases) {
      const r = validateRow(row(o), ctx);
      expect(r.ok, field).toBe(false);
      if (!r.ok) expect([r.field, r.error.key], JSON.stringify(o)).toEqual([field, `statistics.import.errors.${key}`]);
    }
    expect(validateRow(["a", "b"], ctx)).toMatchObject({ ok: false, field: "row" });
    expect(
      validateRow(row({ visit_region: "310101", home_region: "310101" }), { ...ctx, scopePrefix: "13" }),
    ).toMatchObject({ ok: false, field: "visit_region" });
  });

  it("maps a header in any order and lists missing columns", () => {
    const shuffled = mapHeader(
      "\ufeffStatus,settlement_id,settled_at,visit_region,home_region,institution_code,service_type,filing_type,total_cost,fund_paid,extra",
    );
    expect(shuffled.ok && shuffled.index.status).toBe(0);
    expect(mapHeader("settlement_id,status")).toMatchObject({
      ok: false,
      missing: expect.arrayContaining(["settled_at", "fund_paid"]),
    });
  });

  /** The encoding and the lines of byte pieces as the import reads them (every line through the text path). */
  const readLines = async (pieces: Buffer[]): Promise<[string, string[]]> => {
    let enc: CsvEncoding | null = null;
    const out: string[] = [];
    const lines = new CsvLines(
      () => false,
      (l) => out.push(l),
    );
    for await (const piece of csvPieces(Readable.from(pieces), (e) => (enc = e))) lines.push(piece, enc!);
    lines.end();
    return [enc!, out];
  };

  it("splits quoted fields and lines with CRLF and quoted line breaks", async () => {
    expect(splitFields('a,"b,c","d ""e"""')).toEqual(["a", "b,c", 'd "e"']);
    expect((await readLines(["a,b\r\nc,", '"d\ne"\n', "f"].map((t) => Buffer.from(t))))[1]).toEqual([
      "a,b",
      'c,"d\ne"',
      "f",
    ]);
  });

  it("decodes UTF-8 (with BOM) and GB18030, also when a character is cut between chunks", async () => {
    const text = "机构,备注\n北京,门诊\n";
    const lines = ["机构,备注", "北京,门诊"];
    const utf8 = Buffer.from(text, "utf8");
    expect(await readLines([utf8.subarray(0, 4), utf8.subarray(4)])).toEqual(["utf-8", lines]);
    // The BOM stays on the header line, where mapHeader drops it (tested above).
    expect(await readLines([Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])])).toEqual([
      "utf-8",
      ["\ufeff机构,备注", "北京,门诊"],
    ]);
    const gb = iconv.encode(text, "gb18030");
    expect(await readLines([gb.subarray(0, 3), gb.subarray(3)])).toEqual(["gb18030", lines]);
  });
});

describe("settled_at fast path", () => {
  it("gives the same Beijing day as the full parse, also for half-hour offsets and bad input", async () => {
    const { beijingDayOfText } = await import("./csv");
    const { parseSettledAt } = await import("./time");
    for (const s of [
      "2023-06-30T16:30:00+00:00",
      "2023-06-30T16:29:59Z",
      "2023-06-30T15:59:59Z",
      "2023-06-30T23:59:59+08:00",
      "2023-07-01T01:10:00+0930",
      "2023-06-30T18:15:00-05:45",
      "2023-02-29T10:00:00+08:00",
      "2023-06-30T24:00:00+08:00",
      "2023-06-30T10:60:00+08:00",
      "2023-06-30T10:00:00+15:00",
      "2023-06-30T10:00:00",
    ]) {
      expect(beijingDayOfText(s), s).toBe(parseSettledAt(s)?.beijingDay ?? null);
    }
  });
});
