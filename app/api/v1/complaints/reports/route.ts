import { apiHandler, queryObject } from "@/lib/http/api";
import { complaintReport, reportRows } from "@/lib/complaints/reports";
import { tableFile } from "@/lib/complaints/export";

export const GET = apiHandler(async ({ actor, url, t }) => {
  const query = queryObject(url);
  const data = await complaintReport(actor, query);
  if (query.format !== "csv" && query.format !== "xlsx") return data;
  const file = await tableFile(`complaint-report-${data.from}-${data.to}`, query.format, ["", "", ""], reportRows(data, t));
  return new Response(file.body as BodyInit, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
});
