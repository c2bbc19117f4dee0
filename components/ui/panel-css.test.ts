// panel.css draws MUI's Paper as the theme styles it: the border, corners and background must be
// the theme's, or a kit panel beside a MUI Paper shows the seam.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAppTheme } from "@/components/layout/theme";

const css = fs.readFileSync(path.join(import.meta.dirname, "panel.css"), "utf8");
const rule = (selector: string) => css.match(new RegExp(`${selector.replace(".", "\\.")} \\{([^}]*)\\}`))?.[1] ?? "";
const decl = (body: string, prop: string) => body.match(new RegExp(`(?:^|;|\\s)${prop}:\\s*([^;]+);`))?.[1]?.trim();

describe("panel.css and the theme", () => {
  const theme = createAppTheme("zh-CN");
  const paper = rule(".yb-paper");

  it("has the Paper override's border and the theme's corners and background", () => {
    const override = (theme.components?.MuiPaper?.styleOverrides as { root: { border: string } }).root;
    expect(decl(paper, "border")).toBe(override.border);
    expect(decl(paper, "border-radius")).toBe(`${theme.shape.borderRadius}px`);
    expect(decl(paper, "background-color")).toBe(theme.palette.background.paper);
  });

  it("keeps Paper's elevation 0 (no shadow)", () => {
    expect(theme.components?.MuiPaper?.defaultProps?.elevation).toBe(0);
    expect(paper).not.toContain("box-shadow:");
  });
});
