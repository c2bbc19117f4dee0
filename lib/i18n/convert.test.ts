// scripts/i18n-convert.ts: the old two-object form becomes one entry per key, and running it on
// its own output (or on a file merged from a branch that still wrote the old form) is safe.
import { describe, expect, it } from "vitest";
import { convertSource } from "../../scripts/i18n-convert";

const OLD = `import { defineMessages } from "./define";

// Kept.
export const x = defineMessages(
  {
    // Also kept.
    title: "投诉协同",
    "with-dash": '单引号',
    state: { NEW: "新建", CLOSED: "已关闭" },
  },
  { state: { CLOSED: "Closed", NEW: "New" }, title: "Complaints", "with-dash": 'Single' },
);
`;

const NEW = `import { defineEntries } from "./define";

// Kept.
export const x = defineEntries({
  // Also kept.
  title: { zh: "投诉协同", en: "Complaints" },
  "with-dash": { zh: '单引号', en: 'Single' },
  state: {
    NEW: { zh: "新建", en: "New" },
    CLOSED: { zh: "已关闭", en: "Closed" },
  },
});
`;

describe("i18n-convert", () => {
  it("pairs every zh string with its en twin, in zh order, nested namespaces nested", () => {
    expect(convertSource("x.ts", OLD)).toBe(NEW);
  });

  it("leaves converted files alone and converts only the old calls of a mixed file", () => {
    expect(convertSource("x.ts", NEW)).toBe(NEW);
    const mixed = `${NEW}\nexport const y = defineMessages({ a: "甲" }, { a: "A" });\n`.replace(
      "{ defineEntries }",
      "{ defineEntries, defineMessages }",
    );
    expect(convertSource("x.ts", mixed)).toBe(
      `${NEW}\nexport const y = defineEntries({\n  a: { zh: "甲", en: "A" },\n});\n`,
    );
  });

  it("leaves an entry without en without it, so that it fails to type-check", () => {
    expect(convertSource("x.ts", `export const y = defineMessages({ a: "甲", b: "乙" }, { a: "A" });`)).toContain(
      `b: { zh: "乙" },`,
    );
  });
});
