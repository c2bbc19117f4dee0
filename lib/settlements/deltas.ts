// The cube deltas of one chunk of an import, summed in the parser as rows go by: the finest grain
// of each pair cube (month × visit × home × service × filing; day × visit city × home city ×
// service; month × institution × visit × home × service), so PostgreSQL receives a few hundred
// thousand summed rows per chunk instead of aggregating millions of staged ones. Keys are packed
// into one number from dense per-chunk indexes (regions < 4096, months < 4096): no string is
// built per row. Measures are exact integers (fen) in Float64Arrays (exact below 2^53).
// Pure: no I/O. See docs/decisions/007-statistics.md.
import type { ValidRow } from "./csv";
import { dayNumber, dayText, institutionCode, institutionNumber, monthText } from "./fastrow";

/** The measures of one cube row: visits, total_fen, fund_fen, failures. */
const M = 4;
const R = 4096;

/**
 * Sums by packed key in an open-addressing hash table on typed arrays: no object, no boxed
 * number per key or per row (a Map keyed by numbers above 2^31 allocates on every lookup, and
 * that garbage is most of an import's memory).
 */
class Sums {
  private keys = new Float64Array(1 << 12).fill(-1);
  private slotOf = new Int32Array(1 << 12);
  private m = new Float64Array(1024 * M);
  private n = 0;
  /** Keys in insertion order, for reading out. */
  private order = new Float64Array(1024);

  add(key: number, settled: boolean, totalFen: number, fundFen: number): void {
    const s = this.slot(key);
    const o = s * M;
    const m = this.m;
    if (settled) {
      m[o] = m[o]! + 1;
      m[o + 1] = m[o + 1]! + totalFen;
      m[o + 2] = m[o + 2]! + fundFen;
    } else m[o + 3] = m[o + 3]! + 1;
  }

  /** [key, slot] pairs in insertion order. */
  *entries(): Generator<[number, number]> {
    for (let i = 0; i < this.n; i++) yield [this.order[i]!, i];
  }

  measures(slot: number): string {
    const o = slot * M;
    return `${this.m[o]}\t${this.m[o + 1]}\t${this.m[o + 2]}\t${this.m[o + 3]}`;
  }

  get size(): number {
    return this.n;
  }

  /** The dense slot of `key` (added with zero measures when new). */
  slotOfKey(key: number): number {
    return this.slot(key);
  }

  keyAt(slot: number): number {
    return this.order[slot]!;
  }

  private static hash(key: number, mask: number): number {
    const lo = (key % 4294967296) | 0;
    const hi = Math.floor(key / 4294967296) | 0;
    return Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) & mask;
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = Sums.hash(key, mask); ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === key) return this.slotOf[i]!;
      if (k === -1) {
        const s = this.n++;
        this.keys[i] = key;
        this.slotOf[i] = s;
        if (this.n > this.order.length) {
          this.order = grow(this.order, this.order.length * 2);
          this.m = grow(this.m, this.m.length * 2);
        }
        this.order[s] = key;
        // Kept at most half full.
        if (this.n * 2 > this.keys.length) this.rehash();
        return s;
      }
    }
  }

  private rehash(): void {
    const size = this.keys.length * 2;
    const mask = size - 1;
    const keys = new Float64Array(size).fill(-1);
    const slotOf = new Int32Array(size);
    for (let s = 0; s < this.n; s++) {
      const key = this.order[s]!;
      let i = Sums.hash(key, mask);
      while (keys[i] !== -1) i = (i + 1) & mask;
      keys[i] = key;
      slotOf[i] = s;
    }
    this.keys = keys;
    this.slotOf = slotOf;
  }
}

function grow(a: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

/** Dense indexes of the small integers (below 2^30: no boxing) seen in one chunk. */
class Dense {
  private readonly index = new Map<number, number>();
  readonly values: number[] = [];

  of(v: number): number {
    let i = this.index.get(v);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(v);
      this.index.set(v, i);
    }
    return i;
  }
}

/** Dense indexes of institution numbers (up to 2·10^11: above what a Map keeps unboxed), the last one remembered. */
class DenseInst {
  private readonly index = new Sums();
  private last = -1;
  private lastIndex = -1;

  of(v: number): number {
    if (v === this.last) return this.lastIndex;
    this.last = v;
    this.lastIndex = this.index.slotOfKey(v);
    return this.lastIndex;
  }

  get size(): number {
    return this.index.size;
  }

  value(i: number): number {
    return this.index.keyAt(i);
  }
}

/** Which delta table a COPY text belongs to (lib/settlements/merge.ts DELTA_DDL). */
export type DeltaTable = "d_month" | "d_day" | "d_inst";

export class ChunkDeltas {
  private readonly days = new Dense();
  private readonly months = new Dense();
  /** Month index of each day index. */
  private readonly monthOfDay: number[] = [];
  private readonly regions = new Dense();
  /** City index (first four digits) of each region index. */
  private readonly cityOfRegion: number[] = [];
  private readonly cities = new Dense();
  private readonly institutions = new DenseInst();
  /** (institution, visit region) pairs: an institution sits in one region, so this stays small. */
  private readonly instVisit = new Map<number, number>();
  private readonly instVisitPairs: number[] = [];
  private readonly month = new Sums();
  private readonly day = new Sums();
  private readonly inst = new Sums();

  /** Adds a SETTLED or FAILED row (reversals are not summed here). */
  add(r: ValidRow): void {
    this.addKeys(
      dayNumber(r.beijingDay),
      Number(r.visitRegion),
      Number(r.homeRegion),
      institutionNumber(r.institutionCode),
      r.serviceType,
      r.filingType,
      r.status === "S",
      r.totalFen,
      r.fundFen,
    );
  }

  /**
   * The same from numbers (the parser's fast path): Beijing day as YYYYMMDD, region codes,
   * institution number (fastrow.ts), service and filing codes.
   */
  addKeys(
    day: number,
    visit: number,
    home: number,
    inst: number,
    svc: number,
    fil: number,
    settled: boolean,
    totalFen: number,
    fundFen: number,
  ): void {
    const d = this.dayIndex(day);
    const mo = this.monthOfDay[d]!;
    const v = this.regionIndex(visit);
    const h = this.regionIndex(home);
    if (this.regions.values.length > R) throw new Error("more than 4096 regions in one chunk");
    this.month.add(((mo * R + v) * R + h) * 64 + svc * 8 + fil, settled, totalFen, fundFen);
    this.day.add(((d * R + this.cityOfRegion[v]!) * R + this.cityOfRegion[h]!) * 8 + svc, settled, totalFen, fundFen);
    const iv0 = this.institutions.of(inst) * R + v;
    let iv = this.instVisit.get(iv0);
    if (iv === undefined) {
      iv = this.instVisitPairs.length;
      this.instVisitPairs.push(iv0);
      this.instVisit.set(iv0, iv);
    }
    this.inst.add(((iv * R + h) * 8 + svc) * R + mo, settled, totalFen, fundFen);
  }

  /** Distinct keys held (all three cubes): the chunk ends early when this grows too large. */
  get keys(): number {
    return this.month.size + this.day.size + this.inst.size;
  }

  /** Whether the packed keys have room for no further month (4096 per chunk): the chunk must end. */
  get full(): boolean {
    return this.months.values.length >= R;
  }

  /**
   * The deltas as COPY text for the three delta tables, in pieces of about `pieceChars`:
   * d_month (month, v, h, svc, fil, …), d_day (day, v4, h4, svc, …), d_inst (month, inst, v, h, svc, …),
   * each followed by visits, total_fen, fund_fen, failures.
   */
  *copyText(table: DeltaTable, pieceChars = 1 << 20): Generator<string> {
    let out = "";
    const monthDay = (i: number) => `${monthText(this.months.values[i]!)}-01`;
    const regionTexts = this.regions.values.map((c) => String(c).padStart(6, "0"));
    const cityTexts = this.cities.values.map((c) => String(c).padStart(4, "0"));
    const dayTexts = this.days.values.map(dayText);
    const region = (i: number) => regionTexts[i]!;
    const city = (i: number) => cityTexts[i]!;
    if (table === "d_month") {
      for (const [key, slot] of this.month.entries()) {
        const fil = key % 8;
        const svc = Math.floor(key / 8) % 8;
        const pair = Math.floor(key / 64);
        out += `${monthDay(Math.floor(pair / (R * R)))}\t${region(Math.floor(pair / R) % R)}\t${region(pair % R)}\t${svc}\t${fil}\t${this.month.measures(slot)}\n`;
        if (out.length > pieceChars) {
          yield out;
          out = "";
        }
      }
    } else if (table === "d_day") {
      for (const [key, slot] of this.day.entries()) {
        const svc = key % 8;
        const pair = Math.floor(key / 8);
        out += `${dayTexts[Math.floor(pair / (R * R))]}\t${city(Math.floor(pair / R) % R)}\t${city(pair % R)}\t${svc}\t${this.day.measures(slot)}\n`;
        if (out.length > pieceChars) {
          yield out;
          out = "";
        }
      }
    } else {
      for (const [key, slot] of this.inst.entries()) {
        const mo = key % R;
        const rest = Math.floor(key / R);
        const svc = rest % 8;
        const h = Math.floor(rest / 8) % R;
        const iv0 = this.instVisitPairs[Math.floor(rest / (8 * R))]!;
        out += `${monthDay(mo)}\t${institutionCode(this.institutions.value(Math.floor(iv0 / R)))}\t${region(iv0 % R)}\t${region(h)}\t${svc}\t${this.inst.measures(slot)}\n`;
        if (out.length > pieceChars) {
          yield out;
          out = "";
        }
      }
    }
    if (out) yield out;
  }

  private lastDay = -1;
  private lastDayIndex = -1;
  /** Region code → index + 1 (0: not seen yet): a direct table, no hashing per row. */
  private readonly regionSlot = new Int32Array(1_000_000);

  private dayIndex(day: number): number {
    // Files come mostly in time order: the same day row after row.
    if (day === this.lastDay) return this.lastDayIndex;
    this.lastDay = day;
    this.lastDayIndex = this.dayIndexOf(day);
    return this.lastDayIndex;
  }

  private dayIndexOf(day: number): number {
    const before = this.days.values.length;
    const d = this.days.of(day);
    if (d === before) this.monthOfDay.push(this.months.of(Math.floor(day / 100)));
    return d;
  }

  private regionIndex(code: number): number {
    const known = this.regionSlot[code]!;
    if (known) return known - 1;
    const i = this.regions.of(code);
    this.regionSlot[code] = i + 1;
    this.cityOfRegion.push(this.cities.of(Math.floor(code / 100)));
    return i;
  }
}
