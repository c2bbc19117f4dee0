// The error contract of /api/v1: `{ error: { code, message, details: [{ field, code, message }] } }`,
// for route handlers (lib/http/api.ts) and the server's fast path alike. No next-auth here: the
// fast path (server.ts) loads outside the Next.js bundle.
import { DomainError, type FieldErrors } from "../errors";
import type { Translate } from "../i18n";
import { logger } from "../logger";
import { isDatabaseUnavailable } from "../db/unavailable";
import { REQUEST_ID_HEADER } from "./request-id";

/** Seconds a client should wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER = 5;

export function translateFieldErrors(fieldErrors: FieldErrors, t: Translate) {
  return Object.entries(fieldErrors).flatMap(([field, refs]) =>
    refs.map((r) => ({ field, code: r.key, message: t(r.key, r.params) })),
  );
}

/** The error answer for `e`; `requestId` goes into the body, the header and the log line. */
export function errorResponse(e: unknown, t: Translate, requestId: string): Response {
  const headers: Record<string, string> = { [REQUEST_ID_HEADER]: requestId };
  if (e instanceof DomainError) {
    return Response.json(
      {
        error: {
          code: e.code,
          message: t(e.messageKey, e.params),
          details: translateFieldErrors(e.fieldErrors, t),
          requestId,
        },
      },
      { status: e.status, headers },
    );
  }
  if (isDatabaseUnavailable(e)) {
    logger.warn("database unavailable: answered 503", { requestId, error: e instanceof Error ? e.message : String(e) });
    return Response.json(
      { error: { code: "SERVICE_UNAVAILABLE", message: t("errors.unavailable"), details: [], requestId } },
      { status: 503, headers: { ...headers, "retry-after": String(UNAVAILABLE_RETRY_AFTER) } },
    );
  }
  logger.error(
    "unhandled error in API",
    e instanceof Error ? { requestId, error: e.message, stack: e.stack } : { requestId, error: String(e) },
  );
  return Response.json(
    { error: { code: "INTERNAL", message: t("errors.internal"), details: [], requestId } },
    { status: 500, headers },
  );
}
