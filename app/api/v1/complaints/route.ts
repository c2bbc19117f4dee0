import { apiHandler, created, readJson } from "@/lib/http/api";
import { listComplaintsSchema } from "@/lib/complaints/schemas";
import { requireComplaintDetail, listComplaints } from "@/lib/complaints/queries";
import { createComplaint } from "@/lib/complaints/service";

export const GET = apiHandler(async ({ actor, query }) => listComplaints(actor, query), {
  query: listComplaintsSchema,
});

export const POST = apiHandler(async ({ actor, req }) => {
  const ticket = await createComplaint(actor, await readJson(req));
  return created(`/complaints/${ticket.number}`, await requireComplaintDetail(actor, ticket.number));
});
