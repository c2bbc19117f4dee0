// GET /api/v1/institutions/change-requests?state=PENDING — the caller's bureau's change requests.
import { apiHandler, queryObject } from "@/lib/http/api";
import { listChangeRequests } from "@/lib/facilities/queries";

export const GET = apiHandler(async ({ actor, url }) => listChangeRequests(actor, queryObject(url)));
