// GET /api/v1/institutions — the roster, filtered, sorted, paginated (public to every signed-in caller).
// POST — add an institution (roster managers, in their region; 202 under maker-checker).
import { apiHandler, created, readJson } from "@/lib/http/api";
import { listInstitutionsSchema } from "@/lib/facilities/schemas";
import { listInstitutions } from "@/lib/facilities/queries";
import { createInstitution } from "@/lib/facilities/service";

export const GET = apiHandler(async ({ actor, query }) => listInstitutions(actor, query), {
  query: listInstitutionsSchema,
});

export const POST = apiHandler(async ({ actor, req }) => {
  const result = await createInstitution(actor, await readJson(req));
  return result.applied
    ? created(`/institutions/${result.institution.code}`, result.institution)
    : Response.json(result, { status: 202 });
});
