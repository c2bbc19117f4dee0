// API answers written straight to node:http by the production server (server.ts), before Next.js:
// the same headers and `{ error }` contract as the route handlers (lib/http/api.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { MethodNotAllowedError } from "../errors";
import { createTranslator, localeFromAcceptLanguage } from "../i18n";
import { errorResponse } from "./error-response";
import { REQUEST_ID_HEADER } from "./request-id";
import { API_SECURITY_HEADERS } from "./security-headers";

const BASE_HEADERS: Record<string, string> = {
  "content-type": "application/json",
  "cache-control": "private, no-store",
  ...Object.fromEntries(API_SECURITY_HEADERS.map((h) => [h.key, h.value])),
};

export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    [REQUEST_ID_HEADER]: requestId,
    ...headers,
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

/** The error answer for `e` in the caller's language (its own headers, e.g. Retry-After, kept). */
export async function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  e: unknown,
  requestId: string,
  headers: Record<string, string> = {},
): Promise<void> {
  const r = errorResponse(e, createTranslator(localeFromAcceptLanguage(req.headers["accept-language"])), requestId);
  sendJson(res, r.status, await r.text(), requestId, { ...Object.fromEntries(r.headers), ...headers });
}

/** A method the /api/v1 path does not take: the JSON 405 with `Allow` (lib/http/api-methods.ts). */
export function refuseMethod(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: readonly string[],
  requestId: string,
): Promise<void> {
  return sendError(req, res, new MethodNotAllowedError(req.method ?? "", allowed), requestId, {
    allow: allowed.join(", "),
  });
}
