// Reads of settlement statistics. Every figure comes from the pre-aggregated cubes in schema
// `stats` (never the raw records), filtered by the actor's region in SQL: a settlement is in
// scope when its visit region OR its home region lies in the bureau's region.
// Sums come back as exact numeric text and are turned into bigint fen; ratios are computed with
// bigint arithmetic (lib/statistics/decimal.ts).
import type pg from "pg";
import { readQuery } from "../db/replicas";
import { SharedCache } from "../cache/shared";
import type { Actor } from "../auth/actor";
import { prefixOfLooseCode, regionPrefix } from "../auth/roles";
import { ValidationError } from "../errors";
import { allRegionNames } from "../regions/names";
import { filingOfCode, serviceCode, serviceOfCode, type FilingKey, type ServiceType } from "../settlements/codes";
import { groupSlugOf, groupToken } from "../regions/groups/normalize";
import { resolveRegionTokens, visibleRegionGroups, type RegionGroupRecord } from "../regions/groups/queries";
import { addMonths, FLOW_LEVEL_LENGTH, monthsBetween, type Filters, type FlowLevel, type FlowMatrixLevel, type Grain } from "./schemas";
import { coverageKeys, coveredMonths, lastMonth, monthsOf, rangeCoverage, type RangeCoverage } from "./coverage";
import { getCoverageMap } from "./coverage-query";
import { requireAnyRole } from "../auth/require-role";
import { STATISTICS_READER_ROLES } from "../auth/policy";

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
interface FigureRow {
  visits: string | null;
  total_fen: string | null;
  fund_fen: string | null;
  failures: string | null;
}

function figuresOf(r: FigureRow | undefined): Figures {
  if (!r) return ZERO;
  return {
    visits: BigInt(r.visits ?? 0),
    totalCost: BigInt(r.total_fen ?? 0),
    fundPaid: BigInt(r.fund_fen ?? 0),
    failures: BigInt(r.failures ?? 0),
  };
}

const SUMS = `coalesce(sum(visits), 0)::text as visits, coalesce(sum(total_fen), 0)::text as total_fen,
  coalesce(sum(fund_fen), 0)::text as fund_fen, coalesce(sum(failures), 0)::text as failures`;

// ---- Choosing a cube ----

interface Cube {
  table: string;
  time: "month" | "day";
  levels: number[];
}
const MONTH_CUBE: Cube = { table: "stats.agg_month", time: "month", levels: [0, 2, 4, 6] };
const DAY_CUBE: Cube = { table: "stats.agg_day", time: "day", levels: [0, 4] };
const INST_CUBE: Cube = { table: "stats.agg_inst_month", time: "month", levels: [0, 6] };
// Region pairs by month without service and filing type: flows and top regions.
const FLOW_CUBE: Cube = { table: "stats.agg_flow_month", time: "month", levels: [2, 4, 6] };
// Scope cubes: everything a province (2) or city (4) bureau sees, keyed by its own region.
const SCOPE_MONTH: Cube = { table: "stats.agg_scope_month", time: "month", levels: [2, 4] };
const SCOPE_DAY: Cube = { table: "stats.agg_scope_day", time: "day", levels: [2] };
// Institutions by month without the service type; level 0 is the national ranking.
const SCOPE_INST: Cube = { table: "stats.agg_scope_inst", time: "month", levels: [0, 2] };

// Dashboard answers are the same for every analyst of a scope and change only when an import
// commits: kept per process by (question, scope, arguments), dropped on every instance by the
// import's notification (trigger on settlement_import → lib/db/events.ts, topic "statistics"),
// and at once by this process's own imports (lib/settlements/service.ts).
const answers = new SharedCache<unknown>({ topics: ["statistics", "regions"], ttlMs: 600_000, max: 5_000, keysOf: () => "all" });

/** Empties this process's answer cache: benchmarks time real queries (scripts/bench-stats.ts). */
export function dropAnswerCache(): void {
  answers.clear();
}

function cached<T>(question: string, actor: Actor, args: unknown[], load: () => Promise<T>): Promise<T> {
  const key = `${question}|${statisticsScope(actor)}|${JSON.stringify(args)}`;
  return answers.get(key, load) as Promise<T>;
}

/** The region prefix of the actor's statistics scope ("" = national). */
export function statisticsScope(actor: Actor): string {
  requireAnyRole(actor, STATISTICS_READER_ROLES);
  return regionPrefix(actor.regionCode);
}

/**
 * The filters with `group:<slug>` tokens replaced, on each side, by the smallest set of prefixes
 * covering the side's union (decision 020): 河北省 + 廊坊市 is 河北省, so the query's level and
 * its figures are those of 13. Every question resolves before its cache key is made, so an edited
 * group never answers from the old membership. Unknown or invisible groups are a 400 on the side.
 */
export async function resolveFilters<F extends Pick<Filters, "visitRegion" | "homeRegion">>(actor: Actor, f: F): Promise<F> {
  statisticsScope(actor);
  const [visitRegion, homeRegion] = await Promise.all([
    resolveRegionTokens(actor, f.visitRegion, "visitRegion"),
    resolveRegionTokens(actor, f.homeRegion, "homeRegion"),
  ]);
  return { ...f, visitRegion, homeRegion };
}

/** Where-clause builder with positional parameters. */
class Sql {
  params: unknown[] = [];
  conds: string[] = [];
  p(v: unknown): string {
    this.params.push(v);
    return `$${this.params.length}`;
  }
  where(): string {
    return this.conds.length ? `where ${this.conds.join(" and ")}` : "";
  }
}

/** "13" → "14", "19" → "1:": the first key after every key starting with the prefix (C collation). */
function successor(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * Keys starting with any of `prefixes`, in a cube whose keys have `lvl` characters: a prefix as
 * long as the key is an equality (the index navigates it, and the next key column after it), a
 * shorter one a range.
 */
function prefixCondition(sql: Sql, column: string, prefixes: string[], lvl: number): string {
  if (prefixes.some((p) => p === "")) return "true";
  const exact = prefixes.filter((p) => p.length === lvl);
  const parts = prefixes.filter((p) => p.length !== lvl).map((p) => `(${column} >= ${sql.p(p)} and ${column} < ${sql.p(successor(p))})`);
  if (exact.length === 1) parts.push(`${column} = ${sql.p(exact[0])}`);
  else if (exact.length > 1) parts.push(`${column} = any(${sql.p(exact)}::text[])`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(" or ")})`;
}

/** The service-type filter, on any cube that keeps the service type. */
function addServiceCondition(sql: Sql, f: Filters): void {
  if (f.serviceType.length) sql.conds.push(`service_type = any(${sql.p(f.serviceType.map(serviceCode))}::smallint[])`);
}

interface Plan {
  cube: Cube;
  lvl: number;
  sql: Sql;
}

type Side = "either" | "visit" | "home";

/**
 * Picks the smallest cube level that can answer (the longest prefix in scope or filters, or the
 * level asked for) and writes the region, service and institution conditions.
 * `scopeSide` is where the scope applies: either side (figures), or one side (outflow/inflow).
 */
function plan(scope: string, f: Filters, opts: { cube: Cube; minLevel?: number; scopeSide?: Side; field?: string }): Plan {
  const visit = f.visitRegion.map(prefixOfLooseCode);
  const home = f.homeRegion.map(prefixOfLooseCode);
  const needed = Math.max(scope.length, opts.minLevel ?? 0, ...visit.map((p) => p.length), ...home.map((p) => p.length));
  const lvl = opts.cube.levels.find((l) => l >= needed);
  if (lvl === undefined) throw new ValidationError({ [opts.field ?? "grain"]: [{ key: "statistics.errors.levelUnavailable" }] });
  const sql = new Sql();
  sql.conds.push(`lvl = ${sql.p(lvl)}`);
  if (scope) {
    const side = opts.scopeSide ?? "either";
    if (side === "either") sql.conds.push(`(${prefixCondition(sql, "visit_key", [scope], lvl)} or ${prefixCondition(sql, "home_key", [scope], lvl)})`);
    else sql.conds.push(prefixCondition(sql, side === "visit" ? "visit_key" : "home_key", [scope], lvl));
  }
  if (visit.length) sql.conds.push(prefixCondition(sql, "visit_key", visit, lvl));
  if (home.length) sql.conds.push(prefixCondition(sql, "home_key", home, lvl));
  addServiceCondition(sql, f);
  if (f.institution) sql.conds.push(`institution_code = ${sql.p(f.institution)}`);
  return { cube: opts.cube, lvl, sql };
}

/**
 * The scope cube's plan when it can answer: the only region condition is the actor's own scope
 * (either side), no institution, and a service filter only where the cube keeps the service.
 * Null otherwise (the pair cubes answer).
 */
function scopePlan(scope: string, f: Filters, cube: Cube, opts: { service: boolean }): Plan | null {
  if (f.visitRegion.length || f.homeRegion.length || f.institution || !cube.levels.includes(scope.length)) return null;
  if (f.serviceType.length && !opts.service) return null;
  const sql = new Sql();
  sql.conds.push(`lvl = ${sql.p(scope.length)}`, `scope_key = ${sql.p(scope)}`);
  addServiceCondition(sql, f);
  return { cube, lvl: scope.length, sql };
}

/**
 * The month cube for figures: the scope cube when it can answer, else the pair or institution
 * cube. `split`: the answer is grouped by service or filing type (breakdowns).
 */
function monthPlan(scope: string, f: Filters, split = false): Plan {
  return scopePlan(scope, f, SCOPE_MONTH, { service: true }) ?? plan(scope, f, { cube: figureCube(f, split) });
}

/**
 * Totals without a service filter or split read the flow cube at every level: the same measures
 * by region pair and month, without the month cube's 28 service × filing rows per pair
 * (京津冀 × 长三角 is 12 province pairs: ~12,000 month-cube rows for a summary; the three 示范区
 * counties ~90,000 — decision 020). The flow cube carries the month cube's pair index
 * (lvl, visit_key, home_key, month), so one pair's months are navigated directly as before.
 */
function figureCube(f: Filters, split: boolean): Cube {
  return split ? monthCube(f) : flowCube(f);
}

const monthDate = (m: string) => `${m}-01`;

/**
 * The months of `ranges` ("YYYY-MM" pairs, inclusive) as a condition on `month`: ranges, or on
 * the institution cube the list of months — its primary key is (lvl, month, institution_code, …)
 * and has no institution index, so one institution is found by one probe per month.
 */
function monthCondition(sql: Sql, cube: Cube, ranges: [string, string][]): string {
  if (cube !== INST_CUBE) {
    const parts = ranges.map(([a, b]) => `month between ${sql.p(monthDate(a))}::date and ${sql.p(monthDate(b))}::date`);
    return parts.length === 1 ? parts[0]! : `(${parts.join(" or ")})`;
  }
  return `month = any(${sql.p(monthDates(ranges))}::date[])`;
}

/** The first days of the months of `ranges` ("YYYY-MM" pairs, inclusive), each once. */
function monthDates(ranges: [string, string][]): string[] {
  const months = new Set<string>();
  for (const [a, b] of ranges) for (let m = a; m <= b; m = addMonths(m, 1)) months.add(monthDate(m));
  return [...months];
}

function monthCube(f: Filters): Cube {
  return f.institution ? INST_CUBE : MONTH_CUBE;
}

/** The cube for region pairs: the flow cube unless a service or institution filter needs more keys. */
function flowCube(f: Filters): Cube {
  return f.serviceType.length || f.institution ? monthCube(f) : FLOW_CUBE;
}

/** Dashboards read from a replica when one is fit (lib/db/replicas.ts), else the primary. */
async function query<T extends object>(actor: Actor, text: string, params: unknown[]): Promise<T[]> {
  return readQuery<T & pg.QueryResultRow>({ recentWrite: actor.recentWrite, topics: ["statistics"] }, text, params);
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
export async function questionCoverage(actor: Actor, f: Pick<Filters, "visitRegion" | "homeRegion" | "institution">): Promise<Set<string>> {
  return coveredMonths(await getCoverageMap(actor), coverageKeys(statisticsScope(actor), await resolveFilters(actor, f)));
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
  const [[row], covered] = await Promise.all([query<Record<string, string>>(actor, select, sql.params), questionCoverage(actor, f)]);
  const pick = (k: string): Figures =>
    figuresOf({ visits: row![`${k}_visits`]!, total_fen: row![`${k}_total_fen`]!, fund_fen: row![`${k}_fund_fen`]!, failures: row![`${k}_failures`]! });
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

/** Buckets of [from, to] at `grain`, each with the same bucket one year earlier. */
export async function getSeries(actor: Actor, f: Filters, grain: Grain): Promise<SeriesPoint[]> {
  const r = await resolveFilters(actor, f);
  return cached("getSeries", actor, [r, grain], () => computeSeries(actor, r, grain));
}

async function computeSeries(actor: Actor, f: Filters, grain: Grain): Promise<SeriesPoint[]> {
  const scope = statisticsScope(actor);
  if (grain === "DAY") {
    if (f.institution) throw new ValidationError({ grain: [{ key: "statistics.errors.dayWithInstitution" }] });
    const { cube, sql } = scopePlan(scope, f, SCOPE_DAY, { service: true }) ?? plan(scope, f, { cube: DAY_CUBE, field: "grain" });
    const lastFrom = addMonths(f.from, -12);
    sql.conds.push(`day >= ${sql.p(monthDate(lastFrom))}::date and day < ${sql.p(monthDate(addMonths(f.to, 1)))}::date`);
    const [rows, covered] = await Promise.all([
      query<FigureRow & { b: string }>(actor, `select to_char(day, 'YYYY-MM-DD') as b, ${SUMS} from ${cube.table} ${sql.where()} group by day`, sql.params),
      questionCoverage(actor, f),
    ]);
    const byDay = new Map(rows.map((r) => [r.b, figuresOf(r)]));
    return daysOf(f.from, f.to).map((d) => {
      const ly = `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;
      return { bucket: d, current: byDay.get(d) ?? ZERO, lastYear: byDay.get(ly) ?? ZERO, complete: covered.has(d.slice(0, 7)), lastYearComplete: covered.has(ly.slice(0, 7)) };
    });
  }
  const { cube, sql } = monthPlan(scope, f);
  sql.conds.push(monthCondition(sql, cube, [[addMonths(f.from, -12), f.to]]));
  const [rows, covered] = await Promise.all([
    query<FigureRow & { b: string }>(actor, `select to_char(month, 'YYYY-MM') as b, ${SUMS} from ${cube.table} ${sql.where()} group by month`, sql.params),
    questionCoverage(actor, f),
  ]);
  const byMonth = new Map(rows.map((r) => [r.b, figuresOf(r)]));
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

// ---- Breakdowns ----

export interface BreakdownRow<K extends string> {
  key: K;
  current: Figures;
  lastYear: Figures;
}

async function breakdown(actor: Actor, f: Filters, column: "service_type" | "filing_type"): Promise<{ key: number; current: Figures; lastYear: Figures }[]> {
  const scope = statisticsScope(actor);
  // The institution cube has no filing type (it would multiply its rows by seven).
  if (column === "filing_type" && f.institution) throw new ValidationError({ institution: [{ key: "statistics.errors.filingWithInstitution" }] });
  const { cube, sql } = monthPlan(scope, f, true);
  const [pyFrom, pyTo] = [addMonths(f.from, -12), addMonths(f.to, -12)];
  const curCond = `month between ${sql.p(monthDate(f.from))}::date and ${sql.p(monthDate(f.to))}::date`;
  const pyCond = `month between ${sql.p(monthDate(pyFrom))}::date and ${sql.p(monthDate(pyTo))}::date`;
  sql.conds.push(monthCondition(sql, cube, [[f.from, f.to], [pyFrom, pyTo]]));
  const sums = (cond: string, prefix: string) =>
    `coalesce(sum(visits) filter (where ${cond}), 0)::text as ${prefix}visits,
     coalesce(sum(total_fen) filter (where ${cond}), 0)::text as ${prefix}total_fen,
     coalesce(sum(fund_fen) filter (where ${cond}), 0)::text as ${prefix}fund_fen,
     coalesce(sum(failures) filter (where ${cond}), 0)::text as ${prefix}failures`;
  const rows = await query<Record<string, string>>(
    actor,
    `select ${column} as k, ${sums(curCond, "c_")}, ${sums(pyCond, "p_")} from ${cube.table} ${sql.where()} group by ${column} order by ${column}`,
    sql.params,
  );
  const fig = (r: Record<string, string>, p: string) =>
    figuresOf({ visits: r[`${p}visits`]!, total_fen: r[`${p}total_fen`]!, fund_fen: r[`${p}fund_fen`]!, failures: r[`${p}failures`]! });
  return rows.map((r) => ({ key: Number(r.k), current: fig(r, "c_"), lastYear: fig(r, "p_") }));
}

export async function getServiceBreakdown(actor: Actor, f: Filters): Promise<BreakdownRow<ServiceType>[]> {
  const r = await resolveFilters(actor, f);
  return cached("getServiceBreakdown", actor, [r], () => computeServiceBreakdown(actor, r));
}

async function computeServiceBreakdown(actor: Actor, f: Filters): Promise<BreakdownRow<ServiceType>[]> {
  return (await breakdown(actor, f, "service_type")).map((r) => ({ ...r, key: serviceOfCode(r.key) }));
}

export async function getFilingBreakdown(actor: Actor, f: Filters): Promise<BreakdownRow<FilingKey>[]> {
  const r = await resolveFilters(actor, f);
  return cached("getFilingBreakdown", actor, [r], () => computeFilingBreakdown(actor, r));
}

async function computeFilingBreakdown(actor: Actor, f: Filters): Promise<BreakdownRow<FilingKey>[]> {
  return (await breakdown(actor, f, "filing_type")).map((r) => ({ ...r, key: filingOfCode(r.key) }));
}

// ---- Regions: flows, outflow, inflow ----

export interface FlowCell {
  visitKey: string;
  homeKey: string;
  figures: Figures;
}

export interface Flows {
  level: FlowMatrixLevel;
  cells: FlowCell[];
  names: Record<string, string>;
  truncated: boolean;
}

/**
 * Visit region × home region at `level` (province/city/county), largest pairs first; at level
 * `group`, region group × region group (keys group:<slug>).
 */
export async function getFlows(actor: Actor, f: Filters, level: FlowMatrixLevel, limit = 100): Promise<Flows> {
  const r = await resolveFilters(actor, f);
  if (level === "GROUP") {
    const sides = await groupSides(actor, f);
    return cached("getGroupFlows", actor, [r, sides, limit], () => computeGroupFlows(actor, r, sides, limit));
  }
  return cached("getFlows", actor, [r, level, limit], () => computeFlows(actor, r, level, limit));
}

async function computeFlows(actor: Actor, f: Filters, level: FlowLevel, limit: number): Promise<Flows> {
  const scope = statisticsScope(actor);
  const len = FLOW_LEVEL_LENGTH[level];
  const { cube, sql } = plan(scope, f, { cube: flowCube(f), minLevel: len, field: "level" });
  sql.conds.push(monthCondition(sql, cube, [[f.from, f.to]]));
  const rows = await query<FigureRow & { v: string; h: string }>(
    actor,
    `select left(visit_key, ${len}) as v, left(home_key, ${len}) as h, ${SUMS}
       from ${cube.table} ${sql.where()} group by 1, 2 having sum(visits) <> 0 or sum(failures) <> 0
      order by sum(visits) desc, 1, 2 limit ${sql.p(limit + 1)}`,
    sql.params,
  );
  const cells = rows.slice(0, limit).map((r) => ({ visitKey: r.v, homeKey: r.h, figures: figuresOf(r) }));
  const names = await regionNames(cells.flatMap((c) => [c.visitKey, c.homeKey]));
  return { level, cells, names, truncated: rows.length > limit };
}

/** One axis of the group matrix: each group's slug, Chinese name and minimal prefixes. */
interface GroupAxis {
  slug: string;
  name: string;
  prefixes: string[];
}

/**
 * The groups on each axis: those named on that side's filter, else every group the actor may use
 * (not retired). Names come along so the cached answer does not need the group table again.
 */
async function groupSides(actor: Actor, f: Filters): Promise<{ visit: GroupAxis[]; home: GroupAxis[] }> {
  const visible = await visibleRegionGroups(actor);
  const axis = (tokens: string[]): GroupAxis[] => {
    const named = tokens.map(groupSlugOf).filter((x): x is string => x !== null);
    const chosen: RegionGroupRecord[] = named.length ? visible.filter((g) => named.includes(g.slug)) : visible.filter((g) => !g.retired);
    return chosen.map((g) => ({ slug: g.slug, name: g.nameZh, prefixes: g.prefixes }));
  };
  return { visit: axis(f.visitRegion), home: axis(f.homeRegion) };
}

/**
 * Group × group: the flow cube at the level of the longest member prefix, each row joined to the
 * groups whose (minimal, so non-overlapping) prefixes hold its keys. A row counts once per group
 * pair; a region in two groups counts in both, as each group's own figure must.
 */
async function computeGroupFlows(actor: Actor, f: Filters, sides: { visit: GroupAxis[]; home: GroupAxis[] }, limit: number): Promise<Flows> {
  const scope = statisticsScope(actor);
  const empty: Flows = { level: "GROUP", cells: [], names: {}, truncated: false };
  if (!sides.visit.length || !sides.home.length) return empty;
  const pairs = (axis: GroupAxis[]) => axis.flatMap((g) => g.prefixes.map((p) => [g.slug, p] as const));
  const [vp, hp] = [pairs(sides.visit), pairs(sides.home)];
  const longest = Math.max(2, ...[...vp, ...hp].map(([, p]) => p.length));
  const { cube, lvl, sql } = plan(scope, f, { cube: flowCube(f), minLevel: longest, field: "level" });
  sql.conds.push(monthCondition(sql, cube, [[f.from, f.to]]));
  sql.conds.push(prefixCondition(sql, "visit_key", vp.map(([, p]) => p), lvl), prefixCondition(sql, "home_key", hp.map(([, p]) => p), lvl));
  const rows = await query<FigureRow & { v: string; h: string }>(
    actor,
    `select gv.slug as v, gh.slug as h, ${SUMS}
       from ${cube.table}
       join unnest(${sql.p(vp.map(([g]) => g))}::text[], ${sql.p(vp.map(([, p]) => p))}::text[]) gv(slug, prefix) on left(visit_key, length(gv.prefix)) = gv.prefix
       join unnest(${sql.p(hp.map(([g]) => g))}::text[], ${sql.p(hp.map(([, p]) => p))}::text[]) gh(slug, prefix) on left(home_key, length(gh.prefix)) = gh.prefix
       ${sql.where()} group by 1, 2 having sum(visits) <> 0 or sum(failures) <> 0
      order by sum(visits) desc, 1, 2 limit ${sql.p(limit + 1)}`,
    sql.params,
  );
  const names = Object.fromEntries([...sides.visit, ...sides.home].map((g) => [groupToken(g.slug), g.name]));
  const cells = rows.slice(0, limit).map((r) => ({ visitKey: groupToken(r.v), homeKey: groupToken(r.h), figures: figuresOf(r) }));
  return { level: "GROUP", cells, names, truncated: rows.length > limit };
}

export interface RankedRegion {
  key: string;
  name: string;
  figures: Figures;
}

/**
 * Outflow: where our insured (home region in scope) were treated, by visit region. Inflow: where
 * the patients treated here (visit region in scope) are insured, by home region.
 */
export async function getTopRegions(actor: Actor, f: Filters, direction: "outflow" | "inflow", level: FlowLevel, limit = 10): Promise<RankedRegion[]> {
  const r = await resolveFilters(actor, f);
  return cached("getTopRegions", actor, [r, direction, level, limit], () => computeTopRegions(actor, r, direction, level, limit));
}

async function computeTopRegions(actor: Actor, f: Filters, direction: "outflow" | "inflow", level: FlowLevel, limit: number): Promise<RankedRegion[]> {
  const scope = statisticsScope(actor);
  const len = FLOW_LEVEL_LENGTH[level];
  const { cube, sql } = plan(scope, f, {
    cube: flowCube(f),
    minLevel: len,
    scopeSide: direction === "outflow" ? "home" : "visit",
    field: "level",
  });
  const col = direction === "outflow" ? "visit_key" : "home_key";
  sql.conds.push(monthCondition(sql, cube, [[f.from, f.to]]));
  const rows = await query<FigureRow & { k: string }>(
    actor,
    `select left(${col}, ${len}) as k, ${SUMS} from ${cube.table} ${sql.where()}
      group by 1 having sum(visits) > 0 order by sum(visits) desc, 1 limit ${sql.p(limit)}`,
    sql.params,
  );
  const names = await regionNames(rows.map((r) => r.k));
  return rows.map((r) => ({ key: r.k, name: names[r.k] ?? r.k, figures: figuresOf(r) }));
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
  return rows.map((r) => ({ code: r.code, name: nameOf.get(r.code) ?? null, visitRegion: visitOf.get(r.code) ?? "", figures: figuresOf(r) }));
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
