// shell.css draws the console frame as MUI did with our theme: the colours it writes out must be
// the theme's (app bar in primary.dark, borders in the divider colour, paper white).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAppTheme } from "./theme";

const css = fs.readFileSync(path.join(import.meta.dirname, "shell.css"), "utf8");
const rule = (selector: string) =>
  new RegExp(`(^|\\n)${selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\{([^}]*)\\}`).exec(css)?.[2] ?? "";

describe("shell.css and the theme", () => {
  const theme = createAppTheme("zh-CN");
  it("the app bar is primary.dark with the contrast text, above the drawer", () => {
    expect(rule(".yb-appbar")).toContain(`background-color: ${theme.palette.primary.dark};`);
    expect(rule(".yb-appbar")).toContain(`color: ${theme.palette.primary.contrastText};`);
    expect(rule(".yb-appbar")).toContain(`z-index: ${theme.zIndex.drawer + 1};`);
    expect(rule(".yb-drawer-paper")).toContain(`z-index: ${theme.zIndex.drawer};`);
  });
  it("papers are the theme's paper with its divider border", () => {
    for (const sel of [".yb-appbar", ".yb-drawer-paper"])
      expect(rule(sel)).toContain(`border: 1px solid ${theme.palette.divider};`);
    expect(rule(".yb-drawer-paper")).toContain(`background-color: ${theme.palette.background.paper};`);
  });
  it("the page title and the app title use the theme's h2 and h4", () => {
    expect(rule(".yb-page-title")).toContain(`font-size: ${theme.typography.h2.fontSize};`);
    expect(rule(".yb-page-title")).toContain(`line-height: ${theme.typography.h2.lineHeight};`);
    expect(rule(".yb-appbar-title")).toContain(`font-size: ${theme.typography.h4.fontSize};`);
    expect(rule(".yb-appbar-title")).toContain(`line-height: ${theme.typography.h4.lineHeight};`);
  });
});
