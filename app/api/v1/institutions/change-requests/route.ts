// GET /api/v1/institutions/change-requests?state=PENDING — the caller's bureau's change requests.
import { apiHandler } from "@/lib/http/api";
import { listChangesSchema } from "@/lib/facilities/schemas";
import { listChangeRequests } from "@/lib/facilities/change-requests";

export const GET = apiHandler(async ({ actor, query }) => listChangeRequests(actor, query), {
  query: listChangesSchema,
});
