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
import { countByLevel, requireRegionDetail, searchRegions } from "@/lib/regions/queries";
import { listRegionsSchema, regionCodeSchema, type RegionRef, type RegionView } from "@/lib/regions/schemas";
import { safeParseInput } from "@/lib/validation";
import type { Translate } from "@/lib/i18n";
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
  const row: RegionRow = {
    code: r.code,
    name: r.name,
    level: r.level,
    poolingArea: r.poolingArea,
    childCount: r.childCount,
  };
  if (r.path) row.path = r.path.map((p) => p.name).join(" › ");
  return row;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("regions.title") };
}

/** The URL's question: the region (a malformed code is a page that does not exist) and the search (its error shown on its field). */
function readQuery(sp: Awaited<SearchParams>) {
  const code = first(sp.code)?.trim() || NATION_CODE;
  if (!safeParseInput(regionCodeSchema, code).success) notFound();
  const rawQ = first(sp.q) ?? "";
  const parsed = safeParseInput(listRegionsSchema, { parent: code, q: rawQ });
  const q = parsed.success ? (parsed.data.q ?? "") : "";
  return {
    code,
    rawQ,
    q,
    limit: parsed.success ? parsed.data.limit : 0,
    qError: parsed.success ? undefined : parsed.fieldErrors.q?.[0],
  };
}

type Query = ReturnType<typeof readQuery>;
type Region = NonNullable<Awaited<ReturnType<typeof requireRegionDetail>>>;
type Found = Awaited<ReturnType<typeof searchRegions>>;

/** "搜索范围：… · 共 n 条 · 改为全国范围" for a search, else the number of children. */
function ListCount({
  region,
  query,
  found,
  isRoot,
  t,
}: {
  region: Region;
  query: Query;
  found: Found | null;
  isRoot: boolean;
  t: Translate;
}) {
  if (!query.q || !found) return <>{t("regions.children.count", { count: region.childCount })}</>;
  return (
    <>
      {t("regions.search.scope", { scope: region.name })}
      {" · "}
      {t("common.total", { count: found.items.length })}
      {!isRoot && (
        <>
          {" · "}
          <RowLink href={regionHref(NATION_CODE, query.q)}>{t("regions.search.nationwide")}</RowLink>
        </>
      )}
    </>
  );
}

/** The search hits with their paths, or the children of the region; a sentence when there are none. */
function ListBody({
  region,
  query,
  found,
  ownCode,
  label,
  t,
}: {
  region: Region;
  query: Query;
  found: Found | null;
  ownCode: string;
  label: string;
  t: Translate;
}) {
  if (query.q && found) {
    if (!found.items.length)
      return (
        <p className={`yb-body1 ${s.empty}`}>{t("regions.search.noResults", { scope: region.name, q: query.q })}</p>
      );
    return (
      <>
        <RegionTable
          rows={found.items.map(rowOf)}
          showPath
          ownCode={ownCode}
          label={label}
          testId="region-search-results"
        />
        {found.truncated && (
          <Alert severity="info" sx={{ m: 2 }}>
            {t("regions.search.truncated", { limit: query.limit })}
          </Alert>
        )}
      </>
    );
  }
  if (!region.children.length)
    return <p className={`yb-body1 ${s.empty}`}>{t("regions.children.leaf", { name: region.name })}</p>;
  return (
    <RegionTable
      rows={region.children.map(rowOf)}
      showPath={false}
      ownCode={ownCode}
      label={label}
      testId="region-children"
    />
  );
}

function RegionList({
  region,
  query,
  found,
  isRoot,
  ownCode,
  t,
}: {
  region: Region;
  query: Query;
  found: Found | null;
  isRoot: boolean;
  ownCode: string;
  t: Translate;
}) {
  const title = query.q
    ? t("regions.search.resultsTitle", { q: query.q })
    : isRoot
      ? t("regions.children.rootTitle")
      : t("regions.children.title");
  return (
    <Panel as="section" aria-labelledby="region-list-title">
      <div className={s.listHead}>
        <div>
          <h2 id="region-list-title" className="yb-h4">
            {title}
          </h2>
          <p className={`yb-body2 ${s.listCount}`}>
            <ListCount region={region} query={query} found={found} isRoot={isRoot} t={t} />
          </p>
        </div>
        <SearchForm
          code={query.code}
          q={query.qError ? query.rawQ : query.q}
          error={query.qError ? t(query.qError.key, query.qError.params) : undefined}
          t={t}
        />
      </div>
      <ListBody region={region} query={query} found={found} ownCode={ownCode} label={title} t={t} />
    </Panel>
  );
}

export default async function RegionsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  if (!canBrowseRegions(actor)) notFound();
  const [sp, t, locale] = await Promise.all([searchParams, getT(), getLocale()]);
  const query = readQuery(sp);
  // The root needs no breadcrumb or header card: the national counts stand in for them.
  const isRoot = query.code === NATION_CODE;
  const [region, counts, found] = await Promise.all([
    requireRegionDetail(query.code).catch((e: unknown) => (e instanceof NotFoundError ? null : Promise.reject(e))),
    isRoot ? countByLevel() : null,
    query.q ? searchRegions(query.q, query.limit, query.code) : null,
  ]);
  if (!region) notFound();
  const path = [...region.ancestors, { code: region.code, name: region.name, level: region.level }];

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
      {counts && <RegionStats counts={counts} t={t} formatNumber={numberFormatOf(locale)} />}
      {!isRoot && (
        <>
          <RegionBreadcrumbs path={path} t={t} />
          <RegionHeader region={region} isOwnScope={actor.regionCode === region.code} t={t} />
        </>
      )}
      <RegionList region={region} query={query} found={found} isRoot={isRoot} ownCode={actor.regionCode} t={t} />
    </>
  );
}
