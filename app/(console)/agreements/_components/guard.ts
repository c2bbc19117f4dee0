// Page guards of the agreement area: the job area for the registry pages, any signed-in user
// for the eligibility check (agreements are public; canReadAgreements).
import { notFound } from "next/navigation";
import { requireArea, requirePageActor } from "@/components/layout/require";
import { canReadAgreements, canSeeArea } from "@/lib/auth/policy";

export async function requireAgreementsArea() {
  return requireArea("agreements");
}

export async function requireAgreementReader() {
  const actor = await requirePageActor();
  if (!canReadAgreements(actor)) notFound();
  return { actor, seesArea: canSeeArea(actor, "agreements") };
}
