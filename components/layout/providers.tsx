"use client";
import { useMemo, useState, type ReactNode } from "react";
import { ThemeProvider, type Theme } from "@mui/material/styles";
import CssBaseline from "@mui/material/CssBaseline";
import type {} from "@mui/x-data-grid/themeAugmentation";
import { createAppTheme } from "./theme";
import { EmotionCacheProvider } from "./emotion-cache";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import type { Locale, Messages } from "@/lib/i18n/translate";

// Emotion without its vendor-prefixing plugin: every browser the console supports (current
// Chromium, Edge, Firefox, Safari) reads the standard properties, and the prefixes made up a
// quarter of the CSS inlined in each page (docs/decisions/010-scale-out.md, "Pages").
const EMOTION_OPTIONS = { key: "mui", stylisPlugins: [] };

// One theme per locale for the life of the process: createTheme costs ~0.5 ms, and useMemo does
// not outlive a server render.
const themes = new Map<Locale, Theme>();
function themeFor(locale: Locale): Theme {
  let theme = themes.get(locale);
  if (!theme) themes.set(locale, (theme = createAppTheme(locale)));
  return theme;
}

/**
 * The page's nonce as a default prop of every DataGrid: the grid writes its CSS variables in a
 * <style> tag of its own, which the page's policy admits only with the nonce.
 */
function withNonce(theme: Theme, nonce: string | undefined): Theme {
  if (!nonce) return theme;
  const grid = theme.components?.MuiDataGrid;
  return {
    ...theme,
    components: { ...theme.components, MuiDataGrid: { ...grid, defaultProps: { ...grid?.defaultProps, nonce } } },
  };
}

/** `nonce`: the page's CSP nonce (proxy.ts), which every <style> tag must carry. `messages`: the locale's catalogue only. */
export function Providers({
  locale,
  messages,
  nonce: rendered,
  children,
}: {
  locale: Locale;
  messages: Messages;
  nonce?: string;
  children: ReactNode;
}) {
  // The document's policy keeps the nonce it was served with; a refresh (router.refresh after
  // the language switch, a server action) renders the layout again with the next request's.
  const [nonce] = useState(rendered);
  const theme = useMemo(() => withNonce(themeFor(locale), nonce), [locale, nonce]);
  return (
    <EmotionCacheProvider options={{ ...EMOTION_OPTIONS, nonce }}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <I18nProvider locale={locale} messages={messages}>
          {children}
        </I18nProvider>
      </ThemeProvider>
    </EmotionCacheProvider>
  );
}
