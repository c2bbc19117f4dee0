// Settlement statistics dashboard. Server component: reads the aggregate cubes (region-scoped)
// and hands small, plain data to the client charts. All state lives in the URL; every chart
// element links to a drill-down. The grid, cards and tables are plain markup with static classes
// (kit.css, _components/dashboard.module.css): this is the console's heaviest page, and each MUI
// Grid item, table cell or link cost render time and inlined CSS on every request. Texts keep the
// colour they were drawn in: MUI 9's Typography ignored color="text.secondary" (it takes
// "textSecondary"), so they were in the body's text colour, and still are.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Alert from "@mui/material/Alert";
import Chip from "@mui/material/Chip";
import UploadFileOutlined from "@mui/icons-material/UploadFileOutlined";
import { CardGrid } from "@/components/ui/card-grid";
import { ButtonLink } from "@/components/ui/links";
import { PrintButton } from "@/components/ui/print-button";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import type { Actor } from "@/lib/auth/actor";
import type { Translate } from "@/lib/i18n";
import { canImportSettlements } from "@/lib/auth/policy";
import { FilterBar, type FilterValues } from "./_components/filter-bar";
import { KpiCards } from "./_components/kpi-cards";
import { loadDashboard, type Dashboard } from "./_components/dashboard-data";
import {
  BreakdownPanels,
  FlowsPanel,
  InstitutionsPanel,
  SeriesPanel,
  type Figures,
  type PanelContext,
} from "./_components/dashboard-panels";
import { activeFilters } from "./_components/active-filters";
import { hrefWith, stateOf, type DashState, type SearchParams } from "./_components/params";
import { CoverageNote } from "./_components/coverage-note";
import { FlowsGlance } from "./_components/flows-glance";
import { loadGlance, SANKEY_LEVELS, type SankeyLevel } from "./_components/glance-data";
import css from "./_components/dashboard.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("statistics.title") };
}

const PATH = "/statistics";

/** The filter bar's values: the URL's, the period defaulting to the one the figures answer. */
function filterInitial(state: DashState, period: { from: string; to: string }): FilterValues {
  return {
    from: state.from ?? period.from,
    to: state.to ?? period.to,
    visitRegion: state.visitRegion ?? "",
    homeRegion: state.homeRegion ?? "",
    serviceType: state.serviceType ?? "",
    institution: state.institution ?? "",
  };
}

function ImportButton({ actor, t }: { actor: Actor; t: Translate }) {
  if (!canImportSettlements(actor)) return null;
  return (
    <ButtonLink href="/statistics/import" variant="outlined" startIcon={<UploadFileOutlined />}>
      {t("statistics.importAction")}
    </ButtonLink>
  );
}

/** Filters that fail validation: their errors under the controls, and no figures at all. */
function InvalidFilters({
  d,
  state,
  t,
  header,
}: {
  d: Extract<Dashboard, { invalid: true }>;
  state: DashState;
  t: Translate;
  header: ReactNode;
}) {
  const errors: Partial<Record<keyof FilterValues, string>> = {};
  for (const [k, refs] of Object.entries(d.fieldErrors))
    errors[k as keyof FilterValues] = t(refs[0]!.key, refs[0]!.params);
  return (
    <>
      {header}
      <FilterBar key={JSON.stringify(state)} initial={filterInitial(state, d.period)} errors={errors} />
      <Alert severity="error" data-testid="stats-invalid">
        {t("statistics.invalidFilters")}
      </Alert>
    </>
  );
}

/** The applied filters as chips above the cards, each removing itself. */
function ActiveFilters({ active, t }: { active: Awaited<ReturnType<typeof activeFilters>>; t: Translate }) {
  if (active.length === 0) return null;
  return (
    <div className={css.active} data-testid="active-filters">
      <p className="yb-body2">{t("statistics.filters.active")}</p>
      {active.map((a) => (
        <Chip
          key={a.label}
          label={a.label}
          component="a"
          href={a.remove}
          clickable
          onDelete={undefined}
          aria-label={t("statistics.filters.remove", { label: a.label })}
        />
      ))}
    </div>
  );
}

async function DashboardBody({
  actor,
  d,
  state,
  ctx,
}: {
  actor: Actor;
  d: Figures;
  state: DashState;
  ctx: PanelContext;
}) {
  const { t, locale, link } = ctx;
  const sankeyLevel: SankeyLevel = (SANKEY_LEVELS as readonly string[]).includes(state.sankey ?? "")
    ? (state.sankey as SankeyLevel)
    : "PROVINCE";
  const glance = await loadGlance(actor, d.filters, sankeyLevel, locale, link);
  const active = await activeFilters(d.filters, t, link, glance.groupNames);
  return (
    <>
      <FilterBar key={JSON.stringify(state)} initial={filterInitial(state, d.filters)} errors={{}} />
      <ActiveFilters active={active} t={t} />
      <CoverageNote coverage={d.summary.coverage} t={t} />
      <KpiCards s={d.summary} t={t} locale={locale} />
      <CardGrid className={css.figures} testId="stats-figures">
        <SeriesPanel d={d} ctx={ctx} />
        <BreakdownPanels d={d} ctx={ctx} />
        <FlowsGlance
          glance={glance}
          levelHrefs={{
            PROVINCE: link({ sankey: "PROVINCE" }),
            CITY: link({ sankey: "CITY" }),
            GROUP: link({ sankey: "GROUP" }),
          }}
        />
        <FlowsPanel d={d} ctx={ctx} />
        <InstitutionsPanel d={d} ctx={ctx} />
      </CardGrid>
    </>
  );
}

export default async function StatisticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireArea("statistics");
  const [sp, t, locale] = await Promise.all([searchParams, getT(), getLocale()]);
  const state = stateOf(sp);
  const d = await loadDashboard(actor, state, t, locale);
  const scopeName = actor.regionCode === "000000" ? t("statistics.scopeNational") : actor.regionName;
  if (d.invalid)
    return (
      <InvalidFilters
        d={d}
        state={state}
        t={t}
        header={
          <PageHeader
            title={t("statistics.title")}
            subtitle={`${scopeName} · ${t("statistics.subtitle")}`}
            actions={<ImportButton actor={actor} t={t} />}
          />
        }
      />
    );

  const ctx: PanelContext = {
    t,
    locale,
    link: (changes) => hrefWith(PATH, state, changes),
    exportHref: (panel) =>
      `${PATH}/export?${new URLSearchParams({ ...state, panel } as Record<string, string>).toString()}`,
  };
  return (
    <div className={css.page}>
      <PageHeader
        title={t("statistics.title")}
        subtitle={`${scopeName} · ${d.filters.from} – ${d.filters.to} · ${t("statistics.subtitle")}`}
        actions={
          <>
            <ImportButton actor={actor} t={t} />
            <PrintButton />
          </>
        }
      />
      <DashboardBody actor={actor} d={d} state={state} ctx={ctx} />
    </div>
  );
}
