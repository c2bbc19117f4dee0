// GET /api/v1/eligibility?institution=…&homeRegion=…&service=…&date=… — "can this patient
// settle here?", with the agreements relied on and the reasons in zh-CN and en. Bearer-token
// calls to the production server are answered before Next.js by its fast path (server.ts,
// lib/agreements/fast-eligibility.ts); this handler serves browser sessions and `next dev`. Both run
// answerEligibility.
import { apiHandler } from "@/lib/http/api";
import { eligibilityQuerySchema } from "@/lib/agreements/schemas";
import { answerEligibility } from "@/lib/agreements/check";

export const GET = apiHandler(async ({ actor, query }) => answerEligibility(actor, query), {
  query: eligibilityQuerySchema,
});
