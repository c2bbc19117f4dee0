import { apiHandler, readJson } from "@/lib/http/api";
import { listComplaintsSchema } from "@/lib/complaints/schemas";
import { getComplaintDetail, listComplaints } from "@/lib/complaints/queries";
import { createComplaint } from "@/lib/complaints/service";

export const GET = apiHandler(async ({ actor, query }) => listComplaints(actor, query), { query: listComplaintsSchema });

export const POST = apiHandler(async ({ actor, req }) => {
  const created = await createComplaint(actor, await readJson(req));
  return Response.json(await getComplaintDetail(actor, created.number), { status: 201 });
});
