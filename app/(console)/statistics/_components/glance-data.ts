// Flows at a glance (issue 17): per province its outflow and inflow across provinces, for the tile
// grid, and the largest home → visit flows at the Sankey's level (province, city or region group).
// From the same cached flow queries as the matrix; nothing is computed from raw records.
import type { Actor } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n";
import { formatCount } from "@/lib/statistics/decimal";
import { getFlows, type FlowCell } from "@/lib/statistics/flows";
import { resolveFilters } from "@/lib/statistics/queries";
import type { Filters } from "@/lib/statistics/schemas";
import { regionGroupNames } from "@/lib/regions/groups/queries";
import { PROVINCE_TILES } from "@/components/statistics/province-tiles";
import type { DashState } from "./params";

export const SANKEY_LEVELS = ["PROVINCE", "CITY", "GROUP"] as const;
export type SankeyLevel = (typeof SANKEY_LEVELS)[number];
const SANKEY_TOP = 12;

export interface TileDatum {
  code: string;
  name: string;
  outflow: number;
  inflow: number;
  texts: { outflow: string; inflow: string; net: string };
  /** False for 香港, 澳门, 台湾 (outside the settlement system). */
  hasData: boolean;
  /** The province lies in (or holds) the visit or home filter. */
  selected: boolean;
  href: { outflow: string; inflow: string; net: string };
}

export interface SankeyDatum {
  nodes: { name: string; side: "home" | "visit" }[];
  links: { source: number; target: number; value: number; text: string }[];
}

/** Provinces that a filter's prefixes touch: 13 → 13; 1310 → 13; "" (national) → none. */
function touched(prefixes: string[]): Set<string> {
  return new Set(prefixes.filter(Boolean).map((p) => p.slice(0, 2)));
}

function tiles(cells: FlowCell[], selected: Set<string>, locale: Locale, link: (c: DashState) => string): TileDatum[] {
  const out = new Map<string, bigint>();
  const inn = new Map<string, bigint>();
  for (const c of cells) {
    if (c.visitKey === c.homeKey) continue;
    out.set(c.homeKey, (out.get(c.homeKey) ?? 0n) + c.figures.visits);
    inn.set(c.visitKey, (inn.get(c.visitKey) ?? 0n) + c.figures.visits);
  }
  return PROVINCE_TILES.map((p) => {
    const o = out.get(p.code) ?? 0n;
    const i = inn.get(p.code) ?? 0n;
    const net = i - o;
    return {
      code: p.code,
      name: locale === "en" ? p.en : p.zh,
      outflow: Number(o),
      inflow: Number(i),
      texts: {
        outflow: formatCount(o, "one"),
        inflow: formatCount(i, "one"),
        net: `${net > 0n ? "+" : net < 0n ? "−" : ""}${formatCount(net < 0n ? -net : net, "one")}`,
      },
      // A province without flows in the selection shows 0; only units outside the system show "no data".
      hasData: !p.noData,
      selected: selected.has(p.code),
      href: {
        outflow: link({ homeRegion: p.code, level: "CITY", sankey: "CITY" }),
        inflow: link({ visitRegion: p.code, level: "CITY", sankey: "CITY" }),
        net: link({ visitRegion: p.code, level: "CITY", sankey: "CITY" }),
      },
    };
  });
}

function sankey(cells: FlowCell[], nameOf: (key: string) => string): SankeyDatum {
  const nodes: SankeyDatum["nodes"] = [];
  const index = new Map<string, number>();
  const node = (side: "home" | "visit", key: string) => {
    const id = `${side}:${key}`;
    if (!index.has(id)) index.set(id, nodes.push({ name: nameOf(key), side }) - 1);
    return index.get(id)!;
  };
  const links = cells
    .filter((c) => c.figures.visits > 0n)
    .slice(0, SANKEY_TOP)
    .map((c) => ({
      source: node("home", c.homeKey),
      target: node("visit", c.visitKey),
      value: Number(c.figures.visits),
      text: formatCount(c.figures.visits, "one"),
    }));
  return { nodes, links };
}

export async function loadGlance(
  actor: Actor,
  filters: Filters,
  level: SankeyLevel,
  locale: Locale,
  link: (c: DashState) => string,
) {
  const [provinces, top, resolved, groupNames] = await Promise.all([
    // Every province pair (35 × 35 at most), for the tiles; also the Sankey's flows at province level.
    getFlows(actor, filters, "PROVINCE", 1300),
    level === "PROVINCE" ? null : getFlows(actor, filters, level, SANKEY_TOP),
    resolveFilters(actor, filters),
    regionGroupNames(actor, locale),
  ]);
  const flows = top ?? provinces;
  const nameOf = (key: string) => groupNames.get(key) ?? flows.names[key] ?? key;
  const selected = touched([...resolved.visitRegion, ...resolved.homeRegion]);
  return {
    tiles: tiles(provinces.cells, selected, locale, link),
    sankey: sankey(flows.cells, nameOf),
    level,
    groupNames: Object.fromEntries(groupNames),
  };
}

export type Glance = Awaited<ReturnType<typeof loadGlance>>;
