// Each dashboard panel's figures as a table (for CSV/XLSX/PNG export), in the user's language.
import type { Translate } from "@/lib/i18n";
import type { FilingKey, ServiceType } from "@/lib/settlements/codes";
import type { BreakdownRow } from "@/lib/statistics/breakdowns";
import { comparisonStatus } from "@/lib/statistics/coverage";
import { formatAmount, growth6, percentOf } from "@/lib/statistics/decimal";
import type { Flows, RankedRegion } from "@/lib/statistics/flows";
import type { Figures, RankedInstitution, SeriesPoint, Summary } from "@/lib/statistics/queries";

export type PanelId = "series" | "service" | "filing" | "outflow" | "inflow" | "flows" | "institutions";
export interface PanelTable {
  columns: string[];
  rows: (string | number)[][];
}

/** The loaded figures the tables are made of. */
export interface DashboardFigures {
  summary: Summary;
  series: { points: SeriesPoint[] };
  services: BreakdownRow<ServiceType>[];
  filings: BreakdownRow<FilingKey>[] | null;
  outflow: RankedRegion[];
  inflow: RankedRegion[];
  flows: Flows;
  institutions: RankedInstitution[];
  instRegions: Record<string, string>;
}

type FigureColumns = ReturnType<typeof figureColumns>;
type YoyCell = (cur: bigint, prev: bigint, complete?: boolean) => string;

function figureColumns(t: Translate) {
  return {
    visits: t("statistics.table.visits"),
    cost: t("statistics.table.totalCost"),
    fund: t("statistics.table.fundPaid"),
    ratio: t("statistics.table.fundRatio"),
    yoy: t("statistics.table.yoy"),
  };
}

const figureCells = (f: Figures) => [
  Number(f.visits),
  formatAmount(f.totalCost, "wan", 2),
  formatAmount(f.fundPaid, "wan", 2),
  percentOf(f.fundPaid, f.totalCost, 2) ?? "",
];

export function panelTables(d: DashboardFigures, t: Translate): Record<PanelId, PanelTable> {
  const cols = figureColumns(t);
  // YoY in the tables only against a complete base, as on the cards (decision 015).
  const fair = comparisonStatus(d.summary.coverage.period, d.summary.coverage.previousYear) === "ok";
  const yoyCell: YoyCell = (cur, prev, complete = fair) => {
    const g = complete ? growth6(cur, prev) : null;
    return g === null ? "" : `${percentOf(cur - prev, prev, 2)}%`;
  };
  return { ...trendTables(d, t, cols, yoyCell), ...regionTables(d, t, cols) };
}

/** The period's series and the service and filing-type breakdowns, each with its YoY. */
function trendTables(
  { series, services, filings }: DashboardFigures,
  t: Translate,
  cols: FigureColumns,
  yoyCell: YoyCell,
): Record<"series" | "service" | "filing", PanelTable> {
  return {
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
  };
}

/** Outflow, inflow, the flow matrix and the institutions. */
function regionTables(
  { outflow, inflow, flows, institutions, instRegions }: DashboardFigures,
  t: Translate,
  cols: FigureColumns,
): Record<"outflow" | "inflow" | "flows" | "institutions", PanelTable> {
  return {
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
}
