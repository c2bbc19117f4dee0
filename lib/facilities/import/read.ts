// The read stage of a roster import: the file's bytes as records — XLSX (sniffed from the bytes),
// else CSV in UTF-8 (with or without BOM) or GB18030, parsed a megabyte at a time.
import type { MessageRef } from "../../errors";
import { CsvParser } from "../csv";
import { decodeCsvBytes, looksLikeZip, type CsvEncoding } from "../encoding";
import { readXlsxRows, XLSX_CONTENT_TYPE } from "../xlsx";
import { MAX_IMPORT_BYTES, yieldToLoop } from "./report";

export type RecordSource = {
  format: "csv" | "xlsx";
  encoding: CsvEncoding | null;
  records: AsyncGenerator<{ row: number; values: string[] }>;
  size: number;
};

async function* csvRecords(
  text: string,
  onChars: (n: number) => void,
): AsyncGenerator<{ row: number; values: string[] }> {
  const parser = new CsvParser();
  const CHUNK = 1 << 20;
  let row = 0;
  for (let i = 0; i < text.length; i += CHUNK) {
    for (const values of parser.push(text.slice(i, i + CHUNK))) yield { row: ++row, values };
    onChars(Math.min(text.length, i + CHUNK));
    await yieldToLoop();
  }
  for (const values of parser.end()) yield { row: ++row, values };
}

export function openSource(
  bytes: Uint8Array,
  contentType: string | null,
  onChars: (n: number) => void,
): RecordSource | MessageRef {
  if (bytes.length === 0) return { key: "facilities.import.empty" };
  if (bytes.length > MAX_IMPORT_BYTES)
    return { key: "facilities.import.tooLarge", params: { max: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` } };
  const declaredXlsx = (contentType ?? "").toLowerCase().startsWith(XLSX_CONTENT_TYPE);
  if (looksLikeZip(bytes)) return { format: "xlsx", encoding: null, records: readXlsxRows(bytes), size: bytes.length };
  if (declaredXlsx) return { key: "facilities.import.badXlsx" };
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { key: "facilities.import.wrongEncoding" };
  return {
    format: "csv",
    encoding: decoded.encoding,
    records: csvRecords(decoded.text, onChars),
    size: decoded.text.length,
  };
}
