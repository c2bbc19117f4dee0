// Everything the dashboard shows, loaded in parallel from the aggregate cubes, plus each panel's
// table (for CSV/XLSX/PNG export, dashboard-tables.ts). Shared by the page and the export route.
import type { Actor } from "@/lib/auth/actor";
import type { Locale, Translate } from "@/lib/i18n";
import { regionGroupNames } from "@/lib/regions/groups/queries";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import { defaultPeriodOf } from "@/lib/statistics/coverage";
import { parseStatsInput } from "@/lib/statistics/dto";
import { getFilingBreakdown, getServiceBreakdown } from "@/lib/statistics/breakdowns";
import { getFlows, getTopRegions, type Flows } from "@/lib/statistics/flows";
import {
  getSeries,
  getSummary,
  getTopInstitutions,
  questionCoverage,
  regionNames,
  resolveFilters,
} from "@/lib/statistics/queries";
import {
  FLOW_MATRIX_LEVELS,
  GRAINS,
  filtersSchema,
  type Filters,
  type FlowMatrixLevel,
  type Grain,
} from "@/lib/statistics/schemas";
import { panelTables } from "./dashboard-tables";
import type { DashState } from "./params";

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

/** Region groups in the flow matrix under their name in the user's language (regions have only Chinese names). */
async function withGroupNames(actor: Actor, flows: Flows, locale: Locale): Promise<Flows> {
  if (flows.level !== "GROUP") return flows;
  const names = { ...flows.names };
  for (const [token, name] of await regionGroupNames(actor, locale)) if (token in names) names[token] = name;
  return { ...flows, names };
}

/** The flow matrix's level and the series' grain asked for in the URL, else province and month. */
function levelOf(state: DashState): FlowMatrixLevel {
  return (FLOW_MATRIX_LEVELS as readonly string[]).includes(state.level ?? "")
    ? (state.level as FlowMatrixLevel)
    : "PROVINCE";
}

function grainOf(state: DashState): Grain {
  return (GRAINS as readonly string[]).includes(state.grain ?? "") ? (state.grain as Grain) : "MONTH";
}

/** Every panel's figures, in parallel; a day series the cubes refuse comes in months (`grain` says which). */
async function loadFigures(actor: Actor, filters: Filters, level: FlowMatrixLevel, requested: Grain, locale: Locale) {
  let grain = requested;
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
  return { grain, summary, series, services, filings, outflow, inflow, flows, institutions, instRegions };
}

/**
 * Everything the dashboard shows — or, when the URL's filters fail validation, nothing but the
 * field errors: figures of another question never stand under the controls (decision 015).
 */
export async function loadDashboard(actor: Actor, state: DashState, t: Translate, locale: Locale = "zh-CN") {
  const parsed = await dashboardFilters(actor, state);
  if (!parsed.ok) return { invalid: true as const, fieldErrors: parsed.fieldErrors, period: parsed.period };
  const filters = parsed.filters;
  const level = levelOf(state);
  const { grain, ...figures } = await loadFigures(actor, filters, level, grainOf(state), locale);
  return { invalid: false as const, filters, grain, level, ...figures, tables: panelTables(figures, t) };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
