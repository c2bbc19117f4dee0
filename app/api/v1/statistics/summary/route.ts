// GET /api/v1/statistics/summary — exact figures of a period with last year's and YoY/MoM.
import { apiHandler, queryObject } from "@/lib/http/api";
import { getSummary } from "@/lib/statistics/queries";
import { filtersSchema } from "@/lib/statistics/schemas";
import { jsonResponse, parseStatsInput, summaryDto } from "@/lib/statistics/dto";

export const GET = apiHandler(async ({ actor, url }) => {
  const filters = parseStatsInput(filtersSchema, queryObject(url));
  return jsonResponse(summaryDto(await getSummary(actor, filters)));
});
