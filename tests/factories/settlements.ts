// Settlement CSV fixtures: rows with sensible defaults, overridable per field, and an import
// helper that streams the text through the real import service.
import { Readable } from "node:stream";
import type { Actor } from "../../lib/auth/actor";
import { importSettlements } from "../../lib/settlements/service";
import { CSV_COLUMNS, type CsvColumn } from "../../lib/settlements/codes";

export type SettlementRow = Partial<Record<CsvColumn, string>>;

let seq = 0;

export function settlementRow(overrides: SettlementRow = {}): Record<CsvColumn, string> {
  seq += 1;
  return {
    settlement_id: `T${process.pid}-${Date.now().toString(36)}-${seq}`,
    settled_at: "2025-03-15T10:00:00+08:00",
    visit_region: "110105",
    home_region: "131002",
    institution_code: "H11010500001",
    service_type: "OUTPATIENT",
    filing_type: "",
    total_cost: "100.00",
    fund_paid: "50.00",
    status: "SETTLED",
    ...overrides,
  };
}

export function settlementCsv(rows: SettlementRow[], header: readonly string[] = CSV_COLUMNS): string {
  const lines = [header.join(",")];
  for (const r of rows) {
    const full = settlementRow(r);
    lines.push(header.map((c) => full[c as CsvColumn] ?? "").join(","));
  }
  return lines.join("\n") + "\n";
}

export function bodyOf(text: string | Buffer): AsyncIterable<Uint8Array> {
  return Readable.from([typeof text === "string" ? Buffer.from(text, "utf8") : text]);
}

export async function importCsv(actor: Actor, text: string | Buffer) {
  return importSettlements(actor, bodyOf(text), { source: "api", fileName: "test.csv" });
}
