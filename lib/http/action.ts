// The one wrapper every server action uses: authenticate → call one service (which zod-parses
// and checks policy) → map DomainError to `{ ok: false, message, fieldErrors }`. Unexpected
// errors are logged and answered generically.
import { DomainError, UnauthenticatedError } from "../errors";
import { createTranslator, type Locale } from "../i18n";
import type { Actor } from "../auth/actor";
import { getSessionActor } from "../auth/session";
import { logger } from "../logger";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

export async function runAction<T>(locale: Locale, fn: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  const t = createTranslator(locale);
  try {
    const actor = await getSessionActor();
    if (!actor) throw new UnauthenticatedError();
    return { ok: true, data: await fn(actor) };
  } catch (e) {
    if (e instanceof DomainError) {
      const fieldErrors: Record<string, string[]> = {};
      for (const [field, refs] of Object.entries(e.fieldErrors)) fieldErrors[field] = refs.map((r) => t(r.key, r.params));
      return { ok: false, message: t(e.messageKey, e.params), fieldErrors };
    }
    logger.error("unhandled error in server action", e);
    return { ok: false, message: t("errors.internal"), fieldErrors: {} };
  }
}
