"use server";
// Complaint actions: each authenticates (runAction) and calls one service, which parses the
// input, checks the state machine and the region policy, and writes the audit record.
import { runAction } from "@/components/layout/action";
import {
  addComment,
  createComplaint,
  createDowntime,
  markNotificationsRead,
  transitionComplaint,
  unmaskComplainant,
} from "@/lib/complaints/service";
import { getLocale } from "@/components/i18n/server";

export async function createComplaintAction(input: unknown) {
  return runAction(await getLocale(), async (actor) => ({ number: (await createComplaint(actor, input)).number }));
}

export async function transitionAction(number: string, input: unknown) {
  return runAction(await getLocale(), async (actor) => {
    const t = await transitionComplaint(actor, String(number), input);
    return { state: t.state, version: t.version };
  });
}

export async function commentAction(number: string, input: unknown) {
  return runAction(await getLocale(), async (actor) => (await addComment(actor, String(number), input)).id);
}

export async function unmaskAction(number: string) {
  return runAction(await getLocale(), (actor) => unmaskComplainant(actor, String(number)));
}

export async function createDowntimeAction(input: unknown) {
  return runAction(await getLocale(), async (actor) => (await createDowntime(actor, input)).id);
}

export async function markNotificationsReadAction() {
  return runAction(await getLocale(), (actor) => markNotificationsRead(actor));
}
