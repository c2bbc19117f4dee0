// GET /api/v1/agreements — filtered, paginated list; POST — record a new agreement (DRAFT).
import { apiHandler, created, readJson } from "@/lib/http/api";
import { listAgreementsSchema } from "@/lib/agreements/schemas";
import { listAgreements } from "@/lib/agreements/queries";
import { toAgreementDto, toSummaryDto } from "@/lib/agreements/views";
import { createAgreement } from "@/lib/agreements/service";

export const GET = apiHandler(
  async ({ actor, query }) => {
    const page = await listAgreements(actor, query);
    return { ...page, items: page.items.map(toSummaryDto) };
  },
  { query: listAgreementsSchema },
);

export const POST = apiHandler(async ({ actor, req }) => {
  const agreement = await createAgreement(actor, await readJson(req));
  return created(`/agreements/${agreement.id}`, toAgreementDto(agreement));
});
