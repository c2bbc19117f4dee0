// Cheap checks before any page or server action renders — no decryption, no database:
// 1. A server action (POST with a `Next-Action` header) from another site is answered 403 here
//    (Next.js itself would throw on it and answer 500): lib/http/csrf.ts.
// 2. Browsers without a session cookie are redirected to /login (with the page as callbackUrl).
//    Only a convenience: every page, action and route handler checks the session itself
//    (components/layout/require.ts, lib/http/api.ts), and an expired or revoked session that
//    passes here is sent to /login there. /api/v1 answers 401 JSON.
// 3. Every page (the sign-in page too) gets a Content-Security-Policy with a fresh nonce
//    (lib/http/csp.ts), the way Next.js documents it: the policy on the request makes Next.js put
//    the nonce on its own scripts, `x-nonce` hands it to the root layout for Emotion's styles.
import { NextResponse, type NextRequest } from "next/server";
import { sessionTokenOf } from "./lib/auth/cookie";
import { isSameOrigin } from "./lib/http/csrf";
import { createNonce, NONCE_HEADER, pageContentSecurityPolicy } from "./lib/http/csp";
import { env } from "./lib/env";

function withContentSecurityPolicy(req: NextRequest): NextResponse {
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy(nonce, { dev: env().NODE_ENV === "development" });
  const headers = new Headers(req.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set("content-security-policy", policy);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", policy);
  return res;
}

export default function proxy(req: NextRequest) {
  if (req.method === "POST" && req.headers.has("next-action") && !isSameOrigin(req.headers, env().TRUST_PROXY)) {
    return NextResponse.json(
      { error: { code: "FORBIDDEN", message: "Cross-site request refused", details: [] } },
      { status: 403 },
    );
  }
  // The sign-in page needs no session (the matcher used to skip every path starting with it).
  if (req.nextUrl.pathname.startsWith("/login") || sessionTokenOf(req.headers.get("cookie")))
    return withContentSecurityPolicy(req);
  const login = new URL("/login", req.url);
  login.searchParams.set("callbackUrl", `${req.nextUrl.pathname}${req.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // JSON (/api: its static policy comes from next.config.ts), stylesheets and files need no nonce.
  matcher: ["/((?!api|assets|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
