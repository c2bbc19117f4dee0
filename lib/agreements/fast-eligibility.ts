// The eligibility check answered straight from node:http, before Next.js (server.ts). A bureau
// or hospital system asks "can this patient settle here?" thousands of times a second; the
// Next.js request pipeline alone costs ~0.85 ms of CPU per request on this machine (a 401 that
// does no work peaks at ~1,200 req/s), more than the answer itself. Only GET with a bearer
// token takes this path; browser sessions (cookies) go through the route handler
// (app/api/v1/eligibility/route.ts). Both call the same answerEligibility and produce the same
// body, status and error contract. See docs/decisions/009-eligibility-fast-path.md.
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerEligibility } from "./check";
import { eligibilityQuerySchema } from "./schemas";
import { parseQuery } from "../http/query";
import { UnauthenticatedError } from "../errors";
import { actorFromAuthorization } from "../auth/bearer";
import { sendError, sendJson } from "../http/node-answer";
import { REQUEST_ID_HEADER, requestIdFrom } from "../http/request-id";

export const ELIGIBILITY_PATH = "/api/v1/eligibility";

/** GET /api/v1/eligibility[?…] with an Authorization header. */
export function isFastEligibilityRequest(req: IncomingMessage): boolean {
  if (req.method !== "GET" || !req.headers.authorization) return false;
  const url = req.url ?? "";
  return (
    url.startsWith(ELIGIBILITY_PATH) && (url.length === ELIGIBILITY_PATH.length || url[ELIGIBILITY_PATH.length] === "?")
  );
}

/** Answers one request; never throws (errors become the usual `{ error }` body). */
export async function serveEligibility(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  try {
    const actor = await actorFromAuthorization(req.headers.authorization ?? "");
    if (!actor) throw new UnauthenticatedError();
    const url = req.url ?? "";
    const q = url.indexOf("?");
    const query = parseQuery(new URLSearchParams(q < 0 ? "" : url.slice(q + 1)), eligibilityQuerySchema);
    sendJson(res, 200, JSON.stringify(await answerEligibility(actor, query)), requestId);
  } catch (e) {
    await sendError(req, res, e, requestId);
  }
}
