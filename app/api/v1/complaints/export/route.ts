import { apiHandler, queryObject } from "@/lib/http/api";
import { exportComplaints } from "@/lib/complaints/export";

export const GET = apiHandler(async ({ actor, url, t }) => {
  const file = await exportComplaints(actor, queryObject(url), t);
  return new Response(file.body as BodyInit, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
});
