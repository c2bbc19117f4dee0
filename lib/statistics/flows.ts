// Region flows of settlement statistics: the visit × home matrix (regions or region groups) and
// the outflow/inflow rankings. Same cubes, scope and answer cache as lib/statistics/queries.ts.
import type { Actor } from "../auth/actor";
import { groupSlugOf, groupToken } from "../regions/groups/normalize";
import { visibleRegionGroups, type RegionGroupRecord } from "../regions/groups/queries";
import { FLOW_LEVEL_LENGTH, type Filters, type FlowLevel, type FlowMatrixLevel } from "./schemas";
import { cached, flowCube, monthCondition, plan, prefixCondition, query, statisticsScope } from "./cube-plan";
import { SUMS, figuresOf, regionNames, resolveFilters, type FigureRow, type Figures } from "./queries";

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
    const chosen: RegionGroupRecord[] = named.length
      ? visible.filter((g) => named.includes(g.slug))
      : visible.filter((g) => !g.retired);
    return chosen.map((g) => ({ slug: g.slug, name: g.nameZh, prefixes: g.prefixes }));
  };
  return { visit: axis(f.visitRegion), home: axis(f.homeRegion) };
}

/**
 * Group × group: the flow cube at the level of the longest member prefix, each row joined to the
 * groups whose (minimal, so non-overlapping) prefixes hold its keys. A row counts once per group
 * pair; a region in two groups counts in both, as each group's own figure must.
 */
async function computeGroupFlows(
  actor: Actor,
  f: Filters,
  sides: { visit: GroupAxis[]; home: GroupAxis[] },
  limit: number,
): Promise<Flows> {
  const scope = statisticsScope(actor);
  const empty: Flows = { level: "GROUP", cells: [], names: {}, truncated: false };
  if (!sides.visit.length || !sides.home.length) return empty;
  const pairs = (axis: GroupAxis[]) => axis.flatMap((g) => g.prefixes.map((p) => [g.slug, p] as const));
  const [vp, hp] = [pairs(sides.visit), pairs(sides.home)];
  const longest = Math.max(2, ...[...vp, ...hp].map(([, p]) => p.length));
  const { cube, lvl, sql } = plan(scope, f, { cube: flowCube(f), minLevel: longest, field: "level" });
  sql.conds.push(monthCondition(sql, cube, [[f.from, f.to]]));
  sql.conds.push(
    prefixCondition(
      sql,
      "visit_key",
      vp.map(([, p]) => p),
      lvl,
    ),
    prefixCondition(
      sql,
      "home_key",
      hp.map(([, p]) => p),
      lvl,
    ),
  );
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
  const cells = rows
    .slice(0, limit)
    .map((r) => ({ visitKey: groupToken(r.v), homeKey: groupToken(r.h), figures: figuresOf(r) }));
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
export async function getTopRegions(
  actor: Actor,
  f: Filters,
  direction: "outflow" | "inflow",
  level: FlowLevel,
  limit = 10,
): Promise<RankedRegion[]> {
  const r = await resolveFilters(actor, f);
  return cached("getTopRegions", actor, [r, direction, level, limit], () =>
    computeTopRegions(actor, r, direction, level, limit),
  );
}

async function computeTopRegions(
  actor: Actor,
  f: Filters,
  direction: "outflow" | "inflow",
  level: FlowLevel,
  limit: number,
): Promise<RankedRegion[]> {
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
