// The i18n catalogue: zh-CN first, English second. Pure: the UI layer picks the locale
// (cookie) and the API layer picks it from Accept-Language; both call translate().
// Server-side only in effect: importing this module bundles both catalogues, so client
// components import `./translate` and get their messages from I18nProvider.
import { zhCN } from "./messages/zh-CN";
import { en } from "./messages/en";
import { DEFAULT_LOCALE, translatorOf, type Locale, type Messages, type Translate } from "./translate";

export { LOCALES, DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, interpolate } from "./translate";
export type { Locale, Messages, MessageKey, Params, Translate } from "./translate";

const catalogues: Record<Locale, Messages> = { "zh-CN": zhCN, en };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** Unknown keys fall back to zh-CN, then to the key itself, so a gap is visible, not fatal. */
export function createTranslator(locale: Locale, messages: Messages = catalogues[locale]): Translate {
  return translatorOf(messages, zhCN as Messages);
}

/** Picks zh-CN or en from an Accept-Language header; zh-CN when absent. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : DEFAULT_LOCALE;
}
