"use client";
// Client side of the i18n catalogue: the root layout passes the locale and that locale's messages
// (one catalogue in the page's payload; neither is bundled into client JavaScript: this module
// imports only the catalogue-free lib/i18n/translate).
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { translatorOf, type Locale, type Messages, type Translate } from "@/lib/i18n/translate";

interface I18nValue {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ locale, t: translatorOf(messages) }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}

export function useT(): Translate {
  return useI18n().t;
}
