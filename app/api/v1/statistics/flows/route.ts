// GET /api/v1/statistics/flows — visit region × home region matrix at a chosen level.
import { apiHandler } from "@/lib/http/api";
import { getFlows } from "@/lib/statistics/flows";
import { flowsQuerySchema } from "@/lib/statistics/schemas";
import { flowsDto, jsonResponse, parseStatsInput } from "@/lib/statistics/dto";

export const GET = apiHandler(
  async ({ actor, query }) => {
    const input = parseStatsInput(flowsQuerySchema, query);
    const flows = await getFlows(actor, input, input.level, input.limit);
    return jsonResponse(flowsDto({ from: input.from, to: input.to }, input.level, flows));
  },
  { query: flowsQuerySchema },
);
