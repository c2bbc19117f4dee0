// Agreement list: filters (party region, type, status, in force on a date, text) in the URL,
// server-side paging. Public reference for the agreements job area.
import type { Metadata } from "next";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import AddIcon from "@mui/icons-material/Add";
import { ButtonLink } from "@/components/ui/links";
import { PageHeader } from "@/components/layout/page-header";
import { getLocale, getT } from "@/components/i18n/server";
import { hasRole } from "@/lib/auth/policy";
import type { Translate } from "@/lib/i18n";
import { listAgreements } from "@/lib/agreements/queries";
import { listAgreementsSchema } from "@/lib/agreements/schemas";
import { safeParseInput } from "@/lib/validation";
import { AgreementTabs } from "./_components/agreement-tabs";
import { AgreementTable } from "./_components/agreement-table";
import { ListFilters } from "./_components/list-filters";
import { UrlPagination } from "@/components/ui/url-pagination";
import { ScopeSwitch } from "@/components/ui/scope-switch";
import { jurisdiction, pickParams, type RawParams } from "@/components/ui/url-query";
import { regionNames } from "@/lib/regions/names";
import { requireAgreementsArea } from "./_components/guard";

type SearchParams = Promise<RawParams>;
const KEYS = ["q", "party", "type", "status", "date", "page", "pageSize"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("agreements.title") };
}

/**
 * The list's URL state as a query: the party scope resolved against the bureau's own region, an
 * invalid filter named on its field (`errors`) and left out of `filter`.
 */
function listQuery(sp: RawParams, ownRegion: string, t: Translate) {
  const raw = pickParams(sp, KEYS);
  // Opens on the agreements concerning the bureau's own region; ?party=all widens to the country.
  const scope = jurisdiction(raw.party, ownRegion);
  const urlQuery = { ...raw };
  if (scope.region) raw.party = scope.region;
  else delete raw.party;
  // An invalid filter is shown on its field and left out of the query.
  const parsed = safeParseInput(listAgreementsSchema, raw);
  const errors: Record<string, string> = {};
  const filter = { ...raw };
  if (!parsed.success) {
    for (const [field, refs] of Object.entries(parsed.fieldErrors)) {
      errors[field] = t(refs[0]!.key, refs[0]!.params);
      delete filter[field];
    }
  }
  return { raw, urlQuery, scope, errors, filter };
}

export default async function AgreementsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireAgreementsArea();
  const [sp, t, locale] = await Promise.all([searchParams, getT(), getLocale()]);
  const { raw, urlQuery, scope, errors, filter } = listQuery(sp, actor.regionCode, t);
  const [page, chosenName] = await Promise.all([
    listAgreements(actor, filter),
    scope.region && !scope.isOwn ? regionNames([scope.region]).then((m) => m.get(scope.region!)) : undefined,
  ]);

  return (
    <>
      <PageHeader
        title={t("agreements.title")}
        subtitle={t("agreements.subtitle")}
        actions={
          hasRole(actor, "AGREEMENT_OFFICER") && (
            <ButtonLink
              href="/agreements/new"
              variant="contained"
              startIcon={<AddIcon />}
              data-testid="create-agreement"
            >
              {t("agreements.create")}
            </ButtonLink>
          )
        }
      />
      <AgreementTabs />
      <Paper>
        <ScopeSwitch
          t={t}
          pathname="/agreements"
          query={urlQuery}
          param="party"
          ownName={actor.regionName}
          national={scope.national}
          isOwn={scope.isOwn}
          chosenName={chosenName}
        />
        <ListFilters values={raw} errors={errors} />
        {page.items.length ? (
          <AgreementTable items={page.items} t={t} locale={locale} />
        ) : (
          <Typography color="text.secondary" sx={{ p: 3 }}>
            {t("agreements.list.empty")}
          </Typography>
        )}
        <Box sx={{ borderTop: 1, borderColor: "divider" }}>
          <UrlPagination total={page.total} page={page.page} pageSize={page.pageSize} />
        </Box>
      </Paper>
    </>
  );
}
