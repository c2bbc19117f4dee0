// GET /api/v1/institutions/{code} — detail; PATCH — change fields (with version);
// POST — a command: changeStatus, openService, closeService. Writes: roster managers in their
// region (403 elsewhere); 202 with the pending change under maker-checker.
import { apiHandler, readJson } from "@/lib/http/api";
import { requireInstitution } from "@/lib/facilities/queries";
import { runInstitutionCommand, updateInstitution } from "@/lib/facilities/service";
import type { WriteResult } from "@/lib/facilities/views";

type Params = { code: string };

const respond = (result: WriteResult) =>
  result.applied ? Response.json(result.institution) : Response.json(result, { status: 202 });

export const GET = apiHandler<Params>(async ({ actor }, { code }) => requireInstitution(actor, code));

export const PATCH = apiHandler<Params>(async ({ actor, req }, { code }) =>
  respond(await updateInstitution(actor, code, await readJson(req))),
);

export const POST = apiHandler<Params>(async ({ actor, req }, { code }) =>
  respond(await runInstitutionCommand(actor, code, await readJson(req))),
);
