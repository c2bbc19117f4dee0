// Reads of settlement statistics. Every figure comes from the pre-aggregated cubes in schema
// `stats` (never the raw records), filtered by the actor's region in SQL: a settlement is in
// scope when its visit region OR its home region lies in the bureau's region.
// Sums come back as exact numeric text and are turned into bigint fen; ratios are computed with
// bigint arithmetic (lib/statistics/decimal.ts).
import type { Actor } from "../auth/actor";
import { ValidationError } from "../errors";
import { allRegionNames } from "../regions/names";
import { resolveRegionTokens } from "../regions/groups/queries";
import { addMonths, monthsBetween, type Filters, type Grain } from "./schemas";
import { coverageKeys, coveredMonths, lastMonth, monthsOf, rangeCoverage, type RangeCoverage } from "./coverage";
import { getCoverageMap } from "./coverage-query";
import {
  DAY_CUBE,
  INST_CUBE,
  SCOPE_DAY,
  SCOPE_INST,
  cached,
  monthCondition,
  monthDate,
  monthDates,
  monthPlan,
  plan,
  query,
  scopePlan,
  statisticsScope,
  type Plan,
} from "./cube-plan";

// ---- Figures ----

export interface Figures {
  visits: bigint;
  /** fen */
  totalCost: bigint;
  /** fen */
  fundPaid: bigint;
  failures: bigint;
}

export const ZERO: Figures = { visits: 0n, totalCost: 0n, fundPaid: 0n, failures: 0n };

export function addFigures(a: Figures, b: Figures): Figures {
  return {
    visits: a.visits + b.visits,
    totalCost: a.totalCost + b.totalCost,
    fundPaid: a.fundPaid + b.fundPaid,
    failures: a.failures + b.failures,
  };
}

/** Sums as text: counts and fen (the cubes store amounts as integer fen). */
export interface FigureRow {
  visits: string | null;
  total_fen: string | null;
  fund_fen: string | null;
  failures: string | null;
}

export function figuresOf(r: FigureRow | undefined): Figures {
  if (!r) return ZERO;
  return {
    visits: BigInt(r.visits ?? 0),
    totalCost: BigInt(r.total_fen ?? 0),
    fundPaid: BigInt(r.fund_fen ?? 0),
    failures: BigInt(r.failures ?? 0),
  };
}

export const SUMS = `coalesce(sum(visits), 0)::text as visits, coalesce(sum(total_fen), 0)::text as total_fen,
  coalesce(sum(fund_fen), 0)::text as fund_fen, coalesce(sum(failures), 0)::text as failures`;

/**
 * The filters with `group:<slug>` tokens replaced, on each side, by the smallest set of prefixes
 * covering the side's union (decision 020): 河北省 + 廊坊市 is 河北省, so the query's level and
 * its figures are those of 13. Every question resolves before its cache key is made, so an edited
 * group never answers from the old membership. Unknown or invisible groups are a 400 on the side.
 */
export async function resolveFilters<F extends Pick<Filters, "visitRegion" | "homeRegion">>(
  actor: Actor,
  f: F,
): Promise<F> {
  statisticsScope(actor);
  const [visitRegion, homeRegion] = await Promise.all([
    resolveRegionTokens(actor, f.visitRegion, "visitRegion"),
    resolveRegionTokens(actor, f.homeRegion, "homeRegion"),
  ]);
  return { ...f, visitRegion, homeRegion };
}

// ---- Summary ----

export interface Summary {
  period: { from: string; to: string };
  current: Figures;
  previousYear: Figures;
  previousPeriod: Figures & { from: string; to: string };
  coverage: SummaryCoverage;
}

export interface SummaryCoverage {
  period: RangeCoverage;
  previousYear: RangeCoverage;
  previousPeriod: RangeCoverage;
  /** The last month with data for the question's provinces (decision 015), or null. */
  dataThrough: string | null;
}

/** The months with data for the provinces a question is about (lib/statistics/coverage.ts). */
export async function questionCoverage(
  actor: Actor,
  f: Pick<Filters, "visitRegion" | "homeRegion" | "institution">,
): Promise<Set<string>> {
  return coveredMonths(
    await getCoverageMap(actor),
    coverageKeys(statisticsScope(actor), await resolveFilters(actor, f)),
  );
}

/** Figures of [from, to], the same months a year earlier, and the same number of months before. */
export async function getSummary(actor: Actor, f: Filters): Promise<Summary> {
  const r = await resolveFilters(actor, f);
  return cached("getSummary", actor, [r], () => computeSummary(actor, r));
}

async function computeSummary(actor: Actor, f: Filters): Promise<Summary> {
  const scope = statisticsScope(actor);
  const { cube, sql } = monthPlan(scope, f);
  const n = monthsBetween(f.from, f.to);
  const ranges = {
    cur: [f.from, f.to],
    py: [addMonths(f.from, -12), addMonths(f.to, -12)],
    pp: [addMonths(f.from, -n), addMonths(f.from, -1)],
  } as const;
  const lo = ranges.pp[0] < ranges.py[0] ? ranges.pp[0] : ranges.py[0];
  sql.conds.push(monthCondition(sql, cube, [[lo, f.to]]));
  const part = (key: keyof typeof ranges) => {
    const [a, b] = ranges[key];
    const cond = `filter (where month between ${sql.p(monthDate(a))}::date and ${sql.p(monthDate(b))}::date)`;
    return `coalesce(sum(visits) ${cond}, 0)::text as ${key}_visits, coalesce(sum(total_fen) ${cond}, 0)::text as ${key}_total_fen,
            coalesce(sum(fund_fen) ${cond}, 0)::text as ${key}_fund_fen, coalesce(sum(failures) ${cond}, 0)::text as ${key}_failures`;
  };
  const select = `select ${part("cur")}, ${part("py")}, ${part("pp")} from ${cube.table} ${sql.where()}`;
  const [[row], covered] = await Promise.all([
    query<Record<string, string>>(actor, select, sql.params),
    questionCoverage(actor, f),
  ]);
  const pick = (k: string): Figures =>
    figuresOf({
      visits: row![`${k}_visits`]!,
      total_fen: row![`${k}_total_fen`]!,
      fund_fen: row![`${k}_fund_fen`]!,
      failures: row![`${k}_failures`]!,
    });
  return {
    period: { from: f.from, to: f.to },
    current: pick("cur"),
    previousYear: pick("py"),
    previousPeriod: { ...pick("pp"), from: ranges.pp[0], to: ranges.pp[1] },
    coverage: {
      period: rangeCoverage(covered, ...ranges.cur),
      previousYear: rangeCoverage(covered, ...ranges.py),
      previousPeriod: rangeCoverage(covered, ...ranges.pp),
      dataThrough: lastMonth(covered),
    },
  };
}

// ---- Series ----

export interface SeriesPoint {
  bucket: string;
  current: Figures;
  lastYear: Figures;
  /** Every month of the bucket has data (decision 015); else its figures are not the whole bucket. */
  complete: boolean;
  lastYearComplete: boolean;
}

function bucketOfMonth(month: string, grain: Exclude<Grain, "DAY">): string {
  if (grain === "MONTH") return month;
  const [y, m] = month.split("-").map(Number) as [number, number];
  return grain === "YEAR" ? `${y}` : `${y}Q${Math.floor((m - 1) / 3) + 1}`;
}

function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  const start = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, 1);
  const [ty, tm] = addMonths(to, 1).split("-").map(Number) as [number, number];
  const end = Date.UTC(ty, tm - 1, 1);
  for (let t = start; t < end; t += 86400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * The figures of each day (YYYY-MM-DD) or month (YYYY-MM) the plan selects, and the months with
 * data for the question (decision 015).
 */
async function figuresByBucket(
  actor: Actor,
  f: Filters,
  { cube, sql }: Pick<Plan, "cube" | "sql">,
  time: "day" | "month",
): Promise<{ byBucket: Map<string, Figures>; covered: Set<string> }> {
  const format = time === "day" ? "YYYY-MM-DD" : "YYYY-MM";
  const [rows, covered] = await Promise.all([
    query<FigureRow & { b: string }>(
      actor,
      `select to_char(${time}, '${format}') as b, ${SUMS} from ${cube.table} ${sql.where()} group by ${time}`,
      sql.params,
    ),
    questionCoverage(actor, f),
  ]);
  return { byBucket: new Map(rows.map((r) => [r.b, figuresOf(r)])), covered };
}

/** Buckets of [from, to] at `grain`, each with the same bucket one year earlier. */
export async function getSeries(actor: Actor, f: Filters, grain: Grain): Promise<SeriesPoint[]> {
  const r = await resolveFilters(actor, f);
  return cached("getSeries", actor, [r, grain], () => computeSeries(actor, r, grain));
}

async function computeSeries(actor: Actor, f: Filters, grain: Grain): Promise<SeriesPoint[]> {
  const scope = statisticsScope(actor);
  if (grain === "DAY") {
    if (f.institution) throw new ValidationError({ grain: [{ key: "statistics.errors.dayWithInstitution" }] });
    const { cube, sql } =
      scopePlan(scope, f, SCOPE_DAY, { service: true }) ?? plan(scope, f, { cube: DAY_CUBE, field: "grain" });
    const lastFrom = addMonths(f.from, -12);
    sql.conds.push(
      `day >= ${sql.p(monthDate(lastFrom))}::date and day < ${sql.p(monthDate(addMonths(f.to, 1)))}::date`,
    );
    const { byBucket: byDay, covered } = await figuresByBucket(actor, f, { cube, sql }, "day");
    return daysOf(f.from, f.to).map((d) => {
      const ly = `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;
      return {
        bucket: d,
        current: byDay.get(d) ?? ZERO,
        lastYear: byDay.get(ly) ?? ZERO,
        complete: covered.has(d.slice(0, 7)),
        lastYearComplete: covered.has(ly.slice(0, 7)),
      };
    });
  }
  const { cube, sql } = monthPlan(scope, f);
  sql.conds.push(monthCondition(sql, cube, [[addMonths(f.from, -12), f.to]]));
  const { byBucket: byMonth, covered } = await figuresByBucket(actor, f, { cube, sql }, "month");
  const points = new Map<string, SeriesPoint>();
  for (const m of monthsOf(f.from, f.to)) {
    const key = bucketOfMonth(m, grain);
    const p = points.get(key) ?? { bucket: key, current: ZERO, lastYear: ZERO, complete: true, lastYearComplete: true };
    p.current = addFigures(p.current, byMonth.get(m) ?? ZERO);
    p.lastYear = addFigures(p.lastYear, byMonth.get(addMonths(m, -12)) ?? ZERO);
    p.complete &&= covered.has(m);
    p.lastYearComplete &&= covered.has(addMonths(m, -12));
    points.set(key, p);
  }
  return [...points.values()];
}

// ---- Institutions ----

export interface RankedInstitution {
  code: string;
  name: string | null;
  visitRegion: string;
  figures: Figures;
}

/** Institutions with the most visits in the filtered scope. */
export async function getTopInstitutions(actor: Actor, f: Filters, limit = 10): Promise<RankedInstitution[]> {
  const r = await resolveFilters(actor, f);
  return cached("getTopInstitutions", actor, [r, limit], () => computeTopInstitutions(actor, r, limit));
}

async function computeTopInstitutions(actor: Actor, f: Filters, limit: number): Promise<RankedInstitution[]> {
  const scope = statisticsScope(actor);
  const { cube, sql } = scopePlan(scope, f, SCOPE_INST, { service: false }) ?? plan(scope, f, { cube: INST_CUBE });
  sql.conds.push(monthCondition(sql, cube, [[f.from, f.to]]));
  const rows = await query<FigureRow & { code: string }>(
    actor,
    `select institution_code as code, ${SUMS} from ${cube.table} ${sql.where()}
      group by 1 having sum(visits) > 0 order by sum(visits) desc, 1 limit ${sql.p(limit)}`,
    sql.params,
  );
  // Names from the roster (public reference data; institutions not on it show their code only)
  // and the visit region of each institution's latest county-level row in the period: one round
  // trip, a primary-key probe per institution and month.
  const details = rows.length
    ? await query<{ code: string; name: string | null; v: string | null }>(
        actor,
        `select c.code, i.name,
                (select visit_key from stats.agg_inst_month a
                  where a.lvl = 6 and a.month = any($2::date[]) and a.institution_code = c.code order by a.month desc limit 1) as v
           from unnest($1::text[]) c(code) left join institution i on i.code = c.code`,
        [rows.map((r) => r.code), monthDates([[f.from, f.to]])],
      )
    : [];
  const nameOf = new Map(details.map((d) => [d.code, d.name]));
  const visitOf = new Map(details.map((d) => [d.code, d.v ?? ""]));
  return rows.map((r) => ({
    code: r.code,
    name: nameOf.get(r.code) ?? null,
    visitRegion: visitOf.get(r.code) ?? "",
    figures: figuresOf(r),
  }));
}

// ---- Region names ----

/**
 * Names of region keys (2/4/6-digit prefixes). A municipality's districts hang under the
 * municipality itself, so a 4-digit key like "1101" is named after the municipality.
 */
export async function regionNames(keys: string[]): Promise<Record<string, string>> {
  const byCode = await allRegionNames();
  const out: Record<string, string> = {};
  for (const k of new Set(keys)) {
    const code = k.padEnd(6, "0");
    out[k] = byCode.get(code) ?? byCode.get(`${k.slice(0, 4)}00`) ?? byCode.get(`${k.slice(0, 2)}0000`) ?? k;
  }
  return out;
}
