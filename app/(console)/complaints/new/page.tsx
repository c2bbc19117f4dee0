import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { canHandleComplaints } from "@/lib/auth/policy";
import { ComplaintsNav } from "../_components/complaints-nav";
import { ComplaintForm } from "./_components/complaint-form";

export async function generateMetadata() {
  return { title: (await getT())("complaints.form.title") };
}

export default async function NewComplaintPage() {
  const actor = await requireArea("complaints");
  if (!canHandleComplaints(actor)) notFound();
  const t = await getT();
  return (
    <>
      <PageHeader title={t("complaints.form.title")} subtitle={t("complaints.form.subtitle")} />
      <ComplaintsNav current="/complaints/new" t={t} canCreate />
      <ComplaintForm defaultVisitRegion={actor.regionCode === "000000" ? "" : actor.regionCode} />
    </>
  );
}
