// One agreement: overview, parties, scope and ratio rules, approvals, status history, the
// lifecycle buttons for officers of a party, and the institutions it covers (paginated).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Stack from "@mui/material/Stack";
import { ButtonLink } from "@/components/ui/links";
import { PrintButton } from "@/components/ui/print-button";
import { PageHeader } from "@/components/layout/page-header";
import { Section } from "@/components/ui/section";
import { first, type RawParams } from "@/components/ui/url-query";
import { getLocale, getT } from "@/components/i18n/server";
import { agreementPermissions, getAgreement, listCoveredInstitutions, regionNames } from "@/lib/agreements/queries";
import type { AgreementView } from "@/lib/agreements/views";
import { todayCn } from "@/lib/facilities/codes";
import type { Translate } from "@/lib/i18n";
import { AgreementTabs } from "../_components/agreement-tabs";
import { StatusChip } from "../_components/chips";
import { TransitionPanel } from "../_components/transition-panel";
import { requireAgreementsArea } from "../_components/guard";
import { Approvals, Covered, Overview, Parties, Scope, Timeline } from "./_components/agreement-sections";
import css from "./agreement.module.css";

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("agreements.title") };
}

function Header({ a, title, t, canEdit }: { a: AgreementView; title: string; t: Translate; canEdit: boolean }) {
  return (
    <PageHeader
      title={title}
      subtitle={
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: "center", flexWrap: "wrap" }} component="span">
          <span>{a.number}</span>
          <StatusChip status={a.status} t={t} />
          {a.statusSince > todayCn() && <span>{t("agreements.detail.scheduled", { date: a.statusSince })}</span>}
          <span>{t("agreements.detail.version", { version: a.version })}</span>
        </Stack>
      }
      actions={
        <>
          <ButtonLink href="/agreements" variant="text">
            {t("agreements.detail.back")}
          </ButtonLink>
          {canEdit && (
            <ButtonLink href={`/agreements/${a.id}/edit`} variant="outlined" data-testid="edit-agreement">
              {t("agreements.detail.edit")}
            </ButtonLink>
          )}
          <PrintButton />
        </>
      }
    />
  );
}

export default async function AgreementPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<RawParams>;
}) {
  const actor = await requireAgreementsArea();
  const [{ id }, sp, t, locale] = await Promise.all([params, searchParams, getT(), getLocale()]);
  const a = await getAgreement(actor, id);
  if (!a) notFound();
  const [covered, names] = await Promise.all([
    listCoveredInstitutions(actor, id, {
      page: first(sp, "page") ?? "1",
      pageSize: first(sp, "pageSize") ?? "20",
    }).catch(() => listCoveredInstitutions(actor, id, {})),
    regionNames(a.scopeRule?.regionCodes ?? []),
  ]);
  const perm = agreementPermissions(actor, a);
  const en = locale === "en";

  return (
    <>
      <Header a={a} title={en && a.titleEn ? a.titleEn : a.title} t={t} canEdit={perm.canEdit} />
      <AgreementTabs />
      <div className={css.columns}>
        <div className={css.stack}>
          <Overview a={a} t={t} en={en} />
          <Parties a={a} t={t} />
          <Covered covered={covered} t={t} />
        </div>
        <div className={css.stack}>
          {perm.actions.length > 0 && (
            <Section title={t("agreements.transitions.title")} testId="agreement-actions" padded>
              <TransitionPanel
                id={a.id}
                version={a.version}
                actions={perm.actions}
                disabledActivate={perm.alreadyApproved}
              />
            </Section>
          )}
          <Scope a={a} t={t} names={names} />
          <Approvals a={a} t={t} />
          <Timeline a={a} t={t} />
        </div>
      </div>
    </>
  );
}
