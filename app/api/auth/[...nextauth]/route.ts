import NextAuth from "next-auth";
import { authOptions } from "@/lib/sign-in/next-auth";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth answers a refused sign-in 401 with `{ url: "…?error=<code>" }`. A throttled one
 * (`throttled:<seconds>`, lib/users/service.ts) is answered 429 with Retry-After instead — same
 * body, so the sign-in form reads it as before (decision 011).
 */
async function POST(req: Request, ctx: Context): Promise<Response> {
  const res: Response = await handler(req, ctx);
  if (res.status !== 401 || !new URL(req.url).pathname.endsWith("/callback/credentials")) return res;
  const text = await res.text();
  let seconds: string | undefined;
  try {
    const url = (JSON.parse(text) as { url?: string }).url;
    seconds = url ? /^throttled:(\d+)$/.exec(new URL(url, "http://x").searchParams.get("error") ?? "")?.[1] : undefined;
  } catch {
    seconds = undefined;
  }
  const headers = new Headers(res.headers);
  if (seconds) headers.set("retry-after", seconds);
  return new Response(text, { status: seconds ? 429 : res.status, headers });
}

export { handler as GET, POST };
