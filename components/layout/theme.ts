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
        secondary: { main: "#b8860b" },
        error: { main: "#c62828" },
        success: { main: "#2e7d32" },
        warning: { main: "#ed6c02" },
        background: { default: "#f3f5f8", paper: "#ffffff" },
        divider: "#dde3ea",
      },
      shape: { borderRadius: 6 },
      typography: {
        fontFamily: '"Noto Sans CJK SC","PingFang SC","Microsoft YaHei","Source Han Sans SC","Helvetica Neue",Arial,sans-serif',
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
        MuiSelect: { defaultProps: { size: "small" } },
        MuiTableCell: { styleOverrides: { head: { fontWeight: 600, backgroundColor: "#f7f9fb" } } },
        MuiChip: { defaultProps: { size: "small" } },
      },
    },
    locale === "en" ? enUS : zhCN,
    locale === "en" ? gridEnUS : gridZhCN,
  );
}
