// The dashboard's panels, each a named server component over the loaded figures (dashboard-data.ts):
// the series, the four breakdowns (bar charts), the flow matrix and the top institutions (the
// kit's DataTable). The page composes them; every link keeps the URL's other filters (params.ts).
import Alert from "@mui/material/Alert";
import { ButtonLink } from "@/components/ui/links";
import { DataTable, type Column } from "@/components/ui/data-table";
import { RowLink } from "@/components/ui/row-link";
import type { Locale, Translate } from "@/lib/i18n";
import { formatCount, percentOf } from "@/lib/statistics/decimal";
import { inUnit, unitFor } from "@/lib/statistics/units";
import { FLOW_MATRIX_LEVELS } from "@/lib/statistics/schemas";
import { BarList } from "./bar-list";
import { FlowMatrix } from "./flow-matrix";
import { Panel } from "./panel";
import { SeriesChart } from "./series-chart";
import type { Dashboard } from "./dashboard-data";
import { drillBucket, type DashState } from "./params";
import { chartValues } from "./format";
import { GridCell } from "@/components/ui/card-grid";
import css from "./dashboard.module.css";

export type Figures = Extract<Dashboard, { invalid: false }>;

/** What every panel needs besides its figures: the texts, the locale and the URL builders. */
export interface PanelContext {
  t: Translate;
  locale: Locale;
  link: (changes: DashState) => string;
  exportHref: (panel: string) => string;
}

/** A row of toggle links in a panel's head (grain, region level): the current one filled. */
function Toggles<V extends string>({
  values,
  current,
  label,
  href,
  text,
  testId,
}: {
  values: readonly V[];
  current: string;
  label: string;
  href: (v: V) => string;
  text: (v: V) => string;
  testId: (v: V) => string;
}) {
  return (
    <div className={css.toggles} role="group" aria-label={label}>
      {values.map((v) => (
        <ButtonLink
          key={v}
          href={href(v)}
          size="small"
          variant={current === v ? "contained" : "text"}
          data-testid={testId(v)}
        >
          {text(v)}
        </ButtonLink>
      ))}
    </div>
  );
}

const GRAINS = ["DAY", "MONTH", "QUARTER", "YEAR"] as const;

export function SeriesPanel({ d, ctx }: { d: Figures; ctx: PanelContext }) {
  const { t, locale, link } = ctx;
  const sv = chartValues(
    "count",
    d.series.points.flatMap((p) => [
      p.complete ? p.current.visits : null,
      p.lastYearComplete ? p.lastYear.visits : null,
    ]),
    t,
    locale,
  );
  const data = d.series.points.map((p) => {
    const cur = p.complete ? p.current.visits : null;
    const ly = p.lastYearComplete ? p.lastYear.visits : null;
    return {
      bucket: p.bucket,
      current: sv.number(cur),
      lastYear: sv.number(ly),
      currentText: sv.text(cur),
      lastYearText: sv.text(ly),
      href: link(drillBucket(p.bucket, d.grain, d.filters)),
    };
  });
  return (
    <GridCell>
      <Panel
        id="series"
        title={t("statistics.series.title")}
        definition={`${t("statistics.definitions.visits")}\n${t("statistics.definitions.period")}\n${t("statistics.series.drill")}`}
        exportHref={ctx.exportHref("series")}
        table={d.tables.series}
        actions={
          <Toggles
            values={GRAINS}
            current={d.grain}
            label={t("statistics.series.grain")}
            href={(g) => link({ grain: g })}
            text={(g) => t(`statistics.series.${g.toLowerCase()}`)}
            testId={(g) => `grain-${g.toLowerCase()}`}
          />
        }
      >
        {d.series.dayRefused && (
          <Alert severity="info" sx={{ mb: 1 }}>
            {t("statistics.series.dayUnavailable")}
          </Alert>
        )}
        <SeriesChart
          data={data}
          axis={sv.axis}
          separator={t("statistics.chart.separator")}
          labels={{ current: t("statistics.series.current"), lastYear: t("statistics.series.lastYear") }}
        />
      </Panel>
    </GridCell>
  );
}

interface BarRow {
  label: string;
  visits: bigint;
  href?: string;
}

/**
 * A half-width panel with a ranked bar chart of visits, or the `empty` sentence when there is
 * nothing to rank (`rows` null: the question has no answer here; no `empty`: always the chart).
 */
function BarPanel({
  id,
  title,
  definition,
  d,
  ctx,
  rows,
  empty,
}: {
  id: "service" | "filing" | "outflow" | "inflow";
  title: string;
  definition: string;
  d: Figures;
  ctx: PanelContext;
  rows: BarRow[] | null;
  empty?: string;
}) {
  const { t, locale } = ctx;
  const cv = chartValues(
    "count",
    (rows ?? []).map((r) => r.visits),
    t,
    locale,
  );
  return (
    <GridCell span="half">
      <Panel id={id} title={title} definition={definition} exportHref={ctx.exportHref(id)} table={d.tables[id]}>
        {rows && (rows.length || empty === undefined) ? (
          <BarList
            testId={`${id}-chart`}
            name={t("statistics.kpi.visits")}
            separator={t("statistics.chart.separator")}
            axis={cv.axis}
            data={rows.map((r) => ({
              label: r.label,
              value: cv.number(r.visits)!,
              text: cv.text(r.visits),
              href: r.href,
            }))}
          />
        ) : (
          <p className="yb-body1">{empty}</p>
        )}
      </Panel>
    </GridCell>
  );
}

/** Visits by service type and by filing type, then the regions patients leave for and come from. */
export function BreakdownPanels({ d, ctx }: { d: Figures; ctx: PanelContext }) {
  const { t, link } = ctx;
  const visitsDef = t("statistics.definitions.visits");
  const noRegions = t("statistics.regions.empty");
  return (
    <>
      <BarPanel
        id="service"
        title={t("statistics.breakdown.service")}
        definition={visitsDef}
        d={d}
        ctx={ctx}
        rows={d.services.map((s) => ({
          label: t(`statistics.serviceTypes.${s.key}`),
          visits: s.current.visits,
          href: link({ serviceType: s.key }),
        }))}
      />
      <BarPanel
        id="filing"
        title={t("statistics.breakdown.filing")}
        definition={visitsDef}
        d={d}
        ctx={ctx}
        empty={t("statistics.errors.filingWithInstitution")}
        rows={
          d.filings && d.filings.map((s) => ({ label: t(`statistics.filingTypes.${s.key}`), visits: s.current.visits }))
        }
      />
      <BarPanel
        id="outflow"
        title={t("statistics.regions.outflow")}
        definition={t("statistics.definitions.outflow")}
        d={d}
        ctx={ctx}
        empty={noRegions}
        rows={d.outflow.map((r) => ({ label: r.name, visits: r.figures.visits, href: link({ visitRegion: r.key }) }))}
      />
      <BarPanel
        id="inflow"
        title={t("statistics.regions.inflow")}
        definition={t("statistics.definitions.inflow")}
        d={d}
        ctx={ctx}
        empty={noRegions}
        rows={d.inflow.map((r) => ({ label: r.name, visits: r.figures.visits, href: link({ homeRegion: r.key }) }))}
      />
    </>
  );
}

export function FlowsPanel({ d, ctx }: { d: Figures; ctx: PanelContext }) {
  const { t, locale, link } = ctx;
  return (
    <GridCell>
      <Panel
        id="flows"
        title={t("statistics.regions.flows")}
        definition={`${t("statistics.definitions.flows")}\n${t("statistics.definitions.scope")}`}
        exportHref={ctx.exportHref("flows")}
        table={d.tables.flows}
        isTable
        actions={
          <Toggles
            values={FLOW_MATRIX_LEVELS}
            current={d.level}
            label={t("statistics.regions.level")}
            href={(l) => link({ level: l })}
            text={(l) => t(`statistics.regions.${l.toLowerCase()}`)}
            testId={(l) => `level-${l.toLowerCase()}`}
          />
        }
      >
        <FlowMatrix flows={d.flows} t={t} locale={locale} hrefFor={(v, h) => link({ visitRegion: v, homeRegion: h })} />
      </Panel>
    </GridCell>
  );
}

type Institution = Figures["institutions"][number];

function institutionColumns(d: Figures, ctx: PanelContext): Column<Institution>[] {
  const { t, locale, link } = ctx;
  const cost = unitFor(
    "amount",
    d.institutions.map((i) => i.figures.totalCost),
    locale,
  );
  return [
    { key: "rank", header: "#", cell: (_, n) => n + 1, numeric: true },
    {
      key: "code",
      header: t("statistics.institutions.code"),
      cell: (i) => <RowLink href={link({ institution: i.code })}>{i.code}</RowLink>,
      nowrap: true,
    },
    { key: "name", header: t("statistics.institutions.name"), cell: (i) => i.name ?? "—", minWidth: 160 },
    {
      key: "region",
      header: t("statistics.institutions.region"),
      cell: (i) => d.instRegions[i.visitRegion] ?? i.visitRegion,
    },
    {
      key: "visits",
      header: t("statistics.table.visits"),
      cell: (i) => formatCount(i.figures.visits, "one"),
      align: "right",
      numeric: true,
    },
    {
      key: "cost",
      header: t("statistics.table.totalCostIn", { unit: t(`statistics.units.${cost.key}`) }),
      cell: (i) => inUnit(i.figures.totalCost, cost, 2, true),
      align: "right",
      numeric: true,
    },
    {
      key: "ratio",
      header: t("statistics.table.fundRatio"),
      cell: (i) => `${percentOf(i.figures.fundPaid, i.figures.totalCost, 2) ?? "—"}%`,
      align: "right",
      numeric: true,
    },
  ];
}

export function InstitutionsPanel({ d, ctx }: { d: Figures; ctx: PanelContext }) {
  const { t } = ctx;
  return (
    <GridCell>
      <Panel
        id="institutions"
        title={t("statistics.institutions.title")}
        definition={t("statistics.definitions.institutions")}
        exportHref={ctx.exportHref("institutions")}
        table={d.tables.institutions}
        isTable
      >
        {d.institutions.length ? (
          <DataTable
            columns={institutionColumns(d, ctx)}
            rows={d.institutions}
            rowKey={(i) => i.code}
            label={t("statistics.institutions.title")}
            testId="institutions-table"
          />
        ) : (
          <p className="yb-body1">{t("statistics.regions.empty")}</p>
        )}
      </Panel>
    </GridCell>
  );
}
