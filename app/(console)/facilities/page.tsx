// The roster workbench: search, filters, sort and paging in the URL; the grid reads one page
// on the server (listInstitutions) and the client grid only changes the URL.
// The toolbar's texts are kit text classes (roster.module.css); Typography's color="text.secondary"
// had no effect in MUI 9, so they keep the inherited colour they rendered with.
import type { Metadata } from "next";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Paper from "@mui/material/Paper";
import AddIcon from "@mui/icons-material/Add";
import FileDownloadOutlined from "@mui/icons-material/FileDownloadOutlined";
import { ButtonLink } from "@/components/ui/links";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { hasRole } from "@/lib/auth/policy";
import { listInstitutions } from "@/lib/facilities/queries";
import { requireRegion } from "@/lib/regions/queries";
import { RosterTabs } from "./_components/roster-tabs";
import { RosterFilters } from "./_components/roster-filters";
import { RosterGrid, type RosterRow } from "./_components/roster-grid";
import { exportHref, LIST_KEYS, listQuery, pick, type RawParams } from "./_components/params";
import { ScopeSwitch } from "@/components/ui/scope-switch";
import { first, jurisdiction } from "@/components/ui/url-query";
import s from "./roster.module.css";

// The default locale, as the toLocaleString() it replaces; one formatter for the process.
const NUMBER = new Intl.NumberFormat();

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("facilities.title") };
}

async function regionOf(code: string | undefined) {
  if (!code) return null;
  // A region group (group:<slug>) is named by the picker itself.
  if (code.startsWith("group:")) return { code };
  try {
    const r = await requireRegion(code);
    return { code: r.code, name: r.name };
  } catch {
    return { code, name: code };
  }
}

export default async function FacilitiesPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const actor = await requireArea("facilities");
  const [t, sp] = await Promise.all([getT(), searchParams]);
  // Opens on the bureau's own region; ?region=all widens to the country (the URL says which).
  const rawRegion = first(sp, "region");
  const scope = jurisdiction(rawRegion, actor.regionCode);
  const { query, invalid } = listQuery({ ...sp, region: scope.region });
  const [page, region] = await Promise.all([listInstitutions(actor, query), regionOf(query.region)]);
  const manager = hasRole(actor, "ROSTER_MANAGER");
  const rows: RosterRow[] = page.items.map((i) => ({
    id: i.id,
    code: i.code,
    name: i.name,
    shortName: i.shortName,
    type: i.type,
    level: i.level,
    grade: i.grade,
    region: i.region,
    status: i.status,
    statusSince: i.statusSince,
    services: i.services.map((s) => ({ service: s.service, diseases: [...s.diseases], openedOn: s.openedOn })),
    designatedSince: i.designatedSince,
  }));

  return (
    <>
      <PageHeader
        title={t("facilities.title")}
        subtitle={t("rosterUi.subtitle")}
        actions={
          manager && (
            <ButtonLink
              href="/facilities/new"
              variant="contained"
              startIcon={<AddIcon />}
              data-testid="create-institution"
            >
              {t("rosterUi.create")}
            </ButtonLink>
          )
        }
      />
      <RosterTabs manager={manager} />
      {invalid.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="filter-invalid">
          {t("rosterUi.filters.invalid", { fields: invalid.join(", ") })}
        </Alert>
      )}
      <Paper>
        <ScopeSwitch
          t={t}
          pathname="/facilities"
          query={pick(sp, LIST_KEYS)}
          ownName={actor.regionName}
          national={scope.national}
          isOwn={scope.isOwn}
          chosenName={region?.name}
        />
        <RosterFilters
          key={JSON.stringify([query.q, query.region, query.type, query.level, query.status, query.service])}
          values={{ ...query, region: rawRegion }}
          region={region}
        />
        <div className={s.toolbar}>
          <p className={`yb-body2 ${s.total}`} data-testid="roster-total">
            {t("rosterUi.grid.total", { count: NUMBER.format(page.total) })}
          </p>
          <span className="yb-caption">{t("rosterUi.exportHint")}</span>
          <Button
            size="small"
            variant="outlined"
            startIcon={<FileDownloadOutlined />}
            href={exportHref(query, "csv")}
            download
            data-testid="export-csv"
          >
            {t("rosterUi.exportCsv")}
          </Button>
          <Button
            size="small"
            variant="outlined"
            startIcon={<FileDownloadOutlined />}
            href={exportHref(query, "xlsx")}
            download
            data-testid="export-xlsx"
          >
            {t("rosterUi.exportXlsx")}
          </Button>
        </div>
        <RosterGrid
          rows={rows}
          total={page.total}
          page={page.page}
          pageSize={page.pageSize}
          sort={query.sort ?? "code"}
        />
      </Paper>
    </>
  );
}
