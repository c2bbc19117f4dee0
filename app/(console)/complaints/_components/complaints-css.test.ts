// complaints.module.css draws with plain CSS what the pages once asked of the theme (sx colours
// such as "warning.light" or "grey.100"): each such value must be what the theme computes, or the
// comments, the calendar and its legend drift from the rest of the console.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAppTheme } from "@/components/layout/theme";

const css = fs.readFileSync(path.join(import.meta.dirname, "complaints.module.css"), "utf8");
const norm = (v: string) => v.replace(/\s+/g, "").toLowerCase();

/** The declarations of one rule, by its whole selector (after a rule or a comment). */
function rule(selector: string): string {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`(?:\\}|\\*/)\\s*${escaped} \\{([^}]*)\\}`).exec(css);
  if (!m) throw new Error(`no rule ${selector}`);
  return norm(m[1]!);
}

describe("complaints.module.css and the theme", () => {
  const theme = createAppTheme("zh-CN");
  const p = theme.palette;

  it.each([
    [".note,\n.reply", `border-left:3pxsolid${norm(p.warning.light)}`],
    [".reply", `border-left-color:${norm(p.primary.light)}`],
    [".window", `color:${norm(p.info.dark)}`],
    [".workday", `background-color:${norm(p.background.paper)}`],
    [".weekend", `background-color:${norm(p.grey[100])}`],
    [".day", `border-radius:${theme.shape.borderRadius}px`],
  ])("%s has the theme's value", (selector, declaration) => {
    expect(rule(selector)).toContain(declaration);
  });
});
