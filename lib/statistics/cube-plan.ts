// How a statistics question becomes SQL: which pre-aggregated cube answers it (the finest level
// and time grain the filters need), the where-clause on region prefixes, services and months,
// the answer cache, and the actor's scope. queries.ts asks the questions.
import type pg from "pg";
import { readQuery } from "../db/replicas";
import { SharedCache } from "../cache/shared";
import type { Actor } from "../auth/actor";
import { prefixOfLooseCode, regionPrefix } from "../auth/roles";
import { ValidationError } from "../errors";
import { serviceCode } from "../settlements/codes";
import { addMonths, type Filters } from "./schemas";
import { requireAnyRole } from "../auth/require-role";
import { STATISTICS_READER_ROLES } from "../auth/policy";

export interface Cube {
  table: string;
  time: "month" | "day";
  levels: number[];
}
const MONTH_CUBE: Cube = { table: "stats.agg_month", time: "month", levels: [0, 2, 4, 6] };
export const DAY_CUBE: Cube = { table: "stats.agg_day", time: "day", levels: [0, 4] };
export const INST_CUBE: Cube = { table: "stats.agg_inst_month", time: "month", levels: [0, 6] };
// Region pairs by month without service and filing type: flows and top regions.
const FLOW_CUBE: Cube = { table: "stats.agg_flow_month", time: "month", levels: [2, 4, 6] };
// Scope cubes: everything a province (2) or city (4) bureau sees, keyed by its own region.
const SCOPE_MONTH: Cube = { table: "stats.agg_scope_month", time: "month", levels: [2, 4] };
export const SCOPE_DAY: Cube = { table: "stats.agg_scope_day", time: "day", levels: [2] };
// Institutions by month without the service type; level 0 is the national ranking.
export const SCOPE_INST: Cube = { table: "stats.agg_scope_inst", time: "month", levels: [0, 2] };

// Dashboard answers are the same for every analyst of a scope and change only when an import
// commits: kept per process by (question, scope, arguments), dropped on every instance by the
// import's notification (trigger on settlement_import → lib/db/events.ts, topic "statistics"),
// and at once by this process's own imports (lib/settlements/service.ts).
const answers = new SharedCache<unknown>({
  topics: ["statistics", "regions"],
  ttlMs: 600_000,
  max: 5_000,
  keysOf: () => "all",
});

/** Empties this process's answer cache: benchmarks time real queries (scripts/bench-stats.ts). */
export function dropAnswerCache(): void {
  answers.clear();
}

export function cached<T>(question: string, actor: Actor, args: unknown[], load: () => Promise<T>): Promise<T> {
  const key = `${question}|${statisticsScope(actor)}|${JSON.stringify(args)}`;
  return answers.get(key, load) as Promise<T>;
}

/** The region prefix of the actor's statistics scope ("" = national). */
export function statisticsScope(actor: Actor): string {
  requireAnyRole(actor, STATISTICS_READER_ROLES);
  return regionPrefix(actor.regionCode);
}

/** Where-clause builder with positional parameters. */
export class Sql {
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
export function prefixCondition(sql: Sql, column: string, prefixes: string[], lvl: number): string {
  if (prefixes.some((p) => p === "")) return "true";
  const exact = prefixes.filter((p) => p.length === lvl);
  const parts = prefixes
    .filter((p) => p.length !== lvl)
    .map((p) => `(${column} >= ${sql.p(p)} and ${column} < ${sql.p(successor(p))})`);
  if (exact.length === 1) parts.push(`${column} = ${sql.p(exact[0])}`);
  else if (exact.length > 1) parts.push(`${column} = any(${sql.p(exact)}::text[])`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(" or ")})`;
}

/** The service-type filter, on any cube that keeps the service type. */
function addServiceCondition(sql: Sql, f: Filters): void {
  if (f.serviceType.length) sql.conds.push(`service_type = any(${sql.p(f.serviceType.map(serviceCode))}::smallint[])`);
}

export interface Plan {
  cube: Cube;
  lvl: number;
  sql: Sql;
}

export type Side = "either" | "visit" | "home";

/**
 * Picks the smallest cube level that can answer (the longest prefix in scope or filters, or the
 * level asked for) and writes the region, service and institution conditions.
 * `scopeSide` is where the scope applies: either side (figures), or one side (outflow/inflow).
 */
export function plan(
  scope: string,
  f: Filters,
  opts: { cube: Cube; minLevel?: number; scopeSide?: Side; field?: string },
): Plan {
  const visit = f.visitRegion.map(prefixOfLooseCode);
  const home = f.homeRegion.map(prefixOfLooseCode);
  const needed = Math.max(
    scope.length,
    opts.minLevel ?? 0,
    ...visit.map((p) => p.length),
    ...home.map((p) => p.length),
  );
  const lvl = opts.cube.levels.find((l) => l >= needed);
  if (lvl === undefined)
    throw new ValidationError({ [opts.field ?? "grain"]: [{ key: "statistics.errors.levelUnavailable" }] });
  const sql = new Sql();
  sql.conds.push(`lvl = ${sql.p(lvl)}`);
  if (scope) {
    const side = opts.scopeSide ?? "either";
    if (side === "either")
      sql.conds.push(
        `(${prefixCondition(sql, "visit_key", [scope], lvl)} or ${prefixCondition(sql, "home_key", [scope], lvl)})`,
      );
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
export function scopePlan(scope: string, f: Filters, cube: Cube, opts: { service: boolean }): Plan | null {
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
export function monthPlan(scope: string, f: Filters, split = false): Plan {
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

export const monthDate = (m: string) => `${m}-01`;

/**
 * The months of `ranges` ("YYYY-MM" pairs, inclusive) as a condition on `month`: ranges, or on
 * the institution cube the list of months — its primary key is (lvl, month, institution_code, …)
 * and has no institution index, so one institution is found by one probe per month.
 */
export function monthCondition(sql: Sql, cube: Cube, ranges: [string, string][]): string {
  if (cube !== INST_CUBE) {
    const parts = ranges.map(([a, b]) => `month between ${sql.p(monthDate(a))}::date and ${sql.p(monthDate(b))}::date`);
    return parts.length === 1 ? parts[0]! : `(${parts.join(" or ")})`;
  }
  return `month = any(${sql.p(monthDates(ranges))}::date[])`;
}

/** The first days of the months of `ranges` ("YYYY-MM" pairs, inclusive), each once. */
export function monthDates(ranges: [string, string][]): string[] {
  const months = new Set<string>();
  for (const [a, b] of ranges) for (let m = a; m <= b; m = addMonths(m, 1)) months.add(monthDate(m));
  return [...months];
}

function monthCube(f: Filters): Cube {
  return f.institution ? INST_CUBE : MONTH_CUBE;
}

/** The cube for region pairs: the flow cube unless a service or institution filter needs more keys. */
export function flowCube(f: Filters): Cube {
  return f.serviceType.length || f.institution ? monthCube(f) : FLOW_CUBE;
}

/** Dashboards read from a replica when one is fit (lib/db/replicas.ts), else the primary. */
export async function query<T extends object>(actor: Actor, text: string, params: unknown[]): Promise<T[]> {
  return readQuery<T & pg.QueryResultRow>({ recentWrite: actor.recentWrite, topics: ["statistics"] }, text, params);
}
