// Redirects signed-out browsers to /login. Only a convenience: every page, action and route
// handler checks the session itself. /api/v1 answers 401 JSON on its own.
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|api|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
