// The roster workbench: search, filters, sort and paging in the URL; the grid reads one page
// on the server (listInstitutions) and the client grid only changes the URL.
import type { Metadata } from "next";
import Alert from "@mui/material/Alert";
import Paper from "@mui/material/Paper";
import AddIcon from "@mui/icons-material/Add";
import { ButtonLink } from "@/components/ui/links";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { hasRole } from "@/lib/auth/policy";
import { listInstitutions } from "@/lib/facilities/queries";
import type { InstitutionSummary } from "@/lib/facilities/views";
import { requireRegion } from "@/lib/regions/queries";
import { RosterTabs } from "./_components/roster-tabs";
import { RosterFilters } from "./_components/roster-filters";
import { RosterGrid, type RosterRow } from "./_components/roster-grid";
import { RosterToolbar } from "./_components/roster-toolbar";
import { LIST_KEYS, listQuery, pick, type RawParams } from "./_components/params";
import { ScopeSwitch } from "@/components/ui/scope-switch";
import { first, jurisdiction } from "@/components/ui/url-query";

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

/** The grid's row of an institution (plain data for the client grid). */
function rosterRow(i: InstitutionSummary): RosterRow {
  return {
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
  };
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
        <RosterToolbar t={t} total={page.total} query={query} />
        <RosterGrid
          rows={page.items.map(rosterRow)}
          total={page.total}
          page={page.page}
          pageSize={page.pageSize}
          sort={query.sort ?? "code"}
        />
      </Paper>
    </>
  );
}
