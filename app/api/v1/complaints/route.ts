import { apiHandler, queryObject, readJson } from "@/lib/http/api";
import { getComplaintDetail, listComplaints } from "@/lib/complaints/queries";
import { createComplaint } from "@/lib/complaints/service";

export const GET = apiHandler(async ({ actor, url }) => listComplaints(actor, queryObject(url)));

export const POST = apiHandler(async ({ actor, req }) => {
  const created = await createComplaint(actor, await readJson(req));
  return Response.json(await getComplaintDetail(actor, created.number), { status: 201 });
});
