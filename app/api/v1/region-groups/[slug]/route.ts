// GET /api/v1/region-groups/{slug} — one group; PATCH — edit it; DELETE — retire it (kept: saved
// links and the audit log name it).
import { apiHandler, readJson } from "@/lib/http/api";
import { parseInput } from "@/lib/validation";
import { requireRegionGroup, toRegionGroupDto } from "@/lib/regions/groups/queries";
import { retireRegionGroup, updateRegionGroup } from "@/lib/regions/groups/service";
import { retireRegionGroupQuerySchema } from "@/lib/regions/groups/schemas";

type Params = { slug: string };

export const GET = apiHandler<Params>(async ({ actor }, { slug }) =>
  toRegionGroupDto(await requireRegionGroup(actor, slug)),
);

export const PATCH = apiHandler<Params>(async ({ actor, req }, { slug }) =>
  toRegionGroupDto(await updateRegionGroup(actor, slug, await readJson(req))),
);

export const DELETE = apiHandler<Params>(
  async ({ actor, query }, { slug }) => {
    const { version } = parseInput(retireRegionGroupQuerySchema, query);
    return toRegionGroupDto(await retireRegionGroup(actor, slug, Number(version)));
  },
  { query: retireRegionGroupQuerySchema },
);
