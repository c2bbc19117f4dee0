// apiHandler for read endpoints called thousands of times a second (the eligibility check): a
// bearer token costs one indexed query at most once a second (lib/http/bearer.ts); without a
// bearer header it defers to the session path.
import { authenticateRequest } from "../auth/session";
import { UnauthenticatedError } from "../errors";
import { createTranslator, localeFromAcceptLanguage } from "../i18n";
import type { ApiContext } from "./api";
import { actorFromAuthorization } from "./bearer";
import { errorResponse } from "./error-response";

/** apiHandler (lib/http/api.ts) with the one-query bearer path. */
export function fastApiHandler(handle: (ctx: ApiContext) => Promise<Response | unknown>) {
  return async (req: Request): Promise<Response> => {
    const t = createTranslator(localeFromAcceptLanguage(req.headers.get("accept-language")));
    try {
      const header = req.headers.get("authorization");
      const actor = header ? await actorFromAuthorization(header) : await authenticateRequest(req);
      if (!actor) throw new UnauthenticatedError();
      const result = await handle({ req, actor, t, url: new URL(req.url) });
      return result instanceof Response ? result : Response.json(result);
    } catch (e) {
      return errorResponse(e, t);
    }
  };
}
