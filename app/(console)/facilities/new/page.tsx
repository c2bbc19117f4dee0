// New institution (roster managers only; the service checks the region scope).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { hasRole } from "@/lib/auth/policy";
import { InstitutionForm } from "../_components/institution-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("rosterUi.form.createTitle") };
}

export default async function NewInstitutionPage() {
  const actor = await requireArea("facilities");
  if (!hasRole(actor, "ROSTER_MANAGER")) notFound();
  const t = await getT();
  return (
    <>
      <PageHeader title={t("rosterUi.form.createTitle")} subtitle={t("facilities.title")} />
      <InstitutionForm
        initial={{
          code: "",
          name: "",
          shortName: "",
          type: "HOSPITAL",
          level: "LEVEL_2",
          grade: "",
          ownership: "PUBLIC",
          region: actor.regionCode === "000000" ? null : { code: actor.regionCode, name: actor.regionName },
          address: "",
          phone: "",
          designatedSince: "",
          services: [],
        }}
      />
    </>
  );
}
