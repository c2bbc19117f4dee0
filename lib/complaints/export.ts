// Export of a queue under its current filter as CSV (UTF-8 with BOM, for Excel on Chinese
// Windows) or XLSX. Same scope and filter as the list; only masked complainant data (the clear
// values are never read here). Capped at EXPORT_LIMIT rows.
import { beijingStamp as stampOf } from "../time/beijing";
import ExcelJS from "exceljs";
import type { Actor } from "../auth/actor";
import { onReadClient } from "../db/replicas";
import type { Translate } from "../i18n";
import { parseInput } from "../validation";
import { toSummaries } from "./queries";
import { listWhere, withRegionPrefixes } from "./list-where";
import { exportQuerySchema } from "./schemas";
import { EXPORT_COLUMNS } from "./codes";
import { requireAnyRole } from "../auth/require-role";
import { COMPLAINT_READER_ROLES } from "../auth/policy";

export const EXPORT_LIMIT = 10_000;
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

/** Beijing time as "2026-11-25 14:03". */
export function beijingStamp(d: Date | null): string {
  return d ? stampOf(d) : "";
}

export function csvCell(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? "" : String(v);
  // Leading =, +, -, @ would run as formulas in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function tableFile(
  name: string,
  format: "csv" | "xlsx",
  header: string[],
  rows: (string | number | null)[][],
): Promise<ExportFile> {
  if (format === "csv") {
    const text = "\uFEFF" + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
    return { filename: `${name}.csv`, contentType: "text/csv; charset=utf-8", body: new TextEncoder().encode(text) };
  }
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(name.slice(0, 31));
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r.map((c) => (c === null ? "" : c)));
  const buf = await wb.xlsx.writeBuffer();
  return { filename: `${name}.xlsx`, contentType: XLSX_TYPE, body: new Uint8Array(buf as ArrayBuffer) };
}

export async function exportComplaints(
  actor: Actor,
  rawInput: unknown,
  t: Translate,
  now = new Date(),
): Promise<ExportFile> {
  requireAnyRole(actor, COMPLAINT_READER_ROLES);
  const input = await withRegionPrefixes(actor, parseInput(exportQuerySchema, rawInput));
  // An export: from a read replica when one is fit (lib/db/replicas.ts).
  const rows = await onReadClient(actor, (db) =>
    db.complaint.findMany({
      where: listWhere(actor, input, now),
      orderBy: [{ createdAt: "desc" }, { number: "desc" }],
      take: EXPORT_LIMIT,
    }),
  );
  const items = await toSummaries(rows, now);
  const header = EXPORT_COLUMNS.map((k) => t(`complaints.export.${k}`));
  const data = items.map((i) => [
    i.number,
    t(`complaints.state.${i.state}`),
    t(`complaints.channel.${i.channel}`),
    t(`complaints.category.${i.category}`),
    t(`complaints.priority.${i.priority}`),
    i.complainantName,
    `${i.homeRegion.name}（${i.homeRegion.code}）`,
    `${i.visitRegion.name}（${i.visitRegion.code}）`,
    i.ownerBureau.name,
    [i.institutionCode, i.institutionName].filter(Boolean).join(" "),
    i.rootCause ? t(`complaints.rootCause.${i.rootCause}`) : "",
    beijingStamp(i.createdAt),
    beijingStamp(i.sla.resolutionDueAt),
    t(`complaints.sla.${i.sla.status}`),
  ]);
  return tableFile(`complaints-${now.toISOString().slice(0, 10)}`, input.format, header, data);
}
