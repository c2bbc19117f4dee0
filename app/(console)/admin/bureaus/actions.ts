"use server";
import { runAction } from "@/components/layout/action";
import { createBureau, updateBureau } from "@/lib/bureaus/service";
import { getLocale } from "@/components/i18n/server";

export async function updateBureauAction(id: string, input: unknown) {
  return runAction(await getLocale(), async (actor) => {
    const b = await updateBureau(actor, String(id), input);
    return { version: b.version };
  });
}

export async function createBureauAction(input: unknown) {
  return runAction(await getLocale(), async (actor) => {
    const b = await createBureau(actor, input);
    return { id: b.id };
  });
}
