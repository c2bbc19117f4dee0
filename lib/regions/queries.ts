// Reads of the GB/T 2260 region tree. Regions are public reference data for every signed-in
// user (policy canBrowseRegions), so these take no actor: the edges (pages, route handlers)
// check the policy, and other domains call these to name and scope their own records.
import { prisma } from "../db/client";
import type { Prisma } from "../db/client";
import { NATION_CODE, prefixOfLooseCode } from "../auth/roles";
import { NotFoundError, ValidationError } from "../errors";
import type { RegionIndexEntry } from "./lookup";
import { regionSearchEntries } from "./names";
import { normalizeQuery, searchEntries } from "./search";
import {
  SEARCH_DEFAULT_LIMIT,
  type RegionDetail,
  type RegionRef,
  type RegionSearchHit,
  type RegionView,
} from "./schemas";

const regionSelect = {
  code: true,
  name: true,
  level: true,
  parentCode: true,
  poolingArea: true,
  _count: { select: { children: true } },
} satisfies Prisma.RegionSelect;

type RegionRow = Prisma.RegionGetPayload<{ select: typeof regionSelect }>;

function toView(r: RegionRow): RegionView {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parentCode,
    poolingArea: r.poolingArea,
    childCount: r._count.children,
  };
}

function toRef(r: { code: string; name: string; level: RegionView["level"] }): RegionRef {
  return { code: r.code, name: r.name, level: r.level };
}

// ---- Subtrees: "a province includes everything below it" ----

/**
 * The covering prefix of a 6-digit code or a 2/4-digit prefix: "" for the nation, "13" for
 * 河北省 (130000 or "13"), "1310" for 廊坊市. Anything else is a ValidationError on `region`.
 */
export function subtreePrefix(code: string): string {
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(code))
    throw new ValidationError({ region: [{ key: "validation.invalidRegionCode" }] });
  return prefixOfLooseCode(code);
}

/**
 * A filter on any region-code column (a facility's, a bureau's…) for "`code` and everything
 * below it"; undefined (no filter) for the national root. Use as `{ regionCode: regionCodeFilter(scope) }`.
 */
export function regionCodeFilter(code: string): Prisma.StringFilter | undefined {
  const prefix = subtreePrefix(code);
  return prefix ? { startsWith: prefix } : undefined;
}

/** Where-clause on `region` for the subtree of `code` (itself included), on the indexed `prefix`. */
export function subtreeWhere(code: string): Prisma.RegionWhereInput {
  const prefix = subtreePrefix(code);
  return prefix ? { prefix: { startsWith: prefix } } : {};
}

/** The regions of `levels` in the subtree of `code` (itself included), ordered by code. */
export async function listRegionsIn(code: string, levels: RegionView["level"][]): Promise<RegionIndexEntry[]> {
  return prisma.region.findMany({
    where: { AND: [subtreeWhere(code), { level: { in: levels } }] },
    select: { code: true, name: true, level: true, parentCode: true },
    orderBy: { code: "asc" },
  });
}

// ---- Single regions and paths ----

/** The region with its number of direct children. Unknown code → NotFoundError. */
export async function requireRegion(code: string): Promise<RegionView> {
  const row = /^\d{6}$/.test(code) ? await prisma.region.findUnique({ where: { code }, select: regionSelect }) : null;
  if (!row) throw new NotFoundError("regions.notFound", { code });
  return toView(row);
}

/**
 * The rows a code's path can pass through. GB/T 2260 codes are hierarchical, so a region's
 * ancestors are among the nation, its province XX0000 and its city XXYY00; fetching those
 * candidates at once avoids one round trip per level.
 */
function pathCandidates(code: string): string[] {
  return [NATION_CODE, `${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
}

/** Walks `parentCode` links from each code to the root; one query for any number of codes. */
async function loadPaths(codes: string[]): Promise<Map<string, RegionRow[]>> {
  const byCode = new Map<string, RegionRow>();
  const fetch = async (wanted: string[]) => {
    const missing = [...new Set(wanted)].filter((c) => !byCode.has(c));
    if (!missing.length) return;
    const rows = await prisma.region.findMany({ where: { code: { in: missing } }, select: regionSelect });
    for (const r of rows) byCode.set(r.code, r);
  };
  await fetch(codes.flatMap(pathCandidates));
  const paths = new Map<string, RegionRow[]>();
  for (const code of codes) {
    const path: RegionRow[] = [];
    let node = byCode.get(code);
    while (node) {
      path.unshift(node);
      if (!node.parentCode) break;
      // Defensive: a parent outside the candidates would be a data error, but still resolve it.
      if (!byCode.has(node.parentCode)) await fetch([node.parentCode]);
      node = byCode.get(node.parentCode);
      if (path.length > 4) break;
    }
    if (path.length) paths.set(code, path);
  }
  return paths;
}

/** The breadcrumb path from the national root down to and including `code`. Unknown → NotFoundError. */
export async function requireAncestors(code: string): Promise<RegionRef[]> {
  if (!/^\d{6}$/.test(code)) throw new NotFoundError("regions.notFound", { code });
  const path = (await loadPaths([code])).get(code);
  if (!path) throw new NotFoundError("regions.notFound", { code });
  return path.map(toRef);
}

/** Direct children of a region, each with its own child count, ordered by code. Unknown → NotFoundError. */
export async function listChildren(parentCode: string): Promise<RegionView[]> {
  const parent = /^\d{6}$/.test(parentCode)
    ? await prisma.region.findUnique({
        where: { code: parentCode },
        select: { children: { select: regionSelect, orderBy: { code: "asc" } } },
      })
    : null;
  if (!parent) throw new NotFoundError("regions.notFound", { code: parentCode });
  return parent.children.map(toView);
}

/**
 * A region with its strict ancestors (root → parent), the pooling area (统筹区) it belongs to
 * — itself or the nearest ancestor that runs a fund — and its direct children.
 */
export async function requireRegionDetail(code: string): Promise<RegionDetail> {
  if (!/^\d{6}$/.test(code)) throw new NotFoundError("regions.notFound", { code });
  const [paths, children] = await Promise.all([loadPaths([code]), listChildren(code)]);
  const path = paths.get(code);
  if (!path) throw new NotFoundError("regions.notFound", { code });
  const self = path[path.length - 1]!;
  const pooling = path.findLast((r) => r.poolingArea);
  return {
    ...toView(self),
    ancestors: path.slice(0, -1).map(toRef),
    poolingAreaOf: pooling ? toRef(pooling) : null,
    children,
  };
}

// ---- Search and statistics ----

/**
 * Regions matching `q` — a Chinese name fragment (河北), full pinyin (hebei), initials (hbs) or,
 * when `q` is 1–6 digits, a code prefix — within the subtree of `within`. Matched in memory
 * (lib/regions/search.ts): best match first, then by level, then by code; at most `limit`;
 * `truncated` says more matched. Each hit carries its path (root → parent) to tell 朝阳区 from 朝阳区.
 */
export async function searchRegions(
  q: string,
  limit = SEARCH_DEFAULT_LIMIT,
  within: string = NATION_CODE,
): Promise<{ items: RegionSearchHit[]; truncated: boolean }> {
  if (!normalizeQuery(q)) return { items: [], truncated: false };
  const { hits, truncated } = searchEntries(await regionSearchEntries(), q, { limit, prefix: subtreePrefix(within) });
  const codes = hits.map((h) => h.code);
  const [rows, paths] = await Promise.all([
    prisma.region.findMany({ where: { code: { in: codes } }, select: regionSelect }),
    loadPaths(codes),
  ]);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const items = codes.flatMap((c) => {
    const r = byCode.get(c);
    return r ? [{ ...toView(r), path: (paths.get(c) ?? []).slice(0, -1).map(toRef) }] : [];
  });
  return { items, truncated };
}

export interface RegionCounts {
  provinces: number;
  cities: number;
  /** CITY-level rows that only group 省直辖县级行政区划, counted in `cities`. */
  cityGroups: number;
  counties: number;
  poolingAreas: number;
}

/** How many regions of each level lie in the subtree of `within` (the whole country by default). */
export async function countByLevel(within: string = NATION_CODE): Promise<RegionCounts> {
  const where = subtreeWhere(within);
  const [byLevel, poolingAreas, cityGroups] = await Promise.all([
    prisma.region.groupBy({ by: ["level"], where, _count: { _all: true } }),
    prisma.region.count({ where: { AND: [where, { poolingArea: true }] } }),
    // Real prefecture-level cities each run a fund; a CITY row that does not is a grouping node.
    prisma.region.count({ where: { AND: [where, { level: "CITY", poolingArea: false }] } }),
  ]);
  const of = (level: RegionView["level"]) => byLevel.find((g) => g.level === level)?._count._all ?? 0;
  return { provinces: of("PROVINCE"), cities: of("CITY"), cityGroups, counties: of("COUNTY"), poolingAreas };
}
