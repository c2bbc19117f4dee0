// Redirects browsers without a session cookie to /login (with the page as callbackUrl). Only a
// convenience, and deliberately cheap — no decryption, no database: every page, action and route
// handler checks the session itself (components/layout/require.ts, lib/http/api.ts), and an
// expired or revoked session that passes here is sent to /login there. /api/v1 answers 401 JSON.
import { NextResponse, type NextRequest } from "next/server";
import { sessionTokenOf } from "./lib/auth/cookie";

export default function proxy(req: NextRequest) {
  if (sessionTokenOf(req.headers.get("cookie"))) return NextResponse.next();
  const login = new URL("/login", req.url);
  login.searchParams.set("callbackUrl", `${req.nextUrl.pathname}${req.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!login|api|assets|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
