// GET /api/v1/institutions/change-requests/{id}; POST { decision: approve|reject, comment } — the checker decides.
import { apiHandler, readJson } from "@/lib/http/api";
import { requireChangeRequest } from "@/lib/facilities/change-requests";
import { decideChange } from "@/lib/facilities/service";

type Params = { id: string };

export const GET = apiHandler<Params>(async ({ actor }, { id }) => requireChangeRequest(actor, id));

export const POST = apiHandler<Params>(async ({ actor, req }, { id }) => decideChange(actor, id, await readJson(req)));
