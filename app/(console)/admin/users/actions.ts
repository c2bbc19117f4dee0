"use server";
// User administration actions: each authenticates (runAction), then calls one service, which
// parses the input, checks the region policy and writes the audit record. The client
// refreshes the page afterwards to read the new version.
import { runAction } from "@/components/layout/action";
import { createUser, resetPassword, unlockUser, updateUser } from "@/lib/users/service";
import { getLocale } from "@/components/i18n/server";

export async function createUserAction(input: unknown) {
  return runAction(await getLocale(), async (actor) => {
    const user = await createUser(actor, input);
    return { id: user.id, username: user.username };
  });
}

export async function updateUserAction(id: string, input: unknown) {
  return runAction(await getLocale(), async (actor) => {
    const user = await updateUser(actor, String(id), input);
    return { version: user.version, disabled: user.disabled };
  });
}

export async function resetPasswordAction(id: string, input: unknown) {
  return runAction(await getLocale(), (actor) => resetPassword(actor, String(id), input));
}

export async function unlockUserAction(id: string) {
  return runAction(await getLocale(), (actor) => unlockUser(actor, String(id)));
}
