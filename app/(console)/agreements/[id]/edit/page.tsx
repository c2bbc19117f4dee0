import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { getT } from "@/components/i18n/server";
import { agreementPermissions, getAgreement, listedInstitutionCodes } from "@/lib/agreements/queries";
import { AgreementForm } from "../../_components/agreement-form";
import { requireAgreementsArea } from "../../_components/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("agreements.form.editTitle") };
}

export default async function EditAgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAgreementsArea();
  const { id } = await params;
  const a = await getAgreement(actor, id);
  if (!a || !agreementPermissions(actor, a).canEdit) notFound();
  // Every listed code, not a page of covered institutions: saving replaces the whole list.
  const [t, listed] = await Promise.all([getT(), listedInstitutionCodes(actor, id)]);
  return (
    <>
      <PageHeader title={t("agreements.form.editTitle")} subtitle={`${a.number} · ${a.title}`} />
      <AgreementForm
        initial={{
          id: a.id,
          version: a.version,
          locked: a.status !== "DRAFT",
          number: a.number,
          title: a.title,
          titleEn: a.titleEn ?? "",
          type: a.type,
          direction: a.direction,
          parties: a.parties.map((p) => ({ regionCode: p.regionCode, role: p.role })),
          services: a.services,
          diseases: a.diseases,
          filingFree: a.filingFree,
          effectiveFrom: a.effectiveFrom,
          effectiveTo: a.effectiveTo ?? "",
          signedOn: a.signedOn ?? "",
          documentRef: a.documentRef ?? "",
          notes: a.notes ?? "",
          institutionCodes: listed.join("\n"),
          useRule: Boolean(a.scopeRule),
          minLevel: a.scopeRule?.minLevel ?? "",
          ruleTypes: a.scopeRule?.types ?? [],
          ruleRegions: a.scopeRule?.regionCodes ?? [],
          ratio: Object.fromEntries(Object.entries(a.ratioRules).map(([k, v]) => [k, String(v)])),
          attachments: a.attachments.map((x) => (x.ref ? `${x.name}|${x.ref}` : x.name)).join("\n"),
        }}
      />
    </>
  );
}
