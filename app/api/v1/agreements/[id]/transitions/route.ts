// POST /api/v1/agreements/{id}/transitions — a lifecycle step (approve/activate, suspend,
// resume, terminate), dated and audited.
import { apiHandler, readJson } from "@/lib/http/api";
import { toAgreementDto } from "@/lib/agreements/views";
import { transitionAgreement } from "@/lib/agreements/service";

type Params = { id: string };

export const POST = apiHandler<Params>(async ({ actor, req }, { id }) =>
  toAgreementDto(await transitionAgreement(actor, id, await readJson(req))),
);
