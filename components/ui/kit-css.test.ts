// kit.css draws with plain CSS what MUI draws with the theme: each variable it declares must be
// what the theme computes (MUI's own helpers), or the kit's tables, tags and menu drift from the
// MUI components beside them.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAppTheme } from "@/components/layout/theme";

// Whitespace collapsed: a rule reads the same however the formatter breaks it.
const css = fs.readFileSync(path.join(import.meta.dirname, "kit.css"), "utf8").replace(/\s+/g, " ");
const vars = Object.fromEntries([...css.matchAll(/--(yb-[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
const norm = (v: string) => v.replace(/\s+/g, "").toLowerCase();

describe("kit.css and the theme", () => {
  const theme = createAppTheme("zh-CN");
  const p = theme.palette;
  const expected: Record<string, string> = {
    "yb-text": p.text.primary,
    "yb-text-secondary": p.text.secondary,
    "yb-divider": p.divider,
    "yb-cell-border": theme.lighten(theme.alpha(p.divider, 1), 0.88),
    "yb-hover": p.action.hover,
    "yb-selected": p.action.selected,
    "yb-grey-400": p.grey[400],
    "yb-primary": p.primary.main,
    "yb-secondary": p.secondary.main,
    "yb-success": p.success.main,
    "yb-warning": p.warning.main,
    "yb-error": p.error.main,
    "yb-info": p.info.main,
    ...Object.fromEntries(
      (["primary", "secondary", "success", "warning", "error", "info"] as const).map((c) => [
        `yb-${c}-70`,
        theme.alpha(p[c].main, 0.7),
      ]),
    ),
    ...Object.fromEntries(
      (["primary", "secondary", "success", "warning", "error", "info"] as const).map((c) => [
        `yb-${c}-dark`,
        p[c].dark,
      ]),
    ),
  };

  it.each(Object.entries(expected))("--%s is the theme's value", (name, value) => {
    expect(norm(vars[name] ?? "(missing)")).toBe(norm(value));
  });

  it("uses the theme's font stack and table head override", () => {
    expect(norm(vars["yb-font"]!)).toBe(norm(theme.typography.fontFamily!));
    const head = (
      theme.components?.MuiTableCell?.styleOverrides as { head: { fontWeight: number; backgroundColor: string } }
    ).head;
    expect(vars["yb-head-bg"]).toBe(head.backgroundColor);
    expect(css).toMatch(new RegExp(`\\.yb-table thead th \\{[^}]*font-weight: ${head.fontWeight};`));
  });

  it.each(["body1", "body2", "caption", "subtitle2", "h3", "h4"] as const)(
    "the text class .yb-%s has the theme's size, weight and line height",
    (variant) => {
      const v = theme.typography[variant];
      const rule = new RegExp(
        `\\.yb-${variant} \\{ font-weight: ${v.fontWeight}; font-size: ${String(v.fontSize).replace(".", "\\.")}; line-height: ${String(v.lineHeight).replace(".", "\\.")}; \\}`,
      );
      expect(css).toMatch(rule);
    },
  );

  it("clickable outlined tags hover and focus in their colour at the theme's opacities", () => {
    for (const c of ["primary", "secondary", "success", "warning", "error", "info"] as const) {
      expect(css).toContain(
        `.yb-tag.yb-outlined.yb-clickable.yb-${c}:hover { background-color: ${theme.alpha(p[c].main, p.action.hoverOpacity)}; }`,
      );
      expect(css).toContain(
        `.yb-tag.yb-outlined.yb-clickable.yb-${c}:focus-visible { background-color: ${theme.alpha(p[c].main, p.action.focusOpacity)}; }`,
      );
    }
  });

  it("the selected menu entry uses the primary colours the old list used", () => {
    expect(norm(theme.alpha(p.primary.main, 0.1))).toBe("rgba(26,79,139,0.1)");
    expect(css).toContain(`color: ${p.primary.dark};`);
  });
});
