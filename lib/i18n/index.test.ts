import { describe, expect, it } from "vitest";
import { createTranslator, localeFromAcceptLanguage, messagesFor } from "./index";

function leaves(obj: unknown, prefix = ""): [string, string][] {
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === "string" ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

describe("i18n catalogue", () => {
  const zh = new Map(leaves(messagesFor("zh-CN")));
  const en = new Map(leaves(messagesFor("en")));

  it("has every key in both languages, none empty", () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [k, v] of zh) expect(v.trim(), k).not.toBe("");
    // A measure word such as "个" has no English counterpart: only `*.unit` keys may be empty in en.
    for (const [k, v] of en) if (!k.endsWith(".unit")) expect(v.trim(), k).not.toBe("");
  });

  it("uses the same {placeholders} in both languages", () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [k, v] of zh) expect(ph(en.get(k)!), k).toEqual(ph(v));
  });

  it("English strings contain no CJK characters except where Chinese is the point", () => {
    // The switch names the other language; region names are official Chinese names, so a
    // search hint shows one as its example.
    const allowed = new Set([
      "common.switchLanguage",
      "regions.search.placeholder",
      "rosterUi.filters.qPlaceholder",
      "rosterUi.filters.regionPlaceholder",
    ]);
    const withCjk = [...en]
      .filter(([k, v]) => /[\u4e00-\u9fff]/.test(v) && !allowed.has(k))
      .map(([k, v]) => `${k}: ${v}`);
    expect(withCjk).toEqual([]);
  });

  it("interpolates and falls back to the key for unknown keys", () => {
    const t = createTranslator("en");
    expect(t("auth.throttled", { seconds: 30 })).toContain("30 seconds");
    expect(t("no.such.key")).toBe("no.such.key");
    expect(createTranslator("zh-CN")("common.total", { count: 3 })).toBe("共 3 条");
  });

  it("picks the API locale from Accept-Language", () => {
    expect(localeFromAcceptLanguage(undefined)).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
  });
});
