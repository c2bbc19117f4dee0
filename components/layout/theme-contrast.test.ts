// The palette's colours are text (outlined chips, links, figures) on the console's light surfaces
// and the background of white text (filled chips, contained buttons): WCAG 2.1 AA asks 4.5:1 for
// normal text (decision 019). The app bar is primary.dark under white text.
import { describe, expect, it } from "vitest";
import { getContrastRatio } from "@mui/material/styles";
import { createAppTheme } from "./theme";

const theme = createAppTheme("zh-CN");
const p = theme.palette;
const SURFACES = { paper: p.background.paper, page: p.background.default, tableHead: "#f7f9fb" };
const COLOURS = ["primary", "secondary", "success", "warning", "error", "info"] as const;

describe("the palette's text contrast", () => {
  it.each(COLOURS.flatMap((c) => Object.entries(SURFACES).map(([s, bg]) => [c, s, bg] as const)))(
    "%s.main on %s is at least 4.5:1",
    (c, _s, bg) => {
      expect(getContrastRatio(p[c].main, bg)).toBeGreaterThanOrEqual(4.5);
    },
  );
  it.each(COLOURS)("white on %s.main and %s.dark is at least 4.5:1", (c) => {
    expect(p[c].contrastText).toBe("#fff");
    expect(getContrastRatio(p[c].main, "#fff")).toBeGreaterThanOrEqual(4.5);
    expect(getContrastRatio(p[c].dark, "#fff")).toBeGreaterThanOrEqual(4.5);
  });
  it("secondary text on paper and the page is at least 4.5:1", () => {
    for (const bg of Object.values(SURFACES))
      expect(getContrastRatio(p.text.secondary, bg)).toBeGreaterThanOrEqual(4.5);
  });
  it('Typography color="text.secondary" (ignored by MUI 9 itself) is given the secondary text colour', () => {
    const variants = (theme.components?.MuiTypography?.variants ?? []) as {
      props: { color?: string };
      style: { color?: string };
    }[];
    expect(variants.find((v) => v.props.color === "text.secondary")?.style.color).toBe(p.text.secondary);
  });
  it("the app bar's text and focus ring are visible on primary.dark", () => {
    expect(getContrastRatio("#fff", p.primary.dark)).toBeGreaterThanOrEqual(4.5);
  });
});
