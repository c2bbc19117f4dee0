// Prints the functions over 80 lines and files over 400 lines in lib/ and app/ on every unit run
// (scripts/size-report.ts), fails on one in lib/ or app/ that is not allowed with a reason, and checks the
// measuring on a fixture.
import { describe, expect, it } from "vitest";
import { ALLOWED, formatSizeReport, longFunctions, sizeReport, violations } from "../scripts/size-report";

const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join("\n");

describe("size report", () => {
  it("measures declarations, methods and arrow functions, nested ones on their own", () => {
    const text = [
      `export function big() {\n${body(80)}\n}`,
      `function small() {\n${body(10)}\n}`,
      `const arrow = () => {\n${body(79)}\n  const inner = function () {\n${body(81)}\n  };\n};`,
      `class K {\n  method() {\n${body(90)}\n  }\n}`,
    ].join("\n");
    expect(longFunctions("x.ts", text).map((f) => [f.name, f.lines])).toEqual([
      ["big", 82],
      ["arrow", 164],
      ["inner", 83],
      ["method", 92],
    ]);
  });

  it("lists lib/ and app/ (printed below), with nothing in lib/ over the limits but the allowed", () => {
    const report = sizeReport(process.cwd());
    console.log(formatSizeReport(report));
    expect(report.functions.every((f) => f.lines > 80)).toBe(true);
    expect(report.files.some((f) => f.file.startsWith("lib/i18n/messages/"))).toBe(false);
    expect(violations(report).map((o) => `${o.file} ${o.name} (${o.lines} lines)`)).toEqual([]);
  }, 60_000);

  it("fails an oversize lib/ or app/ item unless allowed with its reason", () => {
    const big = (file: string, name = "(file)") => ({ file, name, lines: 500 });
    const report = {
      functions: [big("lib/x/a.ts", "f"), big("app/p/page.tsx", "Page")],
      files: [big("lib/settlements/fastrow.ts")],
    };
    expect(violations(report).map((o) => o.file)).toEqual([
      "lib/settlements/fastrow.ts",
      "lib/x/a.ts",
      "app/p/page.tsx",
    ]);
    expect(violations({ functions: [big("components/ui/x.tsx", "X")], files: [] })).toEqual([]);
    expect(Object.values(ALLOWED).every((reason) => reason.length > 20)).toBe(true);
  });
});
