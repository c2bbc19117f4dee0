// GET /api/v1/statistics/summary — exact figures of a period with last year's and YoY/MoM.
import { apiHandler } from "@/lib/http/api";
import { getSummary } from "@/lib/statistics/queries";
import { filtersSchema } from "@/lib/statistics/schemas";
import { jsonResponse, parseStatsInput, summaryDto } from "@/lib/statistics/dto";

export const GET = apiHandler(
  async ({ actor, query }) => {
    const filters = parseStatsInput(filtersSchema, query);
    return jsonResponse(summaryDto(await getSummary(actor, filters)));
  },
  { query: filtersSchema },
);
