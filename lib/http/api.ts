// Route-handler plumbing for /api/v1: authentication, JSON parsing, and the error contract
// `{ error: { code, message, details } }`. Uses only the web-standard Request/Response.
import { DomainError, UnauthenticatedError } from "../errors";
import { errorResponse } from "./error-response";
import { createTranslator, localeFromAcceptLanguage, type Translate } from "../i18n";
import type { Actor } from "../auth/actor";
import { authenticateRequest } from "../auth/session";
import { freshSetCookie } from "./fresh";

export interface ApiContext {
  req: Request;
  actor: Actor;
  t: Translate;
  url: URL;
}

/** Reads a JSON body; a malformed one is a 400 naming the body, not a 500. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new (class extends DomainError {
      constructor() {
        super("VALIDATION", "errors.badJson", {}, { body: [{ key: "errors.badJson" }] });
      }
    })();
  }
}

/** Query parameters as a plain object (last value wins), for zod parsing. */
export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

/** Wraps a handler: authenticates (401 without a valid session or token), maps errors. */
export function apiHandler<P = Record<string, string>>(
  handle: (ctx: ApiContext, params: P) => Promise<Response | unknown>,
) {
  return async (req: Request, route?: { params: Promise<P> }): Promise<Response> => {
    const t = createTranslator(localeFromAcceptLanguage(req.headers.get("accept-language")));
    try {
      const actor = await authenticateRequest(req);
      if (!actor) throw new UnauthenticatedError();
      const params = route ? await route.params : ({} as P);
      const result = await handle({ req, actor, t, url: new URL(req.url) }, params);
      const res = result instanceof Response ? result : Response.json(result);
      if (actor.via === "session" && req.method !== "GET" && req.method !== "HEAD" && res.ok) {
        const fresh = freshSetCookie();
        if (fresh) res.headers.append("set-cookie", fresh);
      }
      return res;
    } catch (e) {
      return errorResponse(e, t);
    }
  };
}
