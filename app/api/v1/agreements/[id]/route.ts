// GET /api/v1/agreements/{id} — one agreement with parties, approvals and status history;
// PATCH — edit (a draft fully; an active agreement only its notes, document and attachments).
import { apiHandler, readJson } from "@/lib/http/api";
import { requireAgreement } from "@/lib/agreements/queries";
import { toAgreementDto } from "@/lib/agreements/views";
import { updateAgreement } from "@/lib/agreements/service";

type Params = { id: string };

export const GET = apiHandler<Params>(async ({ actor }, { id }) => toAgreementDto(await requireAgreement(actor, id)));

export const PATCH = apiHandler<Params>(async ({ actor, req }, { id }) =>
  toAgreementDto(await updateAgreement(actor, id, await readJson(req))),
);
