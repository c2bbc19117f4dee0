import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { ValidationError } from "@/lib/errors";
import { canHandleComplaints } from "@/lib/auth/policy";
import { complaintReport } from "@/lib/complaints/reports";
import { pickParams, type SearchParams } from "../../admin/_components/search-params";
import { ComplaintsNav } from "../_components/complaints-nav";
import { ReportRange } from "./_components/report-range";
import { BacklogAndTrend, Kpis, RootCauses, type Report } from "./_components/report-sections";
import type { Actor } from "@/lib/auth/actor";

export async function generateMetadata() {
  return { title: (await getT())("complaints.reports.title") };
}

/** The report for the URL's filters; a filter that does not parse shows the default report. */
async function loadReport(
  actor: Actor,
  params: Record<string, string>,
): Promise<{ r: Report; region: string | undefined }> {
  try {
    return { r: await complaintReport(actor, params), region: params.region };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { r: await complaintReport(actor, {}), region: undefined };
  }
}

export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireArea("complaints");
  const [t, sp] = await Promise.all([getT(), searchParams]);
  const { r, region } = await loadReport(actor, pickParams(sp, ["from", "to", "region"]));
  return (
    <>
      <PageHeader
        title={t("complaints.reports.title")}
        subtitle={t("complaints.reports.subtitle", { from: r.from, to: r.to })}
        actions={<ReportRange from={r.from} to={r.to} region={region} />}
      />
      <ComplaintsNav current="/complaints/reports" t={t} canCreate={canHandleComplaints(actor)} />
      <Kpis r={r} t={t} />
      <BacklogAndTrend r={r} t={t} />
      <RootCauses r={r} t={t} />
    </>
  );
}
