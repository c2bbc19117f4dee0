// GET /api/v1/region-groups — the groups the caller may use; POST — a new group of the caller's bureau.
import { apiHandler, queryObject, readJson } from "@/lib/http/api";
import { listRegionGroups, toRegionGroupDto } from "@/lib/regions/groups/queries";
import { createRegionGroup } from "@/lib/regions/groups/service";

export const GET = apiHandler(async ({ actor, url }) => {
  const page = await listRegionGroups(actor, queryObject(url));
  return { ...page, items: await Promise.all(page.items.map(toRegionGroupDto)) };
});

export const POST = apiHandler(async ({ actor, req }) => {
  const created = await createRegionGroup(actor, await readJson(req));
  return Response.json(await toRegionGroupDto(created), { status: 201, headers: { location: `/api/v1/region-groups/${created.slug}` } });
});
