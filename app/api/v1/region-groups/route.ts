// GET /api/v1/region-groups — the groups the caller may use; POST — a new group of the caller's bureau.
import { apiHandler, created, readJson } from "@/lib/http/api";
import { listRegionGroups, toRegionGroupDto } from "@/lib/regions/groups/queries";
import { listRegionGroupsSchema } from "@/lib/regions/groups/schemas";
import { createRegionGroup } from "@/lib/regions/groups/service";

export const GET = apiHandler(
  async ({ actor, query }) => {
    const page = await listRegionGroups(actor, query);
    return { ...page, items: await Promise.all(page.items.map(toRegionGroupDto)) };
  },
  { query: listRegionGroupsSchema },
);

export const POST = apiHandler(async ({ actor, req }) => {
  const group = await createRegionGroup(actor, await readJson(req));
  return created(`/region-groups/${group.slug}`, await toRegionGroupDto(group));
});
