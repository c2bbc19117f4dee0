// One institution: its record, cross-region services (open and closed), the services it had on
// a chosen date, pending changes with the checker's decision, status changes and the
// field-level history (paged in the URL: hpage, hpageSize). The page composes its sections
// (_components/: record, services, history), each on the kit (Section, FactGrid, DataTable).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Alert from "@mui/material/Alert";
import ArrowBack from "@mui/icons-material/ArrowBack";
import { ButtonLink } from "@/components/ui/links";
import { Split } from "@/components/ui/split";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { todayCn } from "@/lib/facilities/codes";
import { getInstitutionPage } from "@/lib/facilities/queries";
import { pick, type RawParams } from "../_components/params";
import { InstitutionActions } from "../_components/institution-actions";
import { SavedNotice, savedOutcome } from "../_components/saved-notice";
import { InstitutionSubtitle, RecordSection } from "./_components/record";
import { ServicesOnSection, ServicesSection } from "./_components/services";
import { HistorySection, PendingChangesSection, StatusEventsSection } from "./_components/history";
import s from "./institution.module.css";

type Params = Promise<{ code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { code } = await params;
  return { title: `${decodeURIComponent(code)} · ${(await getT())("facilities.title")}` };
}

/** The record, a page of its history and its services on the date, with one lookup of the
 *  institution: a missing one is a 404; an invalid history page falls back to the first. */
async function loadPage(params: Params, searchParams: Promise<RawParams>) {
  const actor = await requireArea("facilities");
  const [{ code: rawCode }, sp, t, locale] = await Promise.all([params, searchParams, getT(), getLocale()]);
  const q = pick(sp, ["on", "hpage", "hpageSize", "saved"]);
  const today = todayCn();
  const on = q.on ?? today;
  const data = await getInstitutionPage(
    actor,
    decodeURIComponent(rawCode),
    { page: q.hpage ?? "1", pageSize: q.hpageSize ?? "10" },
    on,
  );
  if (!data) notFound();
  return { actor, t, locale, q, today, on, ...data };
}

export default async function InstitutionPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<RawParams>;
}) {
  const { actor, t, locale, q, today, on, inst, history, onDate } = await loadPage(params, searchParams);
  const regionPath = inst.regionPath.map((r) => r.name).join(" / ");
  return (
    <>
      <PageHeader
        title={inst.name}
        subtitle={<InstitutionSubtitle inst={inst} regionPath={regionPath} t={t} />}
        actions={
          <ButtonLink href="/facilities" startIcon={<ArrowBack />}>
            {t("rosterUi.detail.back")}
          </ButtonLink>
        }
      />
      <SavedNotice outcome={savedOutcome(q.saved)} t={t} />
      {inst.canEdit ? (
        <div className={s.actions}>
          <InstitutionActions
            code={inst.code}
            version={inst.version}
            status={inst.status}
            type={inst.type}
            openServices={inst.servicePeriods.filter((p) => !p.closedOn).map((p) => p.service)}
            today={today}
          />
        </div>
      ) : (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="read-only-notice">
          {t("rosterUi.detail.readOnly")}
        </Alert>
      )}
      {inst.pendingChanges.length > 0 && (
        <PendingChangesSection changes={inst.pendingChanges} actor={actor} t={t} locale={locale} />
      )}
      <RecordSection inst={inst} regionPath={regionPath} t={t} locale={locale} />
      <Split>
        <ServicesSection periods={inst.servicePeriods} t={t} locale={locale} />
        <ServicesOnSection on={on} onDate={onDate} t={t} locale={locale} />
      </Split>
      {inst.statusEvents.length > 0 && <StatusEventsSection events={inst.statusEvents} t={t} />}
      <HistorySection history={history} t={t} locale={locale} />
    </>
  );
}
