// Data coverage (decision 015): which months hold settlement data for which provinces, and what
// that means for a question. Pure; the map is read from the province scope cube by
// coverage-query.ts. A month is covered for a question when every province the question is
// about has data that month; comparisons (YoY, MoM) are made only when both sides are covered.
import { beijingMonth } from "../time/beijing";
import { addMonths, type Filters } from "./schemas";

/** Months ("YYYY-MM") with data, by province key ("13"); the months of any province under "". */
export type CoverageMap = ReadonlyMap<string, ReadonlySet<string>>;

export function coverageMapOf(rows: { key: string; month: string }[]): CoverageMap {
  const map = new Map<string, Set<string>>([["", new Set()]]);
  for (const r of rows) {
    const set = map.get(r.key) ?? new Set<string>();
    set.add(r.month);
    map.set(r.key, set);
    map.get("")!.add(r.month);
  }
  return map;
}

const province = (code: string) => code.slice(0, 2);

/**
 * The provinces a question is about: those of its region filters and of its institution (the
 * code's county, H/P + 6 digits), else the actor's own province, else "" (national: any data).
 */
export function coverageKeys(scope: string, f: Pick<Filters, "visitRegion" | "homeRegion" | "institution">): string[] {
  const keys = new Set<string>();
  for (const r of [...f.visitRegion, ...f.homeRegion]) keys.add(province(r));
  if (f.institution) keys.add(f.institution.slice(1, 3));
  if (!keys.size && scope) keys.add(province(scope));
  return keys.size ? [...keys].sort() : [""];
}

/** Months covered for every one of `keys`. */
export function coveredMonths(map: CoverageMap, keys: string[]): Set<string> {
  const sets = keys.map((k) => map.get(k) ?? new Set<string>());
  const [first, ...rest] = sets;
  return new Set([...(first ?? [])].filter((m) => rest.every((s) => s.has(m))));
}

export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

export interface RangeCoverage {
  from: string;
  to: string;
  complete: boolean;
  /** Months of the range without data */
  missing: string[];
}

export function rangeCoverage(covered: ReadonlySet<string>, from: string, to: string): RangeCoverage {
  const missing = monthsOf(from, to).filter((m) => !covered.has(m));
  return { from, to, complete: missing.length === 0, missing };
}

/**
 * Whether a comparison (YoY, MoM) may be made: "ok", or why not — some month of the period itself
 * has no data, or some month of the base has none. (A complete base of zero still gives no ratio.)
 */
export type ComparisonStatus = "ok" | "incompletePeriod" | "incompleteBase";
export const COMPARISON_STATUSES = ["ok", "incompletePeriod", "incompleteBase"] as const;

export function comparisonStatus(period: RangeCoverage, base: RangeCoverage): ComparisonStatus {
  if (!period.complete) return "incompletePeriod";
  return base.complete ? "ok" : "incompleteBase";
}

/** The last month with data, or null. */
export function lastMonth(covered: ReadonlySet<string>): string | null {
  let last: string | null = null;
  for (const m of covered) if (last === null || m > last) last = m;
  return last;
}

/** The current calendar month in Beijing time (UTC+8): never complete. */
export function currentMonth(now: Date): string {
  return beijingMonth(now);
}

/**
 * The default period: the 12 months up to the last complete month that has data (a month before
 * the current Beijing month); without any, the 12 months up to last month.
 */
export function defaultPeriodOf(covered: ReadonlySet<string>, now: Date): { from: string; to: string } {
  const running = currentMonth(now);
  const done = new Set([...covered].filter((m) => m < running));
  const to = lastMonth(done) ?? addMonths(running, -1);
  return { from: addMonths(to, -11), to };
}

/** Months as runs of consecutive months: ["2024-01 – 2024-10", "2024-12"]. */
export function monthRuns(months: string[]): string[] {
  const runs: [string, string][] = [];
  for (const m of [...months].sort()) {
    const last = runs[runs.length - 1];
    if (last && addMonths(last[1], 1) === m) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? a : `${a} – ${b}`));
}
