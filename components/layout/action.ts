// Server actions authenticate here: the request's actor (components/layout/require.ts), then
// lib/http/action.ts runs the one service call and maps its errors.
import type { Actor } from "@/lib/auth/actor";
import { cookies } from "next/headers";
import { runActionAs, type ActionOptions, type ActionResult } from "@/lib/http/action";
import { freshCookie } from "@/lib/auth/fresh";
import type { Locale } from "@/lib/i18n";
import { currentActor } from "./require";

export type { ActionResult };

export async function runAction<T>(
  locale: Locale,
  fn: (actor: Actor) => Promise<T>,
  options?: ActionOptions,
): Promise<ActionResult<T>> {
  const result = await runActionAs(await currentActor(), locale, fn, options);
  if (result.ok) {
    // Read-your-writes: this browser's next pages read from the primary (lib/auth/fresh.ts).
    const fresh = freshCookie();
    if (fresh)
      (await cookies()).set(fresh.name, fresh.value, {
        path: "/",
        maxAge: fresh.maxAgeSeconds,
        httpOnly: true,
        sameSite: "lax",
      });
  }
  return result;
}
