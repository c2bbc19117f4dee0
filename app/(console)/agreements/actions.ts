"use server";
import { runAction } from "@/components/layout/action";
import { createAgreement, transitionAgreement, updateAgreement } from "@/lib/agreements/service";
import { getLocale } from "@/components/i18n/server";

export async function createAgreementAction(input: unknown) {
  return runAction(await getLocale(), async (actor) => ({ id: (await createAgreement(actor, input)).id }));
}

export async function updateAgreementAction(id: string, input: unknown) {
  return runAction(await getLocale(), async (actor) => ({
    version: (await updateAgreement(actor, String(id), input)).version,
  }));
}

export async function transitionAgreementAction(id: string, input: unknown) {
  return runAction(await getLocale(), async (actor) => {
    const a = await transitionAgreement(actor, String(id), input);
    return { status: a.status, pending: a.pendingApprovals.length };
  });
}
