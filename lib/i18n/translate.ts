// The catalogue-free half of i18n: locales, types, lookup and interpolation. The browser imports
// only this module and receives the messages of its one locale as a prop from the root layout
// (components/i18n/i18n-provider.tsx), so neither catalogue is bundled into client JavaScript.
import type { zhCN } from "./messages/zh-CN";
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

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

export function lookup(messages: Messages, key: string): string | undefined {
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

/** A translator over one catalogue, then `fallback`; an unknown key shows as itself, visible, not fatal. */
export function translatorOf(messages: Messages, fallback?: Messages): Translate {
  return (key, params) => interpolate(lookup(messages, key) ?? (fallback && lookup(fallback, key)) ?? key, params);
}
