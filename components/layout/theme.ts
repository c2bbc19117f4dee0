// The console theme: a sober government blue, compact density, CJK-first font stack.
import { createTheme } from "@mui/material/styles";
import { zhCN, enUS } from "@mui/material/locale";
import { zhCN as gridZhCN, enUS as gridEnUS } from "@mui/x-data-grid/locales";
import type { Locale } from "@/lib/i18n";

export function createAppTheme(locale: Locale) {
  return createTheme(
    {
      palette: {
        mode: "light",
        primary: { main: "#1a4f8b", dark: "#123a66", light: "#4f7fb8", contrastText: "#fff" },
        // Every main colour is text on white, on the page background and on the table head (outlined
        // chips, links, figures) and the background of white text (filled chips): each is held
        // at ≥ 4.5:1 against all four by theme-contrast.test.ts (decision 019). MUI's default
        // info (#0288d1, 3.9:1) and warning (#ed6c02, 3.1:1) and the old gold (#b8860b) were not.
        secondary: { main: "#8a6508" },
        error: { main: "#c62828" },
        success: { main: "#2e7d32" },
        warning: { main: "#a84d00" },
        info: { main: "#01579b" },
        background: { default: "#f3f5f8", paper: "#ffffff" },
        divider: "#dde3ea",
      },
      shape: { borderRadius: 6 },
      typography: {
        fontFamily:
          '"Noto Sans CJK SC","PingFang SC","Microsoft YaHei","Source Han Sans SC","Helvetica Neue",Arial,sans-serif',
        fontSize: 14,
        h1: { fontSize: "1.6rem", fontWeight: 600 },
        h2: { fontSize: "1.35rem", fontWeight: 600 },
        h3: { fontSize: "1.15rem", fontWeight: 600 },
        h4: { fontSize: "1.05rem", fontWeight: 600 },
        button: { textTransform: "none", fontWeight: 500 },
      },
      components: {
        MuiAppBar: { defaultProps: { elevation: 0 } },
        MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { root: { border: "1px solid #dde3ea" } } },
        MuiButton: { defaultProps: { disableElevation: true } },
        MuiTextField: { defaultProps: { size: "small" } },
        // A disabled field's hint is still read (e.g. how a code is built): secondary text,
        // 5.7:1, not MUI's disabled grey (2.7:1 on white).
        MuiFormHelperText: { styleOverrides: { root: { "&.Mui-disabled": { color: "rgba(0, 0, 0, 0.6)" } } } },
        MuiSelect: { defaultProps: { size: "small" } },
        MuiTableCell: { styleOverrides: { head: { fontWeight: 600, backgroundColor: "#f7f9fb" } } },
        MuiChip: { defaultProps: { size: "small" } },
        // MUI 9's Typography knows color="textSecondary" only; the console writes "text.secondary"
        // (46 places), which MUI 9 ignored — the text inherited the primary colour. This variant
        // gives it the secondary text colour (5.7:1 on white, held by theme-contrast.test.ts).
        MuiTypography: { variants: [{ props: { color: "text.secondary" }, style: { color: "rgba(0, 0, 0, 0.6)" } }] },
        // Tab rows (roster, agreements, queues) scroll inside themselves on a phone instead of
        // widening the page (decision 019).
        MuiTabs: { defaultProps: { variant: "scrollable", scrollButtons: "auto", allowScrollButtonsMobile: true } },
      },
    },
    locale === "en" ? enUS : zhCN,
    locale === "en" ? gridEnUS : gridZhCN,
  );
}
