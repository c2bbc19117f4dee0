// The byte-level fast path of the settlement CSV parser. A line of the file, as bytes, is
// checked and turned into its COPY line and its cube keys without a string per field: at tens of
// millions of rows, building and hashing strings was most of the parser's time.
// It accepts only the plain shape of a row — ASCII, no quotes, no blanks around fields, upper-case
// codes, `settled_at` as YYYY-MM-DDTHH:MM[:SS[.ffffff]] with Z or ±HH[[:]MM] — and declines
// everything else (returns false): that line then goes through the string path (csv.ts
// `validateRow`), which accepts what is valid in any shape and names the field of what is not.
// So declining is always safe; accepting must agree with the string path exactly (csv.test.ts
// checks both paths on the same lines). Pure: no I/O. An accepted row's COPY and reversal lines
// are written by fastrow-lines.ts.
import type { ColumnIndex } from "./csv";
import { MAX_YEAR, MIN_YEAR } from "./time";

/** What the fast path needs to know about the import. */
export interface FastContext {
  index: ColumnIndex;
  /** Field position of each column in CSV_COLUMNS order, and the number of fields needed. */
  positions: number[];
  needed: number;
  /** 1 for every valid region code (6 digits as a number). */
  validRegion: Uint8Array;
  /** The importer's region prefix as a number and its divisor (10^(6 − length)); divisor 0 = national. */
  scopeNum: number;
  scopeDiv: number;
}

export function fastContext(index: ColumnIndex, regions: ReadonlySet<string>, scopePrefix: string): FastContext {
  const validRegion = new Uint8Array(1_000_000);
  for (const r of regions) if (/^\d{6}$/.test(r)) validRegion[Number(r)] = 1;
  const positions = [
    index.settlement_id,
    index.settled_at,
    index.visit_region,
    index.home_region,
    index.institution_code,
    index.service_type,
    index.filing_type,
    index.total_cost,
    index.fund_paid,
    index.status,
  ];
  return {
    index,
    positions,
    needed: Math.max(...positions) + 1,
    validRegion,
    scopeNum: scopePrefix ? Number(scopePrefix) : 0,
    scopeDiv: scopePrefix ? 10 ** (6 - scopePrefix.length) : 0,
  };
}

/** One accepted row; reused for every line (no allocation per row). Byte ranges point into the line's buffer. */
export class FastRow {
  /** 0 SETTLED, 1 FAILED, 2 REVERSED. */
  status = 0;
  idStart = 0;
  idEnd = 0;
  atStart = 0;
  atEnd = 0;
  /** Beijing day as YYYYMMDD. */
  day = 0;
  visit = 0;
  home = 0;
  /** The institution code as a number: H → digits, P → 10^11 + digits. */
  inst = 0;
  instStart = 0;
  service = 0;
  filing = 0;
  totalStart = 0;
  totalEnd = 0;
  fundStart = 0;
  fundEnd = 0;
  totalFen = 0;
  fundFen = 0;
}

const ID_BYTE = new Uint8Array(256);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-") ID_BYTE[c.charCodeAt(0)] = 1;

const isDigit = (b: number) => b >= 48 && b <= 57;

/** Up to `count` digits at `at` as a number, or -1 when one is not a digit. */
function digits(buf: Uint8Array, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const b = buf[i]!;
    if (b < 48 || b > 57) return -1;
    n = n * 10 + (b - 48);
  }
  return n;
}

/** Yuan with up to 12 integer digits and 2 decimals → fen, or -1. */
function fen(buf: Uint8Array, s: number, e: number): number {
  let n = 0;
  let i = s;
  for (; i < e && buf[i] !== 46; i++) {
    const b = buf[i]!;
    if (b < 48 || b > 57) return -1;
    n = n * 10 + (b - 48);
  }
  const intDigits = i - s;
  if (intDigits < 1 || intDigits > 12) return -1;
  if (i === e) return n * 100;
  const frac = e - i - 1;
  if (frac === 1) {
    const d = digits(buf, i + 1, 1);
    return d < 0 ? -1 : n * 100 + d * 10;
  }
  if (frac === 2) {
    const d = digits(buf, i + 1, 2);
    return d < 0 ? -1 : n * 100 + d;
  }
  return -1;
}

/** Whether bytes [s, e) spell `word` (ASCII). */
function spells(buf: Uint8Array, s: number, e: number, word: Uint8Array): boolean {
  if (e - s !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[s + i] !== word[i]) return false;
  return true;
}

const ascii = (w: string) => Uint8Array.from(w, (c) => c.charCodeAt(0));
const SERVICES = ["INPATIENT", "OUTPATIENT", "CHRONIC", "PHARMACY"].map(ascii);
const FILINGS = ["RELOCATED", "RESIDENT", "REFERRAL", "EMERGENCY", "TEMPORARY", "FILING_FREE"].map(ascii);
const STATUSES = ["SETTLED", "FAILED", "REVERSED"].map(ascii);

// The Beijing day of a local date moved by -1, 0 or +1 day, cached by YYYYMMDD × 4 + shift + 1
// (a small integer key); 0 = the local date does not exist (2023-02-30) or is out of range.
const DAY_SHIFT = new Map<number, number>();

function beijingDay(ymd: number, shift: number): number {
  const key = ymd * 4 + shift + 1;
  let day = DAY_SHIFT.get(key);
  if (day === undefined) {
    const y = Math.floor(ymd / 10000);
    const m = Math.floor(ymd / 100) % 100;
    const d = ymd % 100;
    const t = Date.UTC(y, m - 1, d);
    const check = new Date(t);
    if (
      y < MIN_YEAR ||
      y > MAX_YEAR ||
      m < 1 ||
      m > 12 ||
      d < 1 ||
      check.getUTCDate() !== d ||
      check.getUTCMonth() !== m - 1
    )
      day = 0;
    else {
      const b = new Date(t + shift * 86400_000);
      day = b.getUTCFullYear() * 10000 + (b.getUTCMonth() + 1) * 100 + b.getUTCDate();
    }
    if (DAY_SHIFT.size > 100_000) DAY_SHIFT.clear();
    DAY_SHIFT.set(key, day);
  }
  return day;
}

/** settled_at in [s, e) → its Beijing day (YYYYMMDD), or 0 to decline. */
function settledDay(buf: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len < 17 || buf[s + 4] !== 45 || buf[s + 7] !== 45 || buf[s + 10] !== 84 || buf[s + 13] !== 58) return 0;
  const y = digits(buf, s, 4);
  const mo = digits(buf, s + 5, 2);
  const d = digits(buf, s + 8, 2);
  const h = digits(buf, s + 11, 2);
  const mi = digits(buf, s + 14, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || h > 23 || mi > 59) return 0;
  let i = s + 16;
  if (i < e && buf[i] === 58) {
    if (i + 3 > e) return 0;
    const sec = digits(buf, i + 1, 2);
    if (sec < 0 || sec > 59) return 0;
    i += 3;
    if (buf[i] === 46) {
      let n = 0;
      for (i++; i < e && isDigit(buf[i]!); i++) n++;
      if (n < 1 || n > 6) return 0;
    }
  }
  // Offset: Z, or ±HH, ±HHMM, ±HH:MM.
  let offsetMin: number;
  const rest = e - i;
  const sign = buf[i];
  if (rest === 1 && sign === 90) offsetMin = 0;
  else if (sign === 43 || sign === 45) {
    const oh = digits(buf, i + 1, 2);
    let om = 0;
    if (rest === 3) om = 0;
    else if (rest === 5) om = digits(buf, i + 3, 2);
    else if (rest === 6 && buf[i + 3] === 58) om = digits(buf, i + 4, 2);
    else return 0;
    if (oh < 0 || om < 0 || oh > 14 || om > 59) return 0;
    offsetMin = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  } else return 0;
  // Beijing local minutes of the day: local − offset + 8 h; the day moves by at most one.
  const minutes = h * 60 + mi - offsetMin + 480;
  return beijingDay(y * 10000 + mo * 100 + d, minutes < 0 ? -1 : minutes >= 1440 ? 1 : 0);
}

/** 6-digit region code in [s, e) → number, or -1. */
function region(buf: Uint8Array, s: number, e: number, ctx: FastContext): number {
  if (e - s !== 6) return -1;
  const code = digits(buf, s, 6);
  return code >= 0 && ctx.validRegion[code] === 1 ? code : -1;
}

// Field boundaries of the current line (reused).
const starts = new Int32Array(64);
const ends = new Int32Array(64);

/**
 * Parses the line in buf[s, e) (no line break) into `out`. False: decline — the string path
 * decides (it may still accept the line, or it names the error).
 */
export function parseFast(buf: Uint8Array, s: number, e: number, ctx: FastContext, out: FastRow): boolean {
  // Field boundaries; any quote or non-ASCII byte declines.
  let n = 0;
  let fieldStart = s;
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if (b === 44) {
      if (n < 64) {
        starts[n] = fieldStart;
        ends[n] = i;
      }
      n++;
      fieldStart = i + 1;
    } else if (b === 34 || b >= 128) return false;
  }
  if (n < 64) {
    starts[n] = fieldStart;
    ends[n] = e;
  }
  n++;
  if (n < ctx.needed || n > 64) return false;
  const p = ctx.positions;

  // settlement_id
  let fs = starts[p[0]!]!;
  let fe = ends[p[0]!]!;
  if (fe - fs < 1 || fe - fs > 64) return false;
  for (let i = fs; i < fe; i++) if (ID_BYTE[buf[i]!] !== 1) return false;
  out.idStart = fs;
  out.idEnd = fe;

  // settled_at
  fs = starts[p[1]!]!;
  fe = ends[p[1]!]!;
  const day = settledDay(buf, fs, fe);
  if (day === 0) return false;
  out.day = day;
  out.atStart = fs;
  out.atEnd = fe;

  // visit_region, home_region, scope
  const visit = region(buf, starts[p[2]!]!, ends[p[2]!]!, ctx);
  const home = region(buf, starts[p[3]!]!, ends[p[3]!]!, ctx);
  if (visit < 0 || home < 0) return false;
  if (
    ctx.scopeDiv &&
    Math.floor(visit / ctx.scopeDiv) !== ctx.scopeNum &&
    Math.floor(home / ctx.scopeDiv) !== ctx.scopeNum
  )
    return false;
  out.visit = visit;
  out.home = home;

  // institution_code: H or P and 11 digits
  fs = starts[p[4]!]!;
  fe = ends[p[4]!]!;
  if (fe - fs !== 12) return false;
  const letter = buf[fs];
  const num = digits(buf, fs + 1, 11);
  if ((letter !== 72 && letter !== 80) || num < 0) return false;
  out.inst = letter === 80 ? 1e11 + num : num;
  out.instStart = fs;

  // service_type, filing_type
  fs = starts[p[5]!]!;
  fe = ends[p[5]!]!;
  let svc = 0;
  for (let k = 0; k < SERVICES.length; k++) if (spells(buf, fs, fe, SERVICES[k]!)) svc = k + 1;
  if (svc === 0) return false;
  out.service = svc;
  fs = starts[p[6]!]!;
  fe = ends[p[6]!]!;
  let fil = 0;
  if (fe > fs) {
    for (let k = 0; k < FILINGS.length; k++) if (spells(buf, fs, fe, FILINGS[k]!)) fil = k + 1;
    if (fil === 0) return false;
  }
  out.filing = fil;

  // total_cost, fund_paid
  fs = starts[p[7]!]!;
  fe = ends[p[7]!]!;
  const total = fen(buf, fs, fe);
  if (total < 0) return false;
  out.totalStart = fs;
  out.totalEnd = fe;
  fs = starts[p[8]!]!;
  fe = ends[p[8]!]!;
  const fund = fen(buf, fs, fe);
  if (fund < 0 || fund > total) return false;
  out.fundStart = fs;
  out.fundEnd = fe;
  out.totalFen = total;
  out.fundFen = fund;

  // status
  fs = starts[p[9]!]!;
  fe = ends[p[9]!]!;
  let st = -1;
  for (let k = 0; k < STATUSES.length; k++) if (spells(buf, fs, fe, STATUSES[k]!)) st = k;
  if (st < 0) return false;
  out.status = st;
  return true;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** YYYYMMDD → "YYYY-MM-DD". */
export const dayText = (day: number): string =>
  `${Math.floor(day / 10000)}-${pad2(Math.floor(day / 100) % 100)}-${pad2(day % 100)}`;

/** YYYYMM → "YYYY-MM". */
export const monthText = (month: number): string => `${Math.floor(month / 100)}-${pad2(month % 100)}`;

/** "YYYY-MM-DD" → YYYYMMDD. */
export const dayNumber = (day: string): number =>
  Number(day.slice(0, 4)) * 10000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));

/** An institution code that passed INSTITUTION_CODE_RE → its number (FastRow.inst). */
export const institutionNumber = (code: string): number => (code[0] === "P" ? 1e11 : 0) + Number(code.slice(1));

/** FastRow.inst → the institution code. */
export const institutionCode = (n: number): string => (n >= 1e11 ? "P" : "H") + String(n % 1e11).padStart(11, "0");
