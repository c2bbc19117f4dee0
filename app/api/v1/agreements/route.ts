// GET /api/v1/agreements — filtered, paginated list; POST — record a new agreement (DRAFT).
import { apiHandler, queryObject, readJson } from "@/lib/http/api";
import { listAgreements, toAgreementDto, toSummaryDto } from "@/lib/agreements/queries";
import { createAgreement } from "@/lib/agreements/service";

export const GET = apiHandler(async ({ actor, url }) => {
  const page = await listAgreements(actor, queryObject(url));
  return { ...page, items: page.items.map(toSummaryDto) };
});

export const POST = apiHandler(async ({ actor, req }) => {
  const created = await createAgreement(actor, await readJson(req));
  return Response.json(toAgreementDto(created), { status: 201 });
});
