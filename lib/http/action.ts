// The one wrapper every server action uses (through components/layout/action.ts, which reads the
// request's actor): require an actor → call one service (which zod-parses and checks policy) →
// map DomainError to `{ ok: false, message, fieldErrors }`. Unexpected errors are logged and
// answered generically.
import { DomainError, PasswordChangeRequiredError, UnauthenticatedError } from "../errors";
import { createTranslator, type Locale } from "../i18n";
import type { Actor } from "../auth/actor";
import { logger } from "../logger";
import { isDatabaseUnavailable } from "../db/unavailable";

export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

export interface ActionOptions {
  /** The one action a user with a temporary password may call: changing it. */
  passwordChange?: boolean;
}

export async function runActionAs<T>(
  actor: Actor | null,
  locale: Locale,
  fn: (actor: Actor) => Promise<T>,
  options: ActionOptions = {},
): Promise<ActionResult<T>> {
  const t = createTranslator(locale);
  try {
    if (!actor) throw new UnauthenticatedError();
    if (actor.mustChangePassword && !options.passwordChange) throw new PasswordChangeRequiredError();
    return { ok: true, data: await fn(actor) };
  } catch (e) {
    if (e instanceof DomainError) {
      const fieldErrors: Record<string, string[]> = {};
      for (const [field, refs] of Object.entries(e.fieldErrors))
        fieldErrors[field] = refs.map((r) => t(r.key, r.params));
      return { ok: false, message: t(e.messageKey, e.params), fieldErrors };
    }
    if (isDatabaseUnavailable(e)) {
      logger.warn("database unavailable during a server action");
      return { ok: false, message: t("errors.unavailable"), fieldErrors: {} };
    }
    logger.error("unhandled error in server action", e);
    return { ok: false, message: t("errors.internal"), fieldErrors: {} };
  }
}
