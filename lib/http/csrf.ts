// Cross-site request forgery (decision 011). A write authenticated by the session cookie must
// come from the console's own pages: the browser says so in `Sec-Fetch-Site: same-origin`, or
// (older browsers) in an `Origin` whose host is the host the request was sent to. And its body
// must have a type a foreign page cannot send without a CORS preflight (which this server never
// grants): `application/json` for JSON routes; for file uploads anything but the three types an
// HTML form can send. Bearer-token calls carry no ambient credential and are exempt.
import { ForbiddenError, UnsupportedMediaTypeError } from "../errors";

export type BodyKind = "json" | "file";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

/** The host the browser addressed: `Host`, or the balancer's `X-Forwarded-Host` when it is trusted. */
function requestHost(headers: Headers, trustProxy: boolean): string | null {
  const forwarded = trustProxy ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return (forwarded || headers.get("host"))?.toLowerCase() ?? null;
}

/** True when the request comes from a page of this console (see the file comment). */
export function isSameOrigin(headers: Headers, trustProxy = false): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).host.toLowerCase() === requestHost(headers, trustProxy);
  } catch {
    return false;
  }
}

/** On the wire (HTTP/1.1) a body is announced by Content-Length or chunked Transfer-Encoding. */
function hasBody(req: Request): boolean {
  const length = req.headers.get("content-length");
  return (length !== null && length !== "0") || req.headers.has("transfer-encoding");
}

/** Throws 403 for a cross-site cookie write and 415 for a body type a form could forge. */
export function checkCookieWrite(req: Request, kind: BodyKind, trustProxy = false): void {
  if (SAFE_METHODS.has(req.method)) return;
  if (!isSameOrigin(req.headers, trustProxy)) throw new ForbiddenError("errors.crossSite");
  if (!hasBody(req)) return;
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (kind === "json" && type !== "application/json")
    throw new UnsupportedMediaTypeError("errors.unsupportedMediaType", { expected: "application/json" });
  if (kind === "file" && (!type || FORM_TYPES.includes(type)))
    throw new UnsupportedMediaTypeError("errors.unsupportedMediaType", { expected: "text/csv" });
}
