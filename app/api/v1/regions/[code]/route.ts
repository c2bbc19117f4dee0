// GET /api/v1/regions/{code} — one region with its path, pooling area and children.
import { apiHandler } from "@/lib/http/api";
import { canBrowseRegions } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireRegionDetail } from "@/lib/regions/queries";
import { regionPathSchema } from "@/lib/regions/schemas";

export const GET = apiHandler<{ code: string }>(async ({ actor }, params) => {
  if (!canBrowseRegions(actor)) throw new ForbiddenError();
  const { code } = parseInput(regionPathSchema, params);
  return requireRegionDetail(code);
});
