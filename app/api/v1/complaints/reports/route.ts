import { apiHandler } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/file-response";
import { reportQuerySchema } from "@/lib/complaints/schemas";
import { complaintReport, reportRows } from "@/lib/complaints/reports";
import { tableFile } from "@/lib/complaints/export";
import { complaintReportDto } from "@/lib/complaints/report-dto";

export const GET = apiHandler(
  async ({ actor, query, t }) => {
    const data = await complaintReport(actor, query);
    if (query.format !== "csv" && query.format !== "xlsx") return complaintReportDto(data);
    const file = await tableFile(
      `complaint-report-${data.from}-${data.to}`,
      query.format,
      ["", "", ""],
      reportRows(data, t),
    );
    return fileResponse(file);
  },
  { query: reportQuerySchema },
);
