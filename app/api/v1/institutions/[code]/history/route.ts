// GET /api/v1/institutions/{code}/history — field-level history, newest first, paginated.
import { apiHandler } from "@/lib/http/api";
import { historyQuerySchema } from "@/lib/facilities/schemas";
import { listInstitutionHistory } from "@/lib/facilities/queries";

export const GET = apiHandler<{ code: string }>(
  async ({ actor, query }, { code }) => listInstitutionHistory(actor, code, query),
  { query: historyQuerySchema },
);
