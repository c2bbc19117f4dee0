// GET /api/v1/statistics/series — the figures by day, month, quarter or year, with last year's.
import { apiHandler } from "@/lib/http/api";
import { getSeries } from "@/lib/statistics/queries";
import { seriesQuerySchema } from "@/lib/statistics/schemas";
import { jsonResponse, parseStatsInput, seriesDto } from "@/lib/statistics/dto";

export const GET = apiHandler(
  async ({ actor, query }) => {
    const input = parseStatsInput(seriesQuerySchema, query);
    const points = await getSeries(actor, input, input.grain);
    return jsonResponse(seriesDto({ from: input.from, to: input.to }, input.grain, points));
  },
  { query: seriesQuerySchema },
);
