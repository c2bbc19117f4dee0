// GET /assets/mui/<hash>.css — a frozen MUI stylesheet (lib/styles/sheets.ts). Content-addressed,
// so cached for a year; served by any instance (from its memory or the database). No sign-in: it
// is the same CSS the login page carries.
import { findStyleSheet } from "@/lib/styles/sheets";

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const css = file.endsWith(".css") ? await findStyleSheet(file.slice(0, -4)) : null;
  if (css === null)
    return new Response("Not found", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  return new Response(css, {
    headers: { "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=31536000, immutable" },
  });
}
