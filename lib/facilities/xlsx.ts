// XLSX in and out with exceljs' streaming reader and writer, so a 100,000-row sheet is read
// row by row and written without building the workbook in memory. Every cell is read back as
// text: dates as YYYY-MM-DD, numbers as written, rich text and formula results as their text.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The text of a cell value as a person typing it would have meant it. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) {
    // exceljs reads date cells as UTC instants of the calendar date.
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  }
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join("");
    if ("result" in o) return cellText(o.result);
    if (typeof o.text === "string") return o.text;
    if ("error" in o) return "";
  }
  return String(v);
}

/** Rows of the first worksheet as text cells, with their sheet row numbers. */
export async function* readXlsxRows(bytes: Uint8Array): AsyncGenerator<{ row: number; values: string[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    {
      worksheets: "emit",
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "cache",
      entries: "ignore",
    },
  );
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const raw = row.values as unknown[];
      const values: string[] = [];
      for (let c = 1; c < raw.length; c++) values.push(cellText(raw[c]));
      yield { row: row.number, values };
    }
    return; // only the first worksheet
  }
}

/**
 * Writes rows into a one-sheet workbook, streaming. Every cell is written as text so codes,
 * phone numbers and dates read back exactly as exported.
 */
export function writeXlsx(sheetName: string, header: string[], rows: AsyncIterable<string[]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  void (async () => {
    try {
      sheet.addRow(header).commit();
      for await (const r of rows) sheet.addRow(r).commit();
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}
