// Everything the dashboard shows, loaded in parallel from the aggregate cubes, plus each panel's
// table (for CSV/XLSX/PNG export). Shared by the page and the export route.
import type { Actor } from "@/lib/auth/actor";
import type { Locale, Translate } from "@/lib/i18n";
import { regionGroupNames } from "@/lib/regions/groups/queries";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import { comparisonStatus, defaultPeriodOf } from "@/lib/statistics/coverage";
import { parseStatsInput } from "@/lib/statistics/dto";
import { formatAmount, growth6, percentOf } from "@/lib/statistics/decimal";
import { getFilingBreakdown, getServiceBreakdown } from "@/lib/statistics/breakdowns";
import { getFlows, getTopRegions, type Flows } from "@/lib/statistics/flows";
import {
  getSeries,
  getSummary,
  getTopInstitutions,
  questionCoverage,
  regionNames,
  resolveFilters,
  type Figures,
} from "@/lib/statistics/queries";
import { FLOW_MATRIX_LEVELS, GRAINS, filtersSchema, type FlowMatrixLevel, type Grain } from "@/lib/statistics/schemas";
import type { DashState } from "./params";

export type PanelId = "series" | "service" | "filing" | "outflow" | "inflow" | "flows" | "institutions";
export interface PanelTable {
  columns: string[];
  rows: (string | number)[][];
}

/** The filters of the URL, the period defaulting to the last 12 complete months with data of the actor's region. */
export async function dashboardFilters(actor: Actor, state: DashState, now = new Date()) {
  const period = defaultPeriodOf(
    await questionCoverage(actor, { visitRegion: [], homeRegion: [], institution: undefined }),
    now,
  );
  const raw = {
    from: state.from ?? period.from,
    to: state.to ?? period.to,
    visitRegion: state.visitRegion,
    homeRegion: state.homeRegion,
    serviceType: state.serviceType,
    institution: state.institution,
  };
  try {
    const filters = parseStatsInput(filtersSchema, raw);
    // A region group the actor may not use is a field error like any other (decision 020).
    await resolveFilters(actor, filters);
    return { ok: true as const, filters, period };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { ok: false as const, fieldErrors: e.fieldErrors as FieldErrors, period };
  }
}

/**
 * Everything the dashboard shows — or, when the URL's filters fail validation, nothing but the
 * field errors: figures of another question never stand under the controls (decision 015).
 */
/** Region groups in the flow matrix under their name in the user's language (regions have only Chinese names). */
async function withGroupNames(actor: Actor, flows: Flows, locale: Locale): Promise<Flows> {
  if (flows.level !== "GROUP") return flows;
  const names = { ...flows.names };
  for (const [token, name] of await regionGroupNames(actor, locale)) if (token in names) names[token] = name;
  return { ...flows, names };
}

export async function loadDashboard(actor: Actor, state: DashState, t: Translate, locale: Locale = "zh-CN") {
  const parsed = await dashboardFilters(actor, state);
  if (!parsed.ok) return { invalid: true as const, fieldErrors: parsed.fieldErrors, period: parsed.period };
  const filters = parsed.filters;
  const level: FlowMatrixLevel = (FLOW_MATRIX_LEVELS as readonly string[]).includes(state.level ?? "")
    ? (state.level as FlowMatrixLevel)
    : "PROVINCE";
  let grain: Grain = (GRAINS as readonly string[]).includes(state.grain ?? "") ? (state.grain as Grain) : "MONTH";

  const seriesOf = async () => {
    try {
      return { points: await getSeries(actor, filters, grain), dayRefused: false };
    } catch (e) {
      if (!(e instanceof ValidationError) || grain !== "DAY") throw e;
      grain = "MONTH";
      return { points: await getSeries(actor, filters, "MONTH"), dayRefused: true };
    }
  };
  const [summary, series, services, filings, outflow, inflow, matrix, institutions] = await Promise.all([
    getSummary(actor, filters),
    seriesOf(),
    getServiceBreakdown(actor, filters),
    filters.institution ? Promise.resolve(null) : getFilingBreakdown(actor, filters),
    getTopRegions(actor, filters, "outflow", "PROVINCE"),
    getTopRegions(actor, filters, "inflow", "PROVINCE"),
    getFlows(actor, filters, level, 400),
    getTopInstitutions(actor, filters),
  ]);
  const [instRegions, flows] = await Promise.all([
    regionNames(institutions.map((i) => i.visitRegion).filter(Boolean)),
    withGroupNames(actor, matrix, locale),
  ]);

  const cols = {
    visits: t("statistics.table.visits"),
    cost: t("statistics.table.totalCost"),
    fund: t("statistics.table.fundPaid"),
    ratio: t("statistics.table.fundRatio"),
    yoy: t("statistics.table.yoy"),
  };
  const figureCells = (f: Figures) => [
    Number(f.visits),
    formatAmount(f.totalCost, "wan", 2),
    formatAmount(f.fundPaid, "wan", 2),
    percentOf(f.fundPaid, f.totalCost, 2) ?? "",
  ];
  // YoY in the tables only against a complete base, as on the cards (decision 015).
  const fair = comparisonStatus(summary.coverage.period, summary.coverage.previousYear) === "ok";
  const yoyCell = (cur: bigint, prev: bigint, complete = fair) => {
    const g = complete ? growth6(cur, prev) : null;
    return g === null ? "" : `${percentOf(cur - prev, prev, 2)}%`;
  };

  const tables: Record<PanelId, PanelTable> = {
    series: {
      columns: [
        t("statistics.table.bucket"),
        cols.visits,
        cols.cost,
        cols.fund,
        cols.ratio,
        t("statistics.table.lastYear"),
        cols.yoy,
      ],
      rows: series.points.map((p) => [
        p.bucket,
        ...figureCells(p.current),
        p.lastYearComplete ? Number(p.lastYear.visits) : "",
        yoyCell(p.current.visits, p.lastYear.visits, p.complete && p.lastYearComplete),
      ]),
    },
    service: {
      columns: [t("statistics.table.type"), cols.visits, cols.cost, cols.fund, cols.ratio, cols.yoy],
      rows: services.map((r) => [
        t(`statistics.serviceTypes.${r.key}`),
        ...figureCells(r.current),
        yoyCell(r.current.visits, r.lastYear.visits),
      ]),
    },
    filing: {
      columns: [t("statistics.table.type"), cols.visits, cols.cost, cols.fund, cols.ratio, cols.yoy],
      rows: (filings ?? []).map((r) => [
        t(`statistics.filingTypes.${r.key}`),
        ...figureCells(r.current),
        yoyCell(r.current.visits, r.lastYear.visits),
      ]),
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
      columns: [
        t("statistics.filters.visitRegion"),
        t("statistics.filters.homeRegion"),
        cols.visits,
        cols.cost,
        cols.fund,
        cols.ratio,
      ],
      rows: flows.cells.map((c) => [
        flows.names[c.visitKey] ?? c.visitKey,
        flows.names[c.homeKey] ?? c.homeKey,
        ...figureCells(c.figures),
      ]),
    },
    institutions: {
      columns: [
        t("statistics.institutions.code"),
        t("statistics.institutions.name"),
        t("statistics.institutions.region"),
        cols.visits,
        cols.cost,
        cols.fund,
        cols.ratio,
      ],
      rows: institutions.map((i) => [
        i.code,
        i.name ?? "",
        instRegions[i.visitRegion] ?? i.visitRegion,
        ...figureCells(i.figures),
      ]),
    },
  };
  return {
    invalid: false as const,
    filters,
    grain,
    level,
    summary,
    series,
    services,
    filings,
    outflow,
    inflow,
    flows,
    institutions,
    instRegions,
    tables,
  };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
