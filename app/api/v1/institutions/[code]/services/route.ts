// GET /api/v1/institutions/{code}/services?on=YYYY-MM-DD — services in force on a date.
import { apiHandler } from "@/lib/http/api";
import { parseInput } from "@/lib/validation";
import { servicesOn } from "@/lib/facilities/queries";
import { servicesOnQuerySchema } from "@/lib/facilities/schemas";

export const GET = apiHandler<{ code: string }>(
  async ({ query }, { code }) => {
    const { on } = parseInput(servicesOnQuerySchema, query);
    return servicesOn(code, on);
  },
  { query: servicesOnQuerySchema },
);
