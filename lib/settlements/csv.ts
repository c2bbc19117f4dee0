// The settlement CSV: streaming decode (UTF-8 with or without BOM, or GB18030), line splitting,
// header mapping, and the validation of one row into a line of PostgreSQL COPY text. Written for
// throughput (tens of millions of rows): no per-row zod, no per-row allocation beyond the fields.
// Pure apart from consuming the given byte stream.
import iconv from "iconv-lite";
import type { MessageRef } from "../errors";
import { yuanToFen } from "./amount";
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

const SNIFF = 64 * 1024;

/**
 * The encoding of a file from its first bytes (64 KiB, or all of a smaller file): a UTF-8 BOM or
 * valid UTF-8 → UTF-8 (strict: a bad byte later fails the import), else GB18030. UTF-16 is refused.
 */
export function sniffEncoding(first: Uint8Array): CsvEncoding {
  if (first.length >= 2 && ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff))) {
    throw new CsvEncodingError("UTF-16");
  }
  if (first.length >= 3 && first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return "utf-8";
  try {
    // A multi-byte character may be cut at the end of the sniffed bytes: stream mode allows that.
    new TextDecoder("utf-8", { fatal: true }).decode(first, { stream: true });
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

const toBuffer = (b: Uint8Array): Buffer =>
  Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** The byte pieces of a stream; the encoding is sniffed from the first 64 KiB and reported before the first piece. */
export async function* csvPieces(
  source: AsyncIterable<Uint8Array>,
  onEncoding: (e: CsvEncoding) => void,
): AsyncGenerator<Buffer> {
  const head: Buffer[] = [];
  let headLen = 0;
  const it = source[Symbol.asyncIterator]();
  let done = false;
  while (headLen < SNIFF) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    head.push(toBuffer(r.value));
    headLen += r.value.length;
  }
  onEncoding(sniffEncoding(Buffer.concat(head)));
  yield* head;
  if (!done) for (let r = await it.next(); !r.done; r = await it.next()) yield toBuffer(r.value);
}

/** One line's bytes as text, in the file's encoding (strict UTF-8: a bad byte is a CsvEncodingError). */
function lineDecoder(encoding: CsvEncoding): (b: Uint8Array) => string {
  if (encoding === "gb18030") return (b) => iconv.decode(toBuffer(b), "gb18030");
  // The BOM is kept: mapHeader strips it from the header, anywhere else it is an error.
  const dec = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  return (b) => {
    try {
      return dec.decode(b);
    } catch {
      throw new CsvEncodingError("invalid UTF-8");
    }
  };
}

const NEWLINE = Buffer.from("\n");

function quotes(buf: Uint8Array, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) if (buf[i] === 34) n++;
  return n;
}

/**
 * Lines of byte pieces (LF or CRLF; in UTF-8 and GB18030 a line-feed byte is always a line feed).
 * Each line is offered to `fastLine` as bytes first (fastrow.ts; true = taken); otherwise it is
 * decoded and given to `textLine`. A line with an odd number of quotes continues on the next
 * (a quoted field holding a line break) and goes to `textLine` whole.
 */
export class CsvLines {
  private carry: Buffer | null = null;
  private pending: Buffer[] | null = null;
  private decode: ((b: Uint8Array) => string) | null = null;

  constructor(
    private readonly fastLine: (buf: Buffer, s: number, e: number) => boolean,
    private readonly textLine: (line: string) => void,
  ) {}

  push(piece: Buffer, encoding: CsvEncoding): void {
    this.decode ??= lineDecoder(encoding);
    let start = 0;
    if (this.carry) {
      const nl = piece.indexOf(10);
      if (nl === -1) {
        this.carry = Buffer.concat([this.carry, piece]);
        return;
      }
      const line = Buffer.concat([this.carry, piece.subarray(0, nl)]);
      this.carry = null;
      this.emit(line, 0, line.length);
      start = nl + 1;
    }
    for (let nl = piece.indexOf(10, start); nl !== -1; nl = piece.indexOf(10, start)) {
      this.emit(piece, start, nl);
      start = nl + 1;
    }
    // Copied: the piece's memory is not kept alive by a few trailing bytes.
    if (start < piece.length) this.carry = Buffer.from(piece.subarray(start));
  }

  end(): void {
    if (this.carry) {
      const c = this.carry;
      this.carry = null;
      this.emit(c, 0, c.length);
    }
    if (this.pending) {
      const joined = Buffer.concat(this.pending);
      this.pending = null;
      this.textLine(this.decode!(joined));
    }
  }

  private emit(buf: Buffer, s: number, e: number): void {
    if (e > s && buf[e - 1] === 13) e--;
    if (this.pending) {
      this.pending.push(NEWLINE, Buffer.from(buf.subarray(s, e)));
      if (quotes(buf, s, e) % 2 === 1) {
        const joined = Buffer.concat(this.pending);
        this.pending = null;
        this.textLine(this.decode!(joined));
      }
      return;
    }
    if (this.fastLine(buf, s, e)) return;
    if (quotes(buf, s, e) % 2 === 1) {
      this.pending = [Buffer.from(buf.subarray(s, e))];
      return;
    }
    this.textLine(this.decode!(buf.subarray(s, e)));
  }
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
  if (fields.length < CSV_COLUMNS.length)
    return bad("row", "columnCount", { expected: CSV_COLUMNS.length, got: fields.length });

  const settlementId = cell(fields, index.settlement_id);
  if (!SETTLEMENT_ID_RE.test(settlementId)) return bad("settlement_id", settlementId ? "settlementId" : "required");

  const settledAtText = cell(fields, index.settled_at);
  const beijingDay = beijingDayOfText(settledAtText);
  if (!beijingDay) return bad("settled_at", settledAtText ? "settledAt" : "required");

  const visitRegion = cell(fields, index.visit_region);
  if (!REGION_RE.test(visitRegion) || !ctx.regions.has(visitRegion))
    return bad("visit_region", visitRegion ? "region" : "required");
  const homeRegion = cell(fields, index.home_region);
  if (!REGION_RE.test(homeRegion) || !ctx.regions.has(homeRegion))
    return bad("home_region", homeRegion ? "region" : "required");
  if (ctx.scopePrefix && !visitRegion.startsWith(ctx.scopePrefix) && !homeRegion.startsWith(ctx.scopePrefix)) {
    return bad("visit_region", "outOfScope");
  }

  const instRaw = cell(fields, index.institution_code);
  const institutionCode = instRaw.charCodeAt(0) >= 97 ? instRaw.toUpperCase() : instRaw;
  if (!INSTITUTION_CODE_RE.test(institutionCode))
    return bad("institution_code", institutionCode ? "institutionCode" : "required");

  const service = upper(cell(fields, index.service_type));
  if (!SERVICE_SET.has(service))
    return bad("service_type", service ? "enum" : "required", { allowed: SERVICE_TYPES.join(" | ") });
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
  if (!STATUS_SET.has(status))
    return bad("status", status ? "enum" : "required", { allowed: SETTLEMENT_STATUSES.join(" | ") });

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
