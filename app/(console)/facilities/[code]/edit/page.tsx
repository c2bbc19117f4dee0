// Edit an institution's fields (roster managers in scope; others get 404 here and 403 from the service).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { canEditInstitution } from "@/lib/auth/policy";
import { findInstitution } from "@/lib/facilities/queries";
import { InstitutionForm } from "../../_components/institution-form";

type Params = Promise<{ code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { code } = await params;
  return { title: `${decodeURIComponent(code)} · ${(await getT())("rosterUi.actions.edit")}` };
}

export default async function EditInstitutionPage({ params }: { params: Params }) {
  const actor = await requireArea("facilities");
  const { code } = await params;
  const inst = await findInstitution(decodeURIComponent(code));
  if (!inst || !canEditInstitution(actor, inst.region.code)) notFound();
  const t = await getT();
  return (
    <>
      <PageHeader title={t("rosterUi.form.editTitle", { name: inst.name })} subtitle={inst.code} />
      <InstitutionForm
        edit={{ code: inst.code, version: inst.version }}
        initial={{
          code: inst.code,
          name: inst.name,
          shortName: inst.shortName ?? "",
          type: inst.type,
          level: inst.level,
          grade: inst.grade ?? "",
          ownership: inst.ownership,
          region: inst.region,
          address: inst.address ?? "",
          phone: inst.phone ?? "",
          designatedSince: inst.designatedSince,
          services: [],
        }}
      />
    </>
  );
}
