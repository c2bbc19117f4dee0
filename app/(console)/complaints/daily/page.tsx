import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { ValidationError } from "@/lib/errors";
import { canHandleComplaints } from "@/lib/auth/policy";
import { getDailyReport } from "@/lib/complaints/daily-report";
import { pickParams, type SearchParams } from "../../admin/_components/search-params";
import { ComplaintsNav } from "../_components/complaints-nav";
import { DailyHeading, DowntimeCard, PairTables } from "./_components/daily-sections";

export async function generateMetadata() {
  return { title: (await getT())("complaints.daily.title") };
}

export default async function DailyReportPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireArea("complaints");
  const [t, locale, sp] = await Promise.all([getT(), getLocale(), searchParams]);
  const params = pickParams(sp, ["day", "regenerate"]);
  const data = await getDailyReport(actor, params).catch((e: unknown) => {
    if (e instanceof ValidationError) return getDailyReport(actor, {});
    throw e;
  });
  return (
    <Box sx={{ "@media print": { "& .MuiPaper-root": { boxShadow: "none", border: "1px solid #ccc" } } }}>
      <ComplaintsNav current="/complaints/daily" t={t} canCreate={canHandleComplaints(actor)} />
      <DailyHeading data={data} t={t} locale={locale} />
      <PairTables data={data} t={t} />
      <DowntimeCard data={data} t={t} />
      <Typography variant="caption" color="text.secondary" sx={{ display: "block", mt: 2 }}>
        {t("complaints.daily.definition")}
      </Typography>
    </Box>
  );
}
