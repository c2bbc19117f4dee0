// Any /api/v1 path no route answers: a 404 in the API's error envelope (not the console's HTML
// page), naming the method and path, with its request id. Static routes win over this catch-all;
// it needs no authentication because it reveals nothing but the document's own list of paths.
import { errorResponse } from "@/lib/http/error-response";
import { NotFoundError } from "@/lib/errors";
import { createTranslator, localeFromAcceptLanguage } from "@/lib/i18n";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";

function noSuchEndpoint(req: Request): Response {
  const t = createTranslator(localeFromAcceptLanguage(req.headers.get("accept-language")));
  const path = new URL(req.url).pathname;
  const res = errorResponse(
    new NotFoundError("errors.noSuchEndpoint", { method: req.method, path }),
    t,
    requestIdFrom(req.headers.get(REQUEST_ID_HEADER)),
  );
  res.headers.set("cache-control", "private, no-store");
  return res;
}

export const GET = noSuchEndpoint;
export const POST = noSuchEndpoint;
export const PUT = noSuchEndpoint;
export const PATCH = noSuchEndpoint;
export const DELETE = noSuchEndpoint;
