// Two cheap checks before any page or server action renders — no decryption, no database:
// 1. A server action (POST with a `Next-Action` header) from another site is answered 403 here
//    (Next.js itself would throw on it and answer 500): lib/http/csrf.ts.
// 2. Browsers without a session cookie are redirected to /login (with the page as callbackUrl).
//    Only a convenience: every page, action and route handler checks the session itself
//    (components/layout/require.ts, lib/http/api.ts), and an expired or revoked session that
//    passes here is sent to /login there. /api/v1 answers 401 JSON.
import { NextResponse, type NextRequest } from "next/server";
import { sessionTokenOf } from "./lib/auth/cookie";
import { isSameOrigin } from "./lib/http/csrf";
import { env } from "./lib/env";

export default function proxy(req: NextRequest) {
  if (req.method === "POST" && req.headers.has("next-action") && !isSameOrigin(req.headers, env().TRUST_PROXY)) {
    return NextResponse.json({ error: { code: "FORBIDDEN", message: "Cross-site request refused", details: [] } }, { status: 403 });
  }
  if (sessionTokenOf(req.headers.get("cookie"))) return NextResponse.next();
  const login = new URL("/login", req.url);
  login.searchParams.set("callbackUrl", `${req.nextUrl.pathname}${req.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!login|api|assets|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
