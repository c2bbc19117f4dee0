// Route-handler plumbing for /api/v1: authentication, JSON parsing, and the error contract
// `{ error: { code, message, details } }`. Uses only the web-standard Request/Response.
import {
  DomainError,
  PasswordChangeRequiredError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
} from "../errors";
import { errorResponse } from "./error-response";
import { createTranslator, localeFromAcceptLanguage, type Translate } from "../i18n";
import type { Actor } from "../auth/actor";
import { authenticateRequest } from "../auth/session";
import { freshSetCookie } from "../auth/fresh";
import { assertCleanText } from "../validation";
import { checkCookieWrite, type BodyKind } from "./csrf";
import { clientAddressOf } from "./client-address";
import { hit, rateLimitHeaders, type LimitAnswer } from "../ratelimit/limiter";
import { env } from "../env";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";
import { parseQuery, type QuerySchema } from "./query";

export interface ApiContext {
  req: Request;
  actor: Actor;
  t: Translate;
  url: URL;
  /** X-Request-Id of this call (lib/http/request-id.ts), for error bodies written by the handler. */
  requestId: string;
  /** The query string, checked by lib/http/query.ts against the operation's `query` schema. */
  query: Record<string, string>;
}

/**
 * The largest JSON body a write accepts (the largest real one, an agreement listing institutions,
 * is a few KiB). Larger answers 413 before it is held in memory: by its Content-Length when sent,
 * else while reading. Uploads (`body: "file"`) stream and are bounded by their own services.
 */
export const JSON_BODY_LIMIT = 1024 * 1024;

async function boundedText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw new PayloadTooLargeError(limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** 201 Created with `Location` (the API path of the new record) and the record. */
export function created(location: string, body: unknown): Response {
  return Response.json(body, { status: 201, headers: { location: `/api/v1${location}` } });
}

const isJsonType = (header: string | null) => {
  const type = (header ?? "").split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
};

/**
 * Reads a JSON body; a malformed one is a 400 naming the body, not a 500. A body sent as another
 * type (`text/plain`) is 415 for every caller, token or cookie: the type is part of the request.
 */
export async function readJson(req: Request): Promise<unknown> {
  const text = await boundedText(req, JSON_BODY_LIMIT);
  if (!text.trim()) return {};
  if (!isJsonType(req.headers.get("content-type")))
    throw new UnsupportedMediaTypeError("errors.unsupportedMediaType", { expected: "application/json" });
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new (class extends DomainError {
      constructor() {
        super("VALIDATION", "errors.badJson", {}, { body: [{ key: "errors.badJson" }] });
      }
    })();
  }
  assertCleanText(body);
  return body;
}

/**
 * Wraps a handler: authenticates (401 without a valid session or token), refuses cross-site
 * cookie writes (403) and forgeable body types (415; lib/http/csrf.ts — `body: "file"` for raw
 * uploads), applies the text rule to path and query, checks the query string against the
 * operation's `query` schema (lib/http/query.ts; without one, any parameter is refused), maps errors.
 */
export function apiHandler<P = Record<string, string>>(
  handle: (ctx: ApiContext, params: P) => Promise<Response | unknown>,
  options: { body?: BodyKind; query?: QuerySchema } = {},
) {
  return async (req: Request, route?: { params: Promise<P> }): Promise<Response> => {
    const t = createTranslator(localeFromAcceptLanguage(req.headers.get("accept-language")));
    const requestId = requestIdFrom(req.headers.get(REQUEST_ID_HEADER));
    let limits: LimitAnswer | undefined;
    try {
      // Per client address before anything else (token guessing, floods), per user after sign-in;
      // counts shared by every instance (lib/ratelimit/limiter.ts), leased to keep them off the hot path.
      const { API_ADDRESS_LIMIT, API_USER_LIMIT, TRUST_PROXY } = env();
      const url = new URL(req.url);
      const byAddress = await hit(`api-addr:${clientAddressOf(req.headers) ?? "unknown"}`, {
        limit: API_ADDRESS_LIMIT,
        windowSeconds: 60,
        lease: 20,
      });
      if (!byAddress.allowed) throw new LimitExceeded(byAddress);
      const actor = await authenticateRequest(req);
      if (!actor) throw new UnauthenticatedError();
      limits = await hit(`api-user:${actor.id}`, { limit: API_USER_LIMIT, windowSeconds: 60, lease: 10 });
      if (!limits.allowed) throw new LimitExceeded(limits);
      if (actor.via === "session") checkCookieWrite(req, options.body ?? "json", TRUST_PROXY);
      // A temporary password opens nothing but the question "who am I" until it is changed.
      if (actor.mustChangePassword && !(req.method === "GET" && url.pathname === "/api/v1/me"))
        throw new PasswordChangeRequiredError();
      const params = route ? await route.params : ({} as P);
      // The text rule (lib/text.ts) for what no schema sees: path segments and query keys.
      assertCleanText({ path: params, query: Object.fromEntries(url.searchParams) });
      const query = parseQuery(url.searchParams, options.query ?? null);
      const result = await handle({ req, actor, t, url, requestId, query }, params);
      const res = result instanceof Response ? result : Response.json(result);
      if (actor.via === "session" && req.method !== "GET" && req.method !== "HEAD" && res.ok) {
        const fresh = freshSetCookie();
        if (fresh) res.headers.append("set-cookie", fresh);
      }
      res.headers.set(REQUEST_ID_HEADER, requestId);
      return withLimits(noStore(res), limits);
    } catch (e) {
      return withLimits(noStore(errorResponse(e, t, requestId)), e instanceof LimitExceeded ? e.answer : limits);
    }
  };
}

/** The domain's RateLimitedError, carrying what the RateLimit headers of the answer need. */
class LimitExceeded extends RateLimitedError {
  constructor(readonly answer: LimitAnswer) {
    super();
  }
}

function withLimits(res: Response, limits: LimitAnswer | undefined): Response {
  if (limits) for (const [k, v] of Object.entries(rateLimitHeaders(limits))) res.headers.set(k, v);
  return res;
}

/** API answers are per caller (and may carry unmasked personal data): never kept by a cache. */
function noStore(res: Response): Response {
  res.headers.set("cache-control", "private, no-store");
  return res;
}
