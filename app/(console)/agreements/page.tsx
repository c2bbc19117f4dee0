// Agreement list: filters (party region, type, status, in force on a date, text) in the URL,
// server-side paging. Public reference for the agreements job area.
import type { Metadata } from "next";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import AddIcon from "@mui/icons-material/Add";
import { ButtonLink, TextLink } from "@/components/ui/links";
import { PageHeader } from "@/components/layout/page-header";
import { getLocale, getT } from "@/components/i18n/server";
import { hasRole } from "@/lib/auth/policy";
import { listAgreements } from "@/lib/agreements/queries";
import { listAgreementsSchema } from "@/lib/agreements/schemas";
import { fieldErrorsOf } from "@/lib/validation";
import { AgreementTabs } from "./_components/agreement-tabs";
import { PartyChips, StatusChip } from "./_components/chips";
import { ListFilters } from "./_components/list-filters";
import { UrlPagination } from "./_components/url";
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
  // An invalid filter is shown on its field and left out of the query.
  const parsed = listAgreementsSchema.safeParse(raw);
  const errors: Record<string, string> = {};
  const filter = { ...raw };
  if (!parsed.success) {
    for (const [field, refs] of Object.entries(fieldErrorsOf(parsed.error))) {
      errors[field] = t(refs[0]!.key, refs[0]!.params);
      delete filter[field];
    }
  }
  const page = await listAgreements(actor, filter);

  return (
    <>
      <PageHeader
        title={t("agreements.title")}
        subtitle={t("agreements.subtitle")}
        actions={
          hasRole(actor, "AGREEMENT_OFFICER") && (
            <ButtonLink href="/agreements/new" variant="contained" startIcon={<AddIcon />} data-testid="create-agreement">
              {t("agreements.create")}
            </ButtonLink>
          )
        }
      />
      <AgreementTabs />
      <Paper>
        <ListFilters values={raw} errors={errors} />
        {page.items.length ? (
          <TableContainer>
            <Table size="small" aria-label={t("agreements.title")} data-testid="agreement-list">
              <TableHead>
                <TableRow>
                  <TableCell>{t("agreements.list.number")}</TableCell>
                  <TableCell>{t("agreements.list.titleCol")}</TableCell>
                  <TableCell>{t("agreements.list.type")}</TableCell>
                  <TableCell>{t("agreements.list.parties")}</TableCell>
                  <TableCell>{t("agreements.list.services")}</TableCell>
                  <TableCell>{t("agreements.list.period")}</TableCell>
                  <TableCell>{t("agreements.list.status")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {page.items.map((a) => (
                  <TableRow key={a.id} hover data-number={a.number}>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>
                      <TextLink href={`/agreements/${a.id}`}>{a.number}</TextLink>
                    </TableCell>
                    <TableCell sx={{ minWidth: 240 }}>{locale === "en" && a.titleEn ? a.titleEn : a.title}</TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{t(`agreements.types.${a.type}`)}</TableCell>
                    <TableCell>
                      <PartyChips parties={a.parties} mutual={a.direction === "MUTUAL"} t={t} />
                    </TableCell>
                    <TableCell>{a.services.map((s) => t(`agreements.services.${s}`)).join(t("nav.roleSeparator"))}</TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>
                      {a.effectiveFrom} ~ {a.effectiveTo ?? t("agreements.list.openEnded")}
                    </TableCell>
                    <TableCell>
                      <StatusChip status={a.status} t={t} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
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
