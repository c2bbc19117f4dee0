// The service and filing-type breakdowns of the statistics page: each key's figures for the
// period and for the same period a year earlier.
import type { Actor } from "../auth/actor";
import { ValidationError } from "../errors";
import { filingOfCode, serviceOfCode, type FilingKey, type ServiceType } from "../settlements/codes";
import { addMonths, type Filters } from "./schemas";
import { cached, monthCondition, monthDate, monthPlan, query, statisticsScope } from "./cube-plan";
import { type Figures, figuresOf, resolveFilters } from "./queries";

export interface BreakdownRow<K extends string> {
  key: K;
  current: Figures;
  lastYear: Figures;
}

async function breakdown(
  actor: Actor,
  f: Filters,
  column: "service_type" | "filing_type",
): Promise<{ key: number; current: Figures; lastYear: Figures }[]> {
  const scope = statisticsScope(actor);
  // The institution cube has no filing type (it would multiply its rows by seven).
  if (column === "filing_type" && f.institution)
    throw new ValidationError({ institution: [{ key: "statistics.errors.filingWithInstitution" }] });
  const { cube, sql } = monthPlan(scope, f, true);
  const [pyFrom, pyTo] = [addMonths(f.from, -12), addMonths(f.to, -12)];
  const curCond = `month between ${sql.p(monthDate(f.from))}::date and ${sql.p(monthDate(f.to))}::date`;
  const pyCond = `month between ${sql.p(monthDate(pyFrom))}::date and ${sql.p(monthDate(pyTo))}::date`;
  sql.conds.push(
    monthCondition(sql, cube, [
      [f.from, f.to],
      [pyFrom, pyTo],
    ]),
  );
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
    figuresOf({
      visits: r[`${p}visits`]!,
      total_fen: r[`${p}total_fen`]!,
      fund_fen: r[`${p}fund_fen`]!,
      failures: r[`${p}failures`]!,
    });
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
