// The region tree browser: breadcrumb, the current region, its children or a search in its
// subtree. All state is in the URL (?code=XXXXXX&q=…) and everything renders on the server.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Alert from "@mui/material/Alert";
import MyLocationOutlined from "@mui/icons-material/MyLocationOutlined";
import { ButtonLink } from "@/components/ui/links";
import { Panel } from "@/components/ui/panel";
import { RowLink } from "@/components/ui/row-link";
import { PageHeader } from "@/components/layout/page-header";
import { requirePageActor } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { canBrowseRegions } from "@/lib/auth/policy";
import { NATION_CODE } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { countByLevel, getRegionDetail, searchRegions } from "@/lib/regions/queries";
import { listRegionsSchema, regionCodeSchema, type RegionRef, type RegionView } from "@/lib/regions/schemas";
import { safeParseInput } from "@/lib/validation";
import { RegionBreadcrumbs } from "./_components/region-breadcrumbs";
import { RegionHeader } from "./_components/region-header";
import { RegionStats } from "./_components/region-stats";
import { RegionTable, type RegionRow } from "./_components/region-table";
import { SearchForm } from "./_components/search-form";
import { regionHref } from "./_components/region-href";
import s from "./_components/regions.module.css";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// One number formatter per locale for the process (a list formats a figure per row).
const numberFormats = new Map<string, (n: number) => string>();
function numberFormatOf(locale: string) {
  let f = numberFormats.get(locale);
  if (!f) {
    const nf = new Intl.NumberFormat(locale);
    numberFormats.set(locale, (f = (n: number) => nf.format(n)));
  }
  return f;
}

/** A table row as data for the client table: only what it shows. */
function rowOf(r: RegionView & { path?: RegionRef[] }): RegionRow {
  const row: RegionRow = { code: r.code, name: r.name, level: r.level, poolingArea: r.poolingArea, childCount: r.childCount };
  if (r.path) row.path = r.path.map((p) => p.name).join(" › ");
  return row;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("regions.title") };
}

export default async function RegionsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  if (!canBrowseRegions(actor)) notFound();
  const [sp, t, locale] = await Promise.all([searchParams, getT(), getLocale()]);
  const formatNumber = numberFormatOf(locale);

  // A malformed code is a page that does not exist; a malformed search is shown on its field.
  const code = first(sp.code)?.trim() || NATION_CODE;
  if (!safeParseInput(regionCodeSchema, code).success) notFound();
  // The root needs no breadcrumb or header card: the national counts stand in for them.
  const isRoot = code === NATION_CODE;
  const rawQ = first(sp.q) ?? "";
  const parsed = safeParseInput(listRegionsSchema, { parent: code, q: rawQ });
  const q = parsed.success ? (parsed.data.q ?? "") : "";
  const limit = parsed.success ? parsed.data.limit : 0;
  const qError = parsed.success ? undefined : parsed.fieldErrors.q?.[0];

  const [region, counts, found] = await Promise.all([
    getRegionDetail(code).catch((e: unknown) => (e instanceof NotFoundError ? null : Promise.reject(e))),
    isRoot ? countByLevel() : null,
    q ? searchRegions(q, limit, code) : null,
  ]);
  if (!region) notFound();

  const path = [...region.ancestors, { code: region.code, name: region.name, level: region.level }];
  const searching = Boolean(q);

  return (
    <>
      <PageHeader
        title={t("regions.title")}
        subtitle={t("regions.subtitle")}
        actions={
          actor.regionCode !== region.code && (
            <ButtonLink href={regionHref(actor.regionCode)} variant="outlined" startIcon={<MyLocationOutlined />}>
              {t("regions.myJurisdiction")}
            </ButtonLink>
          )
        }
      />
      {counts && <RegionStats counts={counts} t={t} formatNumber={formatNumber} />}
      {!isRoot && (
        <>
          <RegionBreadcrumbs path={path} t={t} />
          <RegionHeader region={region} isOwnScope={actor.regionCode === region.code} t={t} />
        </>
      )}

      <Panel as="section" aria-labelledby="region-list-title">
        <div className={s.listHead}>
          <div>
            <h2 id="region-list-title" className="yb-h4">
              {searching ? t("regions.search.resultsTitle", { q }) : isRoot ? t("regions.children.rootTitle") : t("regions.children.title")}
            </h2>
            <p className={`yb-body2 ${s.listCount}`}>
              {searching && found ? (
                <>
                  {t("regions.search.scope", { scope: region.name })}
                  {" · "}
                  {t("common.total", { count: found.items.length })}
                  {!isRoot && (
                    <>
                      {" · "}
                      <RowLink href={regionHref(NATION_CODE, q)}>{t("regions.search.nationwide")}</RowLink>
                    </>
                  )}
                </>
              ) : (
                t("regions.children.count", { count: region.childCount })
              )}
            </p>
          </div>
          <SearchForm code={code} q={qError ? rawQ : q} error={qError ? t(qError.key, qError.params) : undefined} t={t} />
        </div>

        {searching && found ? (
          found.items.length ? (
            <>
              <RegionTable rows={found.items.map(rowOf)} showPath ownCode={actor.regionCode} testId="region-search-results" />
              {found.truncated && (
                <Alert severity="info" sx={{ m: 2 }}>
                  {t("regions.search.truncated", { limit })}
                </Alert>
              )}
            </>
          ) : (
            <p className={`yb-body1 ${s.empty}`}>{t("regions.search.noResults", { scope: region.name, q })}</p>
          )
        ) : region.children.length ? (
          <RegionTable rows={region.children.map(rowOf)} showPath={false} ownCode={actor.regionCode} testId="region-children" />
        ) : (
          <p className={`yb-body1 ${s.empty}`}>{t("regions.children.leaf", { name: region.name })}</p>
        )}
      </Panel>
    </>
  );
}
