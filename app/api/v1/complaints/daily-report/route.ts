import { apiHandler } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/file-response";
import { dailyReportQuerySchema } from "@/lib/complaints/schemas";
import { dailyReportRows, getDailyReport } from "@/lib/complaints/daily-report";
import { tableFile } from "@/lib/complaints/export";
import { dailyReportDto } from "@/lib/complaints/report-dto";

export const GET = apiHandler(
  async ({ actor, query, t }) => {
    const data = await getDailyReport(actor, query);
    if (query.format !== "csv" && query.format !== "xlsx") return dailyReportDto(data);
    const header = [t("complaints.daily.title"), t("complaints.daily.pair"), "", t("complaints.daily.count")];
    const file = await tableFile(`daily-report-${data.day}`, query.format, header, dailyReportRows(data, t));
    return fileResponse(file);
  },
  { query: dailyReportQuerySchema },
);
