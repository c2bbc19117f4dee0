// The roster and region pages' CSS modules write a few theme colours out (kit.css has no
// variable for them): each must stay what the theme computes, or the page drifts from the MUI
// look it replaced (Typography and TableCell sx colours resolved by the theme). The institution
// and coverage pages now use kit.css's variables (held to the theme by kit-css.test.ts).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAppTheme } from "@/components/layout/theme";

const app = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(app, file), "utf8");
const norm = (v: string) => v.replace(/\s+/g, "").toLowerCase();

describe("theme colours written out in the roster and region CSS modules", () => {
  const p = createAppTheme("zh-CN").palette;
  const cases: [string, RegExp, string][] = [
    ["regions/_components/regions.module.css", /\.statValue \{[^}]*color: ([^;]+);/, p.primary.dark],
  ];
  it.each(cases)("%s %s is the theme's", (file, rule, value) => {
    const found = read(file).match(rule)?.[1];
    expect(norm(found ?? "(missing)")).toBe(norm(value));
  });
});
