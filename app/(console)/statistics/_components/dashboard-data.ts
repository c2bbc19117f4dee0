// Everything the dashboard shows, loaded in parallel from the aggregate cubes, plus each panel's
// table (for CSV/XLSX/PNG export). Shared by the page and the export route.
import type { Actor } from "@/lib/auth/actor";
import type { Translate } from "@/lib/i18n";
import { ValidationError } from "@/lib/errors";
import { safeParseInput } from "@/lib/validation";
import { fenToYuan, formatAmount, formatCount, growth6, percentOf } from "@/lib/statistics/decimal";
import {
  getFilingBreakdown,
  getFlows,
  getSeries,
  getServiceBreakdown,
  getSummary,
  getTopInstitutions,
  getTopRegions,
  regionNames,
  type Figures,
} from "@/lib/statistics/queries";
import { FLOW_LEVELS, GRAINS, filtersSchema, type FlowLevel, type Grain } from "@/lib/statistics/schemas";
import { defaultPeriod, type DashState } from "./params";

export type PanelId = "series" | "service" | "filing" | "outflow" | "inflow" | "flows" | "institutions";
export interface PanelTable {
  columns: string[];
  rows: (string | number)[][];
}

export async function loadDashboard(actor: Actor, state: DashState, t: Translate) {
  const period = defaultPeriod();
  const raw = { from: state.from ?? period.from, to: state.to ?? period.to, visitRegion: state.visitRegion, homeRegion: state.homeRegion, serviceType: state.serviceType, institution: state.institution };
  const parsed = safeParseInput(filtersSchema, raw);
  const filters = parsed.success ? parsed.data : filtersSchema.parse({ ...period });
  const invalid = !parsed.success;
  const level: FlowLevel = (FLOW_LEVELS as readonly string[]).includes(state.level ?? "") ? (state.level as FlowLevel) : "province";
  let grain: Grain = (GRAINS as readonly string[]).includes(state.grain ?? "") ? (state.grain as Grain) : "month";

  const seriesOf = async () => {
    try {
      return { points: await getSeries(actor, filters, grain), dayRefused: false };
    } catch (e) {
      if (!(e instanceof ValidationError) || grain !== "day") throw e;
      grain = "month";
      return { points: await getSeries(actor, filters, "month"), dayRefused: true };
    }
  };
  const [summary, series, services, filings, outflow, inflow, flows, institutions] = await Promise.all([
    getSummary(actor, filters),
    seriesOf(),
    getServiceBreakdown(actor, filters),
    filters.institution ? Promise.resolve(null) : getFilingBreakdown(actor, filters),
    getTopRegions(actor, filters, "outflow", "province"),
    getTopRegions(actor, filters, "inflow", "province"),
    getFlows(actor, filters, level, 400),
    getTopInstitutions(actor, filters),
  ]);
  const instRegions = await regionNames(institutions.map((i) => i.visitRegion).filter(Boolean));

  const cols = {
    visits: t("statistics.table.visits"),
    cost: t("statistics.table.totalCost"),
    fund: t("statistics.table.fundPaid"),
    ratio: t("statistics.table.fundRatio"),
    yoy: t("statistics.table.yoy"),
  };
  const figureCells = (f: Figures) => [Number(f.visits), formatAmount(f.totalCost, "wan", 2), formatAmount(f.fundPaid, "wan", 2), percentOf(f.fundPaid, f.totalCost, 2) ?? ""];
  const yoyCell = (cur: bigint, prev: bigint) => {
    const g = growth6(cur, prev);
    return g === null ? "" : `${percentOf(cur - prev, prev, 2)}%`;
  };

  const tables: Record<PanelId, PanelTable> = {
    series: {
      columns: [t("statistics.table.bucket"), cols.visits, cols.cost, cols.fund, cols.ratio, t("statistics.table.lastYear"), cols.yoy],
      rows: series.points.map((p) => [p.bucket, ...figureCells(p.current), Number(p.lastYear.visits), yoyCell(p.current.visits, p.lastYear.visits)]),
    },
    service: {
      columns: [t("statistics.table.type"), cols.visits, cols.cost, cols.fund, cols.ratio, cols.yoy],
      rows: services.map((r) => [t(`statistics.serviceTypes.${r.key}`), ...figureCells(r.current), yoyCell(r.current.visits, r.lastYear.visits)]),
    },
    filing: {
      columns: [t("statistics.table.type"), cols.visits, cols.cost, cols.fund, cols.ratio, cols.yoy],
      rows: (filings ?? []).map((r) => [t(`statistics.filingTypes.${r.key}`), ...figureCells(r.current), yoyCell(r.current.visits, r.lastYear.visits)]),
    },
    outflow: {
      columns: [t("statistics.table.region"), cols.visits, cols.cost, cols.fund, cols.ratio],
      rows: outflow.map((r) => [r.name, ...figureCells(r.figures)]),
    },
    inflow: {
      columns: [t("statistics.table.region"), cols.visits, cols.cost, cols.fund, cols.ratio],
      rows: inflow.map((r) => [r.name, ...figureCells(r.figures)]),
    },
    flows: {
      columns: [t("statistics.filters.visitRegion"), t("statistics.filters.homeRegion"), cols.visits, cols.cost, cols.fund, cols.ratio],
      rows: flows.cells.map((c) => [flows.names[c.visitKey] ?? c.visitKey, flows.names[c.homeKey] ?? c.homeKey, ...figureCells(c.figures)]),
    },
    institutions: {
      columns: [t("statistics.institutions.code"), t("statistics.institutions.name"), t("statistics.institutions.region"), cols.visits, cols.cost, cols.fund, cols.ratio],
      rows: institutions.map((i) => [i.code, i.name ?? "", instRegions[i.visitRegion] ?? i.visitRegion, ...figureCells(i.figures)]),
    },
  };
  return { filters, invalid, grain, level, summary, series, services, filings, outflow, inflow, flows, institutions, instRegions, tables };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;

/** Exact figure cells for exports: yuan with two decimals. */
export const exactYuan = fenToYuan;
export const wanVisits = (n: bigint) => formatCount(n, "wan", 2);
