"use server";
// Server actions of the roster screens: each authenticates (runAction), then calls ONE
// service, which parses the input, checks the policy and writes with its history and audit.
import { getLocale } from "@/components/i18n/server";
import { runAction } from "@/components/layout/action";
import { createInstitution, decideChange, runInstitutionCommand, updateInstitution } from "@/lib/facilities/service";
import type { WriteResult } from "@/lib/facilities/views";

export interface WriteOutcome {
  applied: boolean;
  code: string | null;
  pendingChangeId: string | null;
}

const outcome = (r: WriteResult): WriteOutcome =>
  r.applied
    ? { applied: true, code: r.institution.code, pendingChangeId: null }
    : { applied: false, code: r.changeRequest.code, pendingChangeId: r.pendingChangeId };

export async function createInstitutionAction(input: unknown) {
  return runAction(await getLocale(), async (actor) => outcome(await createInstitution(actor, input)));
}

export async function updateInstitutionAction(code: string, input: unknown) {
  return runAction(await getLocale(), async (actor) => outcome(await updateInstitution(actor, String(code), input)));
}

/** changeStatus / openService / closeService, as { action, … }. */
export async function institutionCommandAction(code: string, input: unknown) {
  return runAction(await getLocale(), async (actor) =>
    outcome(await runInstitutionCommand(actor, String(code), input)),
  );
}

export async function decideChangeAction(id: string, input: unknown) {
  return runAction(await getLocale(), async (actor) => {
    const c = await decideChange(actor, String(id), input);
    return { state: c.state };
  });
}
