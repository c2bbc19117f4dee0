// The signed-in actor of the current request, for server components, server actions and route
// handlers under app/: read once per request (React's request-scoped cache — the layout, the
// page and its metadata share one lookup), from the session cookie, through lib/auth's cached
// decode and actor look-up. Page guards redirect signed-out users and 404 users lacking the area.
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { actorFromCookieHeader } from "@/lib/auth/session";
import { canSeeArea, type JobArea } from "@/lib/auth/policy";

export const currentActor = cache(async (): Promise<Actor | null> =>
  actorFromCookieHeader((await headers()).get("cookie")),
);

/**
 * The signed-in actor, or a redirect to /login. A user with a temporary password is sent to the
 * change-password form of /profile from every page but that one (`passwordChangePage`; the
 * console layout, which wraps /profile too, passes it and leaves the decision to the page).
 */
export async function requirePageActor(options: { passwordChangePage?: boolean } = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword && !options.passwordChangePage) redirect("/profile#password");
  return actor;
}

export async function requireArea(area: JobArea): Promise<Actor> {
  const actor = await requirePageActor();
  if (!canSeeArea(actor, area)) notFound();
  return actor;
}
