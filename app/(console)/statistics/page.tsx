// Settlement statistics dashboard. Server component: reads the aggregate cubes (region-scoped)
// and hands small, plain data to the client charts. All state lives in the URL; every chart
// element links to a drill-down. The grid, cards and tables are plain markup with static classes
// (kit.css, _components/dashboard.module.css): this is the console's heaviest page, and each MUI
// Grid item, table cell or link cost render time and inlined CSS on every request. Texts keep the
// colour they were drawn in: MUI 9's Typography ignored color="text.secondary" (it takes
// "textSecondary"), so they were in the body's text colour, and still are.
import type { Metadata } from "next";
import Alert from "@mui/material/Alert";
import Chip from "@mui/material/Chip";
import UploadFileOutlined from "@mui/icons-material/UploadFileOutlined";
import { ButtonLink } from "@/components/ui/links";
import { RowLink } from "@/components/ui/row-link";
import { PrintButton } from "@/components/ui/print-button";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { canImportSettlements } from "@/lib/auth/policy";
import { formatCount, percentOf } from "@/lib/statistics/decimal";
import { inUnit, unitFor } from "@/lib/statistics/units";
import { FLOW_MATRIX_LEVELS } from "@/lib/statistics/schemas";
import { BarList } from "./_components/bar-list";
import { FilterBar, type FilterValues } from "./_components/filter-bar";
import { FlowMatrix } from "./_components/flow-matrix";
import { KpiCards } from "./_components/kpi-cards";
import { Panel } from "./_components/panel";
import { SeriesChart } from "./_components/series-chart";
import { loadDashboard } from "./_components/dashboard-data";
import { activeFilters } from "./_components/active-filters";
import { drillBucket, hrefWith, stateOf, type SearchParams } from "./_components/params";
import { chartValues } from "./_components/format";
import { CoverageNote } from "./_components/coverage-note";
import { FlowsGlance } from "./_components/flows-glance";
import { loadGlance, SANKEY_LEVELS, type SankeyLevel } from "./_components/glance-data";
import css from "./_components/dashboard.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("statistics.title") };
}

const PATH = "/statistics";

export default async function StatisticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireArea("statistics");
  const [sp, t, locale] = await Promise.all([searchParams, getT(), getLocale()]);
  const state = stateOf(sp);
  const d = await loadDashboard(actor, state, t, locale);
  const link = (changes: Parameters<typeof hrefWith>[2]) => hrefWith(PATH, state, changes);
  const exportHref = (panel: string) => `${PATH}/export?${new URLSearchParams({ ...state, panel } as Record<string, string>).toString()}`;
  const scopeName = actor.regionCode === "000000" ? t("statistics.scopeNational") : actor.regionName;
  const filterInitial = (from: string, to: string) => ({ from: state.from ?? from, to: state.to ?? to, visitRegion: state.visitRegion ?? "", homeRegion: state.homeRegion ?? "", serviceType: state.serviceType ?? "", institution: state.institution ?? "" });
  const importButton = canImportSettlements(actor) && (
    <ButtonLink href="/statistics/import" variant="outlined" startIcon={<UploadFileOutlined />}>
      {t("statistics.importAction")}
    </ButtonLink>
  );

  // Filters that fail validation: their errors under the controls, and no figures at all.
  if (d.invalid) {
    const errors: Partial<Record<keyof FilterValues, string>> = {};
    for (const [k, refs] of Object.entries(d.fieldErrors)) errors[k as keyof FilterValues] = t(refs[0]!.key, refs[0]!.params);
    return (
      <>
        <PageHeader title={t("statistics.title")} subtitle={`${scopeName} · ${t("statistics.subtitle")}`} actions={importButton} />
        <FilterBar key={JSON.stringify(state)} initial={filterInitial(d.period.from, d.period.to)} errors={errors} />
        <Alert severity="error" data-testid="stats-invalid">
          {t("statistics.invalidFilters")}
        </Alert>
      </>
    );
  }

  const f = d.filters;
  const separator = t("statistics.chart.separator");
  const visitsName = t("statistics.kpi.visits");
  const sv = chartValues("count", d.series.points.flatMap((p) => [p.complete ? p.current.visits : null, p.lastYearComplete ? p.lastYear.visits : null]), t, locale);
  const seriesData = d.series.points.map((p) => {
    const cur = p.complete ? p.current.visits : null;
    const ly = p.lastYearComplete ? p.lastYear.visits : null;
    return { bucket: p.bucket, current: sv.number(cur), lastYear: sv.number(ly), currentText: sv.text(cur), lastYearText: sv.text(ly), href: link(drillBucket(p.bucket, d.grain, f)) };
  });
  /** A bar chart's axis and data from (label, visits, link) rows. */
  const bars = (rows: { label: string; visits: bigint; href?: string }[]) => {
    const cv = chartValues("count", rows.map((r) => r.visits), t, locale);
    return { axis: cv.axis, data: rows.map((r) => ({ label: r.label, value: cv.number(r.visits)!, text: cv.text(r.visits), href: r.href })) };
  };
  const instCost = unitFor("amount", d.institutions.map((i) => i.figures.totalCost), locale);
  const grains = ["DAY", "MONTH", "QUARTER", "YEAR"] as const;
  const levels = FLOW_MATRIX_LEVELS;

  const sankeyLevel: SankeyLevel = (SANKEY_LEVELS as readonly string[]).includes(state.sankey ?? "") ? (state.sankey as SankeyLevel) : "PROVINCE";
  const glance = await loadGlance(actor, f, sankeyLevel, locale, link);
  const active = await activeFilters(f, t, link, glance.groupNames);

  return (
    <div className={css.page}>
      <PageHeader
        title={t("statistics.title")}
        subtitle={`${scopeName} · ${f.from} – ${f.to} · ${t("statistics.subtitle")}`}
        actions={
          <>
            {importButton}
            <PrintButton />
          </>
        }
      />
      <FilterBar key={JSON.stringify(state)} initial={filterInitial(f.from, f.to)} errors={{}} />
      {active.length > 0 && (
        <div className={css.active} data-testid="active-filters">
          <p className="yb-body2">{t("statistics.filters.active")}</p>
          {active.map((a) => (
            <Chip key={a.label} label={a.label} component="a" href={a.remove} clickable onDelete={undefined} aria-label={t("statistics.filters.remove", { label: a.label })} />
          ))}
        </div>
      )}
      <CoverageNote coverage={d.summary.coverage} t={t} />
      <KpiCards s={d.summary} t={t} locale={locale} />

      <div className={`${css.grid} ${css.figures}`} data-testid="stats-figures">
        <div className={css.full}>
          <Panel
            id="series"
            title={t("statistics.series.title")}
            definition={`${t("statistics.definitions.visits")}\n${t("statistics.definitions.period")}\n${t("statistics.series.drill")}`}
            exportHref={exportHref("series")}
            table={d.tables.series}
            actions={
              <div className={css.toggles} role="group" aria-label={t("statistics.series.grain")}>
                {grains.map((g) => (
                  <ButtonLink key={g} href={link({ grain: g })} size="small" variant={d.grain === g ? "contained" : "text"} data-testid={`grain-${g.toLowerCase()}`}>
                    {t(`statistics.series.${g.toLowerCase()}`)}
                  </ButtonLink>
                ))}
              </div>
            }
          >
            {d.series.dayRefused && (
              <Alert severity="info" sx={{ mb: 1 }}>
                {t("statistics.series.dayUnavailable")}
              </Alert>
            )}
            <SeriesChart data={seriesData} axis={sv.axis} separator={separator} labels={{ current: t("statistics.series.current"), lastYear: t("statistics.series.lastYear") }} />
          </Panel>
        </div>

        <div className={css.half}>
          <Panel id="service" title={t("statistics.breakdown.service")} definition={t("statistics.definitions.visits")} exportHref={exportHref("service")} table={d.tables.service}>
            <BarList testId="service-chart" name={visitsName} separator={separator} {...bars(d.services.map((s) => ({ label: t(`statistics.serviceTypes.${s.key}`), visits: s.current.visits, href: link({ serviceType: s.key }) })))} />
          </Panel>
        </div>
        <div className={css.half}>
          <Panel id="filing" title={t("statistics.breakdown.filing")} definition={t("statistics.definitions.visits")} exportHref={exportHref("filing")} table={d.tables.filing}>
            {d.filings ? (
              <BarList testId="filing-chart" name={visitsName} separator={separator} {...bars(d.filings.map((s) => ({ label: t(`statistics.filingTypes.${s.key}`), visits: s.current.visits })))} />
            ) : (
              <p className="yb-body1">{t("statistics.errors.filingWithInstitution")}</p>
            )}
          </Panel>
        </div>

        <div className={css.half}>
          <Panel id="outflow" title={t("statistics.regions.outflow")} definition={t("statistics.definitions.outflow")} exportHref={exportHref("outflow")} table={d.tables.outflow}>
            {d.outflow.length ? (
              <BarList testId="outflow-chart" name={visitsName} separator={separator} {...bars(d.outflow.map((r) => ({ label: r.name, visits: r.figures.visits, href: link({ visitRegion: r.key }) })))} />
            ) : (
              <p className="yb-body1">{t("statistics.regions.empty")}</p>
            )}
          </Panel>
        </div>
        <div className={css.half}>
          <Panel id="inflow" title={t("statistics.regions.inflow")} definition={t("statistics.definitions.inflow")} exportHref={exportHref("inflow")} table={d.tables.inflow}>
            {d.inflow.length ? (
              <BarList testId="inflow-chart" name={visitsName} separator={separator} {...bars(d.inflow.map((r) => ({ label: r.name, visits: r.figures.visits, href: link({ homeRegion: r.key }) })))} />
            ) : (
              <p className="yb-body1">{t("statistics.regions.empty")}</p>
            )}
          </Panel>
        </div>

        <FlowsGlance glance={glance} levelHrefs={{ PROVINCE: link({ sankey: "PROVINCE" }), CITY: link({ sankey: "CITY" }), GROUP: link({ sankey: "GROUP" }) }} />

        <div className={css.full}>
          <Panel
            id="flows"
            title={t("statistics.regions.flows")}
            definition={`${t("statistics.definitions.flows")}\n${t("statistics.definitions.scope")}`}
            exportHref={exportHref("flows")}
            table={d.tables.flows}
            isTable
            actions={
              <div className={css.toggles} role="group" aria-label={t("statistics.regions.level")}>
                {levels.map((l) => (
                  <ButtonLink key={l} href={link({ level: l })} size="small" variant={d.level === l ? "contained" : "text"} data-testid={`level-${l.toLowerCase()}`}>
                    {t(`statistics.regions.${l.toLowerCase()}`)}
                  </ButtonLink>
                ))}
              </div>
            }
          >
            <FlowMatrix flows={d.flows} t={t} locale={locale} hrefFor={(v, h) => link({ visitRegion: v, homeRegion: h })} />
          </Panel>
        </div>

        <div className={css.full}>
          <Panel id="institutions" title={t("statistics.institutions.title")} definition={t("statistics.definitions.institutions")} exportHref={exportHref("institutions")} table={d.tables.institutions} isTable>
            {d.institutions.length ? (
              <div className="yb-table-wrap">
                <table className="yb-table" data-testid="institutions-table">
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">{t("statistics.institutions.code")}</th>
                      <th scope="col">{t("statistics.institutions.name")}</th>
                      <th scope="col">{t("statistics.institutions.region")}</th>
                      {[t("statistics.table.visits"), t("statistics.table.totalCostIn", { unit: t(`statistics.units.${instCost.key}`) }), t("statistics.table.fundRatio")].map((h) => (
                        <th key={h} scope="col" className="yb-right">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {d.institutions.map((i, n) => (
                      <tr key={i.code} className="yb-hover">
                        <td>{n + 1}</td>
                        <td>
                          <RowLink href={link({ institution: i.code })}>{i.code}</RowLink>
                        </td>
                        <td>{i.name ?? "—"}</td>
                        <td>{d.instRegions[i.visitRegion] ?? i.visitRegion}</td>
                        <td className="yb-right yb-num">{formatCount(i.figures.visits, "one")}</td>
                        <td className="yb-right yb-num">{inUnit(i.figures.totalCost, instCost, 2, true)}</td>
                        <td className="yb-right yb-num">{percentOf(i.figures.fundPaid, i.figures.totalCost, 2) ?? "—"}%</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="yb-body1">{t("statistics.regions.empty")}</p>
            )}
          </Panel>
        </div>
      </div>
    </div>
  );
}
