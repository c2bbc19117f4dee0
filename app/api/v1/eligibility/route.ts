// GET /api/v1/eligibility?institution=…&homeRegion=…&service=…&date=… — "can this patient
// settle here?", with the agreements relied on and the reasons in zh-CN and en. The hot path:
// one query to authenticate a bearer token, one for the institution, agreements from memory.
import { queryObject } from "@/lib/http/api";
import { fastApiHandler } from "@/lib/http/fast-auth";
import { canReadAgreements } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/errors";
import { checkEligibility } from "@/lib/agreements/check";

export const GET = fastApiHandler(async ({ actor, url }) => {
  if (!canReadAgreements(actor)) throw new ForbiddenError();
  return checkEligibility(queryObject(url));
});
