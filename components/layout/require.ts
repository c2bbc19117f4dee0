// Page guards for server components: redirect signed-out users, 404 users lacking the job area.
import { notFound, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/auth/session";
import { canSeeArea, type JobArea } from "@/lib/auth/policy";

export async function requirePageActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  return actor;
}

export async function requireArea(area: JobArea): Promise<Actor> {
  const actor = await requirePageActor();
  if (!canSeeArea(actor, area)) notFound();
  return actor;
}
