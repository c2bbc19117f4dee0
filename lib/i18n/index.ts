// The i18n catalogue: zh-CN first, English second. Pure: the UI layer picks the locale
// (cookie) and the API layer picks it from Accept-Language; both call translate().
import { zhCN } from "./messages/zh-CN";
import { en } from "./messages/en";
import type { Shape } from "./messages/define";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "locale";

export type Messages = Shape<typeof zhCN>;

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<typeof zhCN>;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey | (string & {}), params?: Params) => string;

const catalogues: Record<Locale, Messages> = { "zh-CN": zhCN, en };

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Unknown keys fall back to zh-CN, then to the key itself, so a gap is visible, not fatal. */
export function createTranslator(locale: Locale, messages: Messages = catalogues[locale]): Translate {
  return (key, params) => interpolate(lookup(messages, key) ?? lookup(zhCN as Messages, key) ?? key, params);
}

/** Picks zh-CN or en from an Accept-Language header; zh-CN when absent. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : DEFAULT_LOCALE;
}
