// Prints the functions over 80 lines and files over 400 lines in lib/ and app/ on every unit run
// (scripts/size-report.ts), and checks the measuring on a fixture.
import { describe, expect, it } from "vitest";
import { formatSizeReport, longFunctions, sizeReport } from "../scripts/size-report";

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

  it("lists lib/ and app/ (printed below)", () => {
    const report = sizeReport(process.cwd());
    console.log(formatSizeReport(report));
    expect(report.functions.every((f) => f.lines > 80)).toBe(true);
    expect(report.files.some((f) => f.file.startsWith("lib/i18n/messages/"))).toBe(false);
  }, 60_000);
});
