"use client";
import type { ReactNode } from "react";
import { ThemeProvider, type Theme } from "@mui/material/styles";
import CssBaseline from "@mui/material/CssBaseline";
import { createAppTheme } from "./theme";
import { EmotionCacheProvider } from "./emotion-cache";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import type { Locale } from "@/lib/i18n";

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

export function Providers({ locale, children }: { locale: Locale; children: ReactNode }) {
  const theme = themeFor(locale);
  return (
    <EmotionCacheProvider options={EMOTION_OPTIONS}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <I18nProvider locale={locale}>{children}</I18nProvider>
      </ThemeProvider>
    </EmotionCacheProvider>
  );
}
