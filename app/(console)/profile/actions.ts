"use server";
// Own-account actions: password change and personal API tokens. Each authenticates through
// runAction and calls one service; the services audit the change.
import { runAction } from "@/components/layout/action";
import { changeOwnPassword, createApiToken, revokeApiToken } from "@/lib/users/service";
import { getLocale } from "@/components/i18n/server";

/** On success every session of the user is invalid, this one included: the client signs out. */
export async function changePasswordAction(input: unknown) {
  return runAction(await getLocale(), (actor) => changeOwnPassword(actor, input), { passwordChange: true });
}

/** The secret is returned here once; only its hash is stored. */
export async function createTokenAction(input: unknown) {
  return runAction(await getLocale(), async (actor) => {
    const { secret, token } = await createApiToken(actor, input);
    return { secret, name: token.name };
  });
}

export async function revokeTokenAction(tokenId: string) {
  return runAction(await getLocale(), (actor) => revokeApiToken(actor, String(tokenId)));
}
