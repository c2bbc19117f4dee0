import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { getT } from "@/components/i18n/server";
import { hasRole } from "@/lib/auth/policy";
import { AgreementForm } from "../_components/agreement-form";
import { requireAgreementsArea } from "../_components/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("agreements.form.createTitle") };
}

export default async function NewAgreementPage() {
  const actor = await requireAgreementsArea();
  if (!hasRole(actor, "AGREEMENT_OFFICER")) notFound();
  const t = await getT();
  return (
    <>
      <PageHeader title={t("agreements.form.createTitle")} />
      <AgreementForm
        initial={{
          number: "",
          title: "",
          titleEn: "",
          type: "MUTUAL_RECOGNITION",
          direction: "MUTUAL",
          parties: [{ regionCode: actor.regionCode, role: "BOTH" }],
          services: ["INPATIENT"],
          diseases: [],
          filingFree: false,
          effectiveFrom: "",
          effectiveTo: "",
          signedOn: "",
          documentRef: "",
          notes: "",
          institutionCodes: "",
          useRule: true,
          minLevel: "LEVEL_2",
          ruleTypes: [],
          ruleRegions: [],
          ratio: {},
          attachments: "",
        }}
      />
    </>
  );
}
