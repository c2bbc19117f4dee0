// GET /api/v1/institutions/{code}/history — field-level history, newest first, paginated.
import { apiHandler, queryObject } from "@/lib/http/api";
import { listInstitutionHistory } from "@/lib/facilities/queries";

export const GET = apiHandler<{ code: string }>(async ({ actor, url }, { code }) => listInstitutionHistory(actor, code, queryObject(url)));
