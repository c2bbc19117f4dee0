import { apiHandler, queryObject } from "@/lib/http/api";
import { dailyReportRows, getDailyReport } from "@/lib/complaints/daily-report";
import { tableFile } from "@/lib/complaints/export";

export const GET = apiHandler(async ({ actor, url, t }) => {
  const query = queryObject(url);
  const data = await getDailyReport(actor, query);
  if (query.format !== "csv" && query.format !== "xlsx") return data;
  const header = [t("complaints.daily.title"), t("complaints.daily.pair"), "", t("complaints.daily.count")];
  const file = await tableFile(`daily-report-${data.day}`, query.format, header, dailyReportRows(data, t));
  return new Response(file.body as BodyInit, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
});
