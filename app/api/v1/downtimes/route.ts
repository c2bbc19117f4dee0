import { apiHandler, queryObject, readJson } from "@/lib/http/api";
import { getDowntimeView, listDowntimes } from "@/lib/complaints/queries";
import { createDowntime } from "@/lib/complaints/service";

export const GET = apiHandler(async ({ actor, url }) => ({ items: await listDowntimes(actor, queryObject(url)) }));

export const POST = apiHandler(async ({ actor, req }) => {
  const row = await createDowntime(actor, await readJson(req));
  return Response.json(await getDowntimeView(row.id), { status: 201 });
});
