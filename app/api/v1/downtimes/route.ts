import { apiHandler, readJson } from "@/lib/http/api";
import { getDowntimeView, pageDowntimes } from "@/lib/complaints/queries";
import { listDowntimesSchema } from "@/lib/complaints/schemas";
import { createDowntime } from "@/lib/complaints/service";

export const GET = apiHandler(async ({ actor, query }) => pageDowntimes(actor, query), { query: listDowntimesSchema });

export const POST = apiHandler(async ({ actor, req }) => {
  const row = await createDowntime(actor, await readJson(req));
  return Response.json(await getDowntimeView(row.id), { status: 201 });
});
