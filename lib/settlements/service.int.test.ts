// Import against a real PostgreSQL: idempotency, reversals, Beijing-time bucketing at the month
// edge, rejections naming row and field, and region scope of the importer.
import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { createActor } from "../../tests/factories";
import { importCsv, settlementCsv, settlementRow } from "../../tests/factories/settlements";
import { getSeries, getSummary } from "../statistics/queries";
import { filtersSchema } from "../statistics/schemas";
import { pgPool } from "../db/pg";
import { ForbiddenError, ValidationError } from "../errors";

const filters = (from: string, to: string, extra: Record<string, string> = {}) =>
  filtersSchema.parse({ from, to, ...extra });

describe("settlement import", () => {
  it("re-importing the same file, or an overlapping one, never double-counts", async () => {
    const analyst = await createActor("000000", ["ANALYST"]);
    const rows = [1, 2, 3].map((i) =>
      settlementRow({
        settlement_id: `DUP-${i}`,
        settled_at: "2001-05-10T09:00:00+08:00",
        total_cost: "10.00",
        fund_paid: "6.00",
      }),
    );
    const first = await importCsv(analyst, settlementCsv(rows));
    expect(first).toMatchObject({ rowsRead: 3, accepted: 3, duplicates: 0, rejectedTotal: 0 });
    const again = await importCsv(analyst, settlementCsv(rows));
    expect(again).toMatchObject({ accepted: 0, duplicates: 3 });
    // Overlap: two old rows, one new; plus the new row repeated inside the file.
    const extra = settlementRow({
      settlement_id: "DUP-4",
      settled_at: "2001-05-11T09:00:00+08:00",
      total_cost: "10.00",
      fund_paid: "6.00",
    });
    const overlap = await importCsv(analyst, settlementCsv([rows[1]!, rows[2]!, extra, extra]));
    expect(overlap).toMatchObject({ accepted: 1, duplicates: 3 });
    const s = await getSummary(analyst, filters("2001-05", "2001-05"));
    expect(s.current).toEqual({ visits: 4n, totalCost: 4000n, fundPaid: 2400n, failures: 0n });
    const raw = await pgPool().query(
      "select count(*)::int as n from stats.settlement where settlement_id like 'DUP-%'",
    );
    expect(raw.rows[0].n).toBe(4);
  });

  it("a REVERSED row cancels the SETTLED one, in the same file or a later one, and FAILED rows only count as failures", async () => {
    const analyst = await createActor("000000", ["ANALYST"]);
    const at = "2002-07-01T12:00:00+08:00";
    const file1 = settlementCsv([
      { settlement_id: "REV-1", settled_at: at, total_cost: "300.00", fund_paid: "200.00" },
      { settlement_id: "REV-2", settled_at: at, total_cost: "50.50", fund_paid: "20.25" },
      {
        settlement_id: "REV-2",
        settled_at: "2002-07-02T08:00:00+08:00",
        total_cost: "50.50",
        fund_paid: "20.25",
        status: "REVERSED",
      },
      { settlement_id: "REV-3", settled_at: at, total_cost: "80.00", fund_paid: "0.00", status: "FAILED" },
    ]);
    const r1 = await importCsv(analyst, file1);
    expect(r1).toMatchObject({ accepted: 4, reversals: 1 });
    let s = await getSummary(analyst, filters("2002-07", "2002-07"));
    expect(s.current).toEqual({ visits: 1n, totalCost: 30000n, fundPaid: 20000n, failures: 1n });

    // A reversal in a later file, dated next month, cancels July's record (not August's).
    const r2 = await importCsv(
      analyst,
      settlementCsv([
        {
          settlement_id: "REV-1",
          settled_at: "2002-08-03T08:00:00+08:00",
          total_cost: "300.00",
          fund_paid: "200.00",
          status: "REVERSED",
        },
      ]),
    );
    expect(r2).toMatchObject({ accepted: 1, reversals: 1 });
    s = await getSummary(analyst, filters("2002-07", "2002-08"));
    expect(s.current).toEqual({ visits: 0n, totalCost: 0n, fundPaid: 0n, failures: 1n });
    // Re-sending the reversal changes nothing.
    expect(
      await importCsv(
        analyst,
        settlementCsv([{ settlement_id: "REV-1", settled_at: "2002-08-03T08:00:00+08:00", status: "REVERSED" }]),
      ),
    ).toMatchObject({ accepted: 0, duplicates: 1, reversals: 0 });
    // A SETTLED arriving after its reversal enters cancelled.
    await importCsv(
      analyst,
      settlementCsv([{ settlement_id: "REV-4", settled_at: "2002-09-01T08:00:00+08:00", status: "REVERSED" }]),
    );
    const late = await importCsv(
      analyst,
      settlementCsv([{ settlement_id: "REV-4", settled_at: "2002-08-20T08:00:00+08:00" }]),
    );
    expect(late).toMatchObject({ accepted: 1, reversals: 1 });
    s = await getSummary(analyst, filters("2002-08", "2002-08"));
    expect(s.current.visits).toBe(0n);
  });

  it("buckets by Beijing time: +00:00 late on the last day of a month is the next month", async () => {
    const analyst = await createActor("000000", ["ANALYST"]);
    await importCsv(
      analyst,
      settlementCsv([
        { settlement_id: "TZ-1", settled_at: "2003-01-31T16:30:00+00:00" }, // 2003-02-01 00:30 Beijing
        { settlement_id: "TZ-2", settled_at: "2003-01-31T15:59:59Z" }, // 2003-01-31 23:59:59 Beijing
        { settlement_id: "TZ-3", settled_at: "2003-01-31T23:59:00+08:00" },
        { settlement_id: "TZ-4", settled_at: "2003-02-28T20:00:00-05:00" }, // 2003-03-01 09:00 Beijing
      ]),
    );
    expect((await getSummary(analyst, filters("2003-01", "2003-01"))).current.visits).toBe(2n);
    expect((await getSummary(analyst, filters("2003-02", "2003-02"))).current.visits).toBe(1n);
    expect((await getSummary(analyst, filters("2003-03", "2003-03"))).current.visits).toBe(1n);
    const days = await getSeries(analyst, filters("2003-02", "2003-02"), "DAY");
    expect(days.find((d) => d.bucket === "2003-02-01")!.current.visits).toBe(1n);
    const stored = await pgPool().query(
      "select settled_day::text as d from stats.settlement where settlement_id = 'TZ-1'",
    );
    expect(stored.rows[0].d).toBe("2003-02-01");
  });

  it("rejects bad rows naming the line and the field; the rest is imported", async () => {
    const analyst = await createActor("000000", ["ANALYST"]);
    const res = await importCsv(
      analyst,
      settlementCsv([
        { settlement_id: "BAD-1", settled_at: "2004-01-01T10:00:00+08:00" },
        { settlement_id: "BAD-2", settled_at: "2004-01-01 10:00:00" },
        { settlement_id: "BAD-3", visit_region: "999999", settled_at: "2004-01-01T10:00:00+08:00" },
        { settlement_id: "BAD-4", total_cost: "10.00", fund_paid: "10.01", settled_at: "2004-01-01T10:00:00+08:00" },
        { settlement_id: "BAD-5", total_cost: "1.234", settled_at: "2004-01-01T10:00:00+08:00" },
        { settlement_id: "BAD-6", service_type: "DENTAL", settled_at: "2004-01-01T10:00:00+08:00" },
        { settlement_id: "BAD-7", filing_type: "SOMETIMES", settled_at: "2004-01-01T10:00:00+08:00" },
        { settlement_id: "BAD-8", status: "PENDING", settled_at: "2004-01-01T10:00:00+08:00" },
        { settlement_id: "BAD-9", institution_code: "X123", settled_at: "2004-01-01T10:00:00+08:00" },
      ]),
    );
    expect(res.accepted).toBe(1);
    expect(res.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, "settled_at"],
      [4, "visit_region"],
      [5, "fund_paid"],
      [6, "total_cost"],
      [7, "service_type"],
      [8, "filing_type"],
      [9, "status"],
      [10, "institution_code"],
    ]);
  });

  it("reads GB18030 and refuses a file without the header", async () => {
    const analyst = await createActor("000000", ["ANALYST"]);
    // A Chinese extra column makes the file non-UTF-8 once encoded in GB18030.
    const text = settlementCsv([{ settlement_id: "GB-1", settled_at: "2004-06-01T10:00:00+08:00" }])
      .replace("status\n", "status,备注\n")
      .replace(/SETTLED\n$/, "SETTLED,门诊\n");
    const res = await importCsv(analyst, iconv.encode(text, "gb18030"));
    expect(res).toMatchObject({ encoding: "gb18030", accepted: 1 });
    await expect(importCsv(analyst, "a,b,c\n1,2,3\n")).rejects.toBeInstanceOf(ValidationError);
  });

  it("an analyst imports only rows touching their region; other roles cannot import", async () => {
    const hebei = await createActor("130000", ["ANALYST"]);
    const res = await importCsv(
      hebei,
      settlementCsv([
        {
          settlement_id: "SC-1",
          visit_region: "110105",
          home_region: "131002",
          settled_at: "2005-01-01T10:00:00+08:00",
        },
        {
          settlement_id: "SC-2",
          visit_region: "310101",
          home_region: "320100",
          settled_at: "2005-01-01T10:00:00+08:00",
        },
      ]),
    );
    expect(res.accepted).toBe(1);
    expect(res.rejected).toEqual([
      { row: 3, field: "visit_region", error: { key: "statistics.import.errors.outOfScope", params: undefined } },
    ]);
    const admin = await createActor("130000", ["ADMIN"]);
    await expect(importCsv(admin, settlementCsv([{}]))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
