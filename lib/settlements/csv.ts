// The settlement CSV: streaming decode (UTF-8 with or without BOM, or GB18030), line splitting,
// header mapping, and the validation of one row into a line of PostgreSQL COPY text. Written for
// throughput (tens of millions of rows): no per-row zod, no per-row allocation beyond the fields.
// Pure apart from consuming the given byte stream.
import iconv from "iconv-lite";
import type { MessageRef } from "../errors";
import { yuanToFen } from "../statistics/decimal";
import { parseSettledAt } from "./time";
import {
  CSV_COLUMNS,
  FILING_TYPES,
  INSTITUTION_CODE_RE,
  SERVICE_TYPES,
  SETTLEMENT_ID_RE,
  SETTLEMENT_STATUSES,
  STATUS_CODE,
  filingCode,
  serviceCode,
  type CsvColumn,
  type FilingType,
  type ServiceType,
  type SettlementStatus,
} from "./codes";

export type CsvEncoding = "utf-8" | "gb18030";

export class CsvEncodingError extends Error {}

/**
 * Text chunks of a byte stream. The encoding is chosen from the first 64 KiB: a UTF-8 BOM or
 * valid UTF-8 → UTF-8 (strict: a bad byte later fails the import), else GB18030.
 */
export async function* decodeCsv(
  source: AsyncIterable<Uint8Array>,
  onEncoding: (e: CsvEncoding) => void = () => undefined,
): AsyncGenerator<string> {
  const SNIFF = 64 * 1024;
  const head: Uint8Array[] = [];
  let headLen = 0;
  const it = source[Symbol.asyncIterator]();
  let done = false;
  while (headLen < SNIFF) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    head.push(r.value);
    headLen += r.value.length;
  }
  const first = Buffer.concat(head);
  let encoding: CsvEncoding = "utf-8";
  if (!(first.length >= 3 && first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf)) {
    try {
      // A multi-byte character may be cut at the end of the sniffed bytes: stream mode allows that.
      new TextDecoder("utf-8", { fatal: true }).decode(first, { stream: true });
    } catch {
      encoding = "gb18030";
    }
  }
  if (first.length >= 2 && ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff))) {
    throw new CsvEncodingError("UTF-16");
  }
  onEncoding(encoding);
  if (encoding === "utf-8") {
    const dec = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
    const decode = (b: Uint8Array, stream: boolean) => {
      try {
        return dec.decode(b, { stream });
      } catch {
        throw new CsvEncodingError("invalid UTF-8");
      }
    };
    yield decode(first, true);
    if (!done) for (let r = await it.next(); !r.done; r = await it.next()) yield decode(r.value, true);
    const tail = decode(new Uint8Array(0), false);
    if (tail) yield tail;
  } else {
    const dec = iconv.getDecoder("gb18030");
    yield dec.write(first);
    if (!done) for (let r = await it.next(); !r.done; r = await it.next()) yield dec.write(Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength));
    const tail = dec.end();
    if (tail) yield tail;
  }
}

/**
 * Splits text chunks into lines (LF or CRLF), synchronously per chunk: no promise per line. A
 * quoted field may hold a line break: a line with an odd number of quotes continues on the next.
 */
export class LineSplitter {
  private rest = "";
  private pending: string | null = null;

  /** Calls `onLine` for every complete line of `chunk`. */
  push(chunk: string, onLine: (line: string) => void): void {
    const text = this.rest + chunk;
    let start = 0;
    for (let nl = text.indexOf("\n", start); nl !== -1; nl = text.indexOf("\n", start)) {
      this.emit(text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl), onLine);
      start = nl + 1;
    }
    this.rest = text.slice(start);
  }

  end(onLine: (line: string) => void): void {
    if (this.rest) this.emit(this.rest.endsWith("\r") ? this.rest.slice(0, -1) : this.rest, onLine);
    this.rest = "";
    if (this.pending !== null) onLine(this.pending);
    this.pending = null;
  }

  private emit(line: string, onLine: (line: string) => void): void {
    if (this.pending !== null) {
      line = `${this.pending}\n${line}`;
      this.pending = null;
    }
    if (line.includes('"') && (line.split('"').length - 1) % 2 === 1) {
      this.pending = line;
      return;
    }
    onLine(line);
  }
}

/** Lines of a text stream (convenience over LineSplitter). */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  const splitter = new LineSplitter();
  const out: string[] = [];
  const collect = (l: string) => out.push(l);
  for await (const chunk of chunks) {
    splitter.push(chunk, collect);
    yield* out.splice(0);
  }
  splitter.end(collect);
  yield* out.splice(0);
}

/** Fields of one CSV line (RFC 4180 quoting; the fast path has no quotes at all). */
export function splitFields(line: string): string[] {
  if (!line.includes('"')) return line.split(",");
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(field);
      field = "";
    } else field += c;
  }
  out.push(field);
  return out;
}

/** Column positions by name, from the header row (any order, case-insensitive; extra columns ignored). */
export type ColumnIndex = Record<CsvColumn, number>;

export function mapHeader(line: string): { ok: true; index: ColumnIndex } | { ok: false; missing: CsvColumn[] } {
  const names = splitFields(line.replace(/^\ufeff/, "")).map((n) => n.trim().toLowerCase());
  const index = {} as ColumnIndex;
  const missing: CsvColumn[] = [];
  for (const col of CSV_COLUMNS) {
    const i = names.indexOf(col);
    if (i === -1) missing.push(col);
    else index[col] = i;
  }
  return missing.length ? { ok: false, missing } : { ok: true, index };
}

export interface RowContext {
  index: ColumnIndex;
  /** Valid region codes (6 digits, national root excluded). */
  regions: ReadonlySet<string>;
  /** The importer's region prefix ("" = national): a row must touch it by visit or home region. */
  scopePrefix: string;
}

export interface ValidRow {
  settlementId: string;
  status: "S" | "F" | "R";
  settledAt: string;
  beijingDay: string;
  visitRegion: string;
  homeRegion: string;
  institutionCode: string;
  serviceType: number;
  filingType: number;
  totalCost: string;
  fundPaid: string;
  /** The amounts in fen (exact integers), for the cubes. */
  totalFen: number;
  fundFen: number;
}

export type RowResult = { ok: true; row: ValidRow } | { ok: false; field: CsvColumn | "row"; error: MessageRef };

const SERVICE_SET = new Set<string>(SERVICE_TYPES);
const FILING_SET = new Set<string>(FILING_TYPES);
const STATUS_SET = new Set<string>(SETTLEMENT_STATUSES);
const REGION_RE = /^\d{6}$/;

// Timestamps repeat their date/hour/offset part endlessly in a file: the Beijing day depends only
// on "YYYY-MM-DDTHH" and the offset, so it is computed once per distinct pair.
const DAY_CACHE = new Map<string, string | null>();
const SETTLED_AT_SHAPE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?(?:Z|z|[+-]\d{2}(?::?\d{2})?)$/;

/** The Beijing day of a settled_at text, or null when invalid. */
export function beijingDayOfText(text: string): string | null {
  if (!SETTLED_AT_SHAPE.test(text)) return null;
  const tz = /(?:Z|z|[+-]\d{2}(?::?\d{2})?)$/.exec(text)![0];
  const key = text.slice(0, 13) + tz;
  let day = DAY_CACHE.get(key);
  if (day === undefined) {
    // Minutes and seconds cannot move the day for whole-hour offsets; for others (e.g. +05:45)
    // the full parse is used every time.
    const wholeHour = tz.length <= 1 || /[+-]\d{2}(?::?00)?$/.test(tz);
    if (!wholeHour) return parseSettledAt(text)?.beijingDay ?? null;
    day = parseSettledAt(`${text.slice(0, 13)}:00:00${tz}`)?.beijingDay ?? null;
    if (DAY_CACHE.size > 200_000) DAY_CACHE.clear();
    DAY_CACHE.set(key, day);
  }
  return day;
}

const bad = (field: CsvColumn | "row", key: string, params?: Record<string, string | number>): RowResult => ({
  ok: false,
  field,
  error: { key: `statistics.import.errors.${key}`, params },
});

/** A field, trimmed only when it needs it (hot path: no closure per row). */
function cell(fields: string[], i: number): string {
  const v = fields[i]!;
  return v.length && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) ? v.trim() : v;
}

const upper = (v: string) => (/[a-z]/.test(v) ? v.toUpperCase() : v);

/** Validates one data row. The first problem found is reported, naming its column. */
export function validateRow(fields: string[], ctx: RowContext): RowResult {
  const { index } = ctx;
  if (fields.length < CSV_COLUMNS.length) return bad("row", "columnCount", { expected: CSV_COLUMNS.length, got: fields.length });

  const settlementId = cell(fields, index.settlement_id);
  if (!SETTLEMENT_ID_RE.test(settlementId)) return bad("settlement_id", settlementId ? "settlementId" : "required");

  const settledAtText = cell(fields, index.settled_at);
  const beijingDay = beijingDayOfText(settledAtText);
  if (!beijingDay) return bad("settled_at", settledAtText ? "settledAt" : "required");

  const visitRegion = cell(fields, index.visit_region);
  if (!REGION_RE.test(visitRegion) || !ctx.regions.has(visitRegion)) return bad("visit_region", visitRegion ? "region" : "required");
  const homeRegion = cell(fields, index.home_region);
  if (!REGION_RE.test(homeRegion) || !ctx.regions.has(homeRegion)) return bad("home_region", homeRegion ? "region" : "required");
  if (ctx.scopePrefix && !visitRegion.startsWith(ctx.scopePrefix) && !homeRegion.startsWith(ctx.scopePrefix)) {
    return bad("visit_region", "outOfScope");
  }

  const instRaw = cell(fields, index.institution_code);
  const institutionCode = instRaw.charCodeAt(0) >= 97 ? instRaw.toUpperCase() : instRaw;
  if (!INSTITUTION_CODE_RE.test(institutionCode)) return bad("institution_code", institutionCode ? "institutionCode" : "required");

  const service = upper(cell(fields, index.service_type));
  if (!SERVICE_SET.has(service)) return bad("service_type", service ? "enum" : "required", { allowed: SERVICE_TYPES.join(" | ") });
  const filing = upper(cell(fields, index.filing_type));
  if (filing && !FILING_SET.has(filing)) return bad("filing_type", "enum", { allowed: FILING_TYPES.join(" | ") });

  const totalText = cell(fields, index.total_cost);
  const total = yuanToFen(totalText);
  if (total === null) return bad("total_cost", totalText ? "amount" : "required");
  const fundText = cell(fields, index.fund_paid);
  const fund = yuanToFen(fundText);
  if (fund === null) return bad("fund_paid", fundText ? "amount" : "required");
  if (fund > total) return bad("fund_paid", "fundExceedsTotal");

  const status = upper(cell(fields, index.status));
  if (!STATUS_SET.has(status)) return bad("status", status ? "enum" : "required", { allowed: SETTLEMENT_STATUSES.join(" | ") });

  return {
    ok: true,
    row: {
      settlementId,
      status: STATUS_CODE[status as SettlementStatus],
      settledAt: settledAtText,
      beijingDay,
      visitRegion,
      homeRegion,
      institutionCode,
      serviceType: serviceCode(service as ServiceType),
      filingType: filingCode((filing || null) as FilingType | null),
      totalCost: totalText,
      fundPaid: fundText,
      totalFen: total,
      fundFen: fund,
    },
  };
}

/** A SETTLED or FAILED row as one line of COPY text (merge.ts RECORD_COLUMNS; no field can hold a tab or backslash). */
export function recordLine(r: ValidRow, importId: number): string {
  return `${r.settlementId}\t${r.status}\t${r.settledAt}\t${r.beijingDay}\t${r.visitRegion}\t${r.homeRegion}\t${r.institutionCode}\t${r.serviceType}\t${r.filingType}\t${r.totalCost}\t${r.fundPaid}\t${importId}\n`;
}

/** A REVERSED row as one line of COPY text for the reversals of a chunk (row_no, settlement_id, settled_at, settled_day). */
export function reversalLine(rowNo: number, r: ValidRow): string {
  return `${rowNo}\t${r.settlementId}\t${r.settledAt}\t${r.beijingDay}\n`;
}
