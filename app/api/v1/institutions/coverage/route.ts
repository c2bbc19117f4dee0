// GET /api/v1/institutions/coverage?region=CODE — the coverage panel of a region (public).
import { apiHandler } from "@/lib/http/api";
import { parseInput } from "@/lib/validation";
import { coverage } from "@/lib/facilities/coverage";
import { coverageQuerySchema } from "@/lib/facilities/schemas";

export const GET = apiHandler(
  async ({ actor, query }) => {
    const { region } = parseInput(coverageQuerySchema, query);
    return coverage(actor, region);
  },
  { query: coverageQuerySchema },
);
