// GET /api/v1/regions?parent=CODE — a region's children; with &q= — a search in its subtree.
import { apiHandler } from "@/lib/http/api";
import { canBrowseRegions } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireRegion, requireRegionDetail, searchRegions } from "@/lib/regions/queries";
import { listRegionsSchema } from "@/lib/regions/schemas";

export const GET = apiHandler(
  async ({ actor, query }) => {
    if (!canBrowseRegions(actor)) throw new ForbiddenError();
    const input = parseInput(listRegionsSchema, query);
    if (input.q) {
      const [scope, found] = await Promise.all([
        requireRegion(input.parent),
        searchRegions(input.q, input.limit, input.parent),
      ]);
      return { scope: { code: scope.code, name: scope.name, level: scope.level }, ...found };
    }
    const detail = await requireRegionDetail(input.parent);
    const { code, name, level, parentCode, poolingArea, childCount } = detail;
    return {
      parent: { code, name, level, parentCode, poolingArea, childCount },
      ancestors: detail.ancestors,
      items: detail.children,
    };
  },
  { query: listRegionsSchema },
);
