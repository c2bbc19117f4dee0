// Agreement list: filters (party region, type, status, in force on a date, text) in the URL,
// server-side paging. Public reference for the agreements job area.
import type { Metadata } from "next";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import AddIcon from "@mui/icons-material/Add";
import { ButtonLink } from "@/components/ui/links";
import { DataTable } from "@/components/ui/data-table";
import { RowLink } from "@/components/ui/row-link";
import { PageHeader } from "@/components/layout/page-header";
import { getLocale, getT } from "@/components/i18n/server";
import { hasRole } from "@/lib/auth/policy";
import { listAgreements } from "@/lib/agreements/queries";
import { listAgreementsSchema } from "@/lib/agreements/schemas";
import { safeParseInput } from "@/lib/validation";
import { AgreementTabs } from "./_components/agreement-tabs";
import { PartyChips, StatusChip } from "./_components/chips";
import { ListFilters } from "./_components/list-filters";
import { UrlPagination } from "@/components/ui/url-pagination";
import { ScopeSwitch } from "@/components/ui/scope-switch";
import { jurisdiction } from "@/components/ui/url-query";
import { regionNames } from "@/lib/regions/names";
import { requireAgreementsArea } from "./_components/guard";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const KEYS = ["q", "party", "type", "status", "date", "page", "pageSize"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("agreements.title") };
}

export default async function AgreementsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireAgreementsArea();
  const [sp, t, locale] = await Promise.all([searchParams, getT(), getLocale()]);
  const raw: Record<string, string> = {};
  for (const k of KEYS) {
    const v = sp[k];
    const s = (Array.isArray(v) ? v[0] : v)?.trim();
    if (s) raw[k] = s;
  }
  // Opens on the agreements concerning the bureau's own region; ?party=all widens to the country.
  const scope = jurisdiction(raw.party, actor.regionCode);
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
          <DataTable
            label={t("agreements.title")}
            testId="agreement-list"
            rows={page.items}
            rowKey={(a) => a.id}
            rowProps={(a) => ({ "data-number": a.number })}
            columns={[
              {
                key: "number",
                header: t("agreements.list.number"),
                nowrap: true,
                cell: (a) => <RowLink href={`/agreements/${a.id}`}>{a.number}</RowLink>,
              },
              {
                key: "title",
                header: t("agreements.list.titleCol"),
                minWidth: 240,
                cell: (a) => (locale === "en" && a.titleEn ? a.titleEn : a.title),
              },
              {
                key: "type",
                header: t("agreements.list.type"),
                nowrap: true,
                cell: (a) => t(`agreements.types.${a.type}`),
              },
              {
                key: "parties",
                header: t("agreements.list.parties"),
                cell: (a) => <PartyChips parties={a.parties} mutual={a.direction === "MUTUAL"} t={t} />,
              },
              {
                key: "services",
                header: t("agreements.list.services"),
                cell: (a) => a.services.map((s) => t(`agreements.services.${s}`)).join(t("nav.roleSeparator")),
              },
              {
                key: "period",
                header: t("agreements.list.period"),
                nowrap: true,
                cell: (a) => `${a.effectiveFrom} ~ ${a.effectiveTo ?? t("agreements.list.openEnded")}`,
              },
              {
                key: "status",
                header: t("agreements.list.status"),
                cell: (a) => <StatusChip status={a.status} t={t} />,
              },
            ]}
          />
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
