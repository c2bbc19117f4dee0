// Every translation key the code uses exists, and every key in the catalogue is used (issue 18).
//
// A key is "used" when it appears as a whole string literal in app/, components/ or lib/ (outside
// tests and the catalogue itself): `t("common.save")`, a `labelKey: "…"` constant, a DomainError's
// message key, a zod message — wherever it is later handed to t(). A literal that names a subtree
// rather than a leaf ("complaints.channel", passed to a select as its prefix) and a template literal
// with a static head (`t(\`roles.${r}\`)`) are dynamic uses: each such prefix must be listed in
// DYNAMIC below with the values it ranges over, and each `prefix + value` must exist.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messagesFor } from "./index";
import { DYNAMIC } from "@/tests/support/i18n-dynamic-keys";

const ROOTS = ["app", "components", "lib"];
// Strings shaped like keys that are not keys.
const NOT_KEYS = new Set(["agreements.expiry" /* a job's name, lib/jobs/scheduler.ts */]);
const SKIP = /(\.test\.tsx?$)|(^lib\/i18n\/messages\/)|(^lib\/db\/generated\/)/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !SKIP.test(p) ? [p] : [];
  });
}

function leaves(obj: unknown, prefix = ""): string[] {
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === "string" ? [prefix + k] : leaves(v, `${prefix}${k}.`),
  );
}

const catalogue = messagesFor("zh-CN");
const keys = new Set(leaves(catalogue));
const namespaces = Object.keys(catalogue);
/** Every inner node of the catalogue ("complaints", "complaints.state", …). */
const subtrees = new Set(
  [...keys].flatMap((k) => {
    const parts = k.split(".");
    return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join("."));
  }),
);
const nsAlt = namespaces.join("|");
const LITERAL = new RegExp(`["'](?:${nsAlt})(?:\\.[A-Za-z0-9_]+)+["']`, "g");
const TEMPLATE = new RegExp(`\`((?:${nsAlt})\\.[A-Za-z0-9_.]*)\\$\\{`, "g");

interface Scan {
  literal: Map<string, string>; // key → first file
  dynamic: Map<string, string>; // prefix (ends with ".") → first file
}

function scan(): Scan {
  const literal = new Map<string, string>();
  const dynamic = new Map<string, string>();
  for (const root of ROOTS)
    for (const file of sourceFiles(root)) {
      // Whole-line and block comments name keys as examples.
      const text = fs
        .readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      for (const m of text.matchAll(LITERAL)) {
        const k = m[0].slice(1, -1);
        if (NOT_KEYS.has(k)) continue;
        if (subtrees.has(k)) {
          if (!dynamic.has(`${k}.`)) dynamic.set(`${k}.`, file);
        } else if (!literal.has(k)) literal.set(k, file);
      }
      for (const m of text.matchAll(TEMPLATE)) if (!dynamic.has(m[1]!)) dynamic.set(m[1]!, file);
    }
  return { literal, dynamic };
}

describe("translation keys", () => {
  const { literal, dynamic } = scan();

  it("every key used in the code exists in the catalogue", () => {
    const missing = [...literal].filter(([k]) => !keys.has(k)).map(([k, f]) => `${k} (${f})`);
    expect(missing).toEqual([]);
  });

  it("every dynamic prefix in the code is listed with the values it ranges over", () => {
    const unlisted = [...dynamic].filter(([p]) => !(p in DYNAMIC)).map(([p, f]) => `${p} (${f})`);
    expect(unlisted).toEqual([]);
    const stale = Object.keys(DYNAMIC).filter((p) => !dynamic.has(p));
    expect(stale).toEqual([]);
  });

  it("every value of a dynamic prefix has its key", () => {
    const missing = Object.entries(DYNAMIC).flatMap(([p, d]) =>
      d.values.filter((v) => !keys.has(p + v) && !subtrees.has(p + v)).map((v) => p + v),
    );
    expect(missing).toEqual([]);
  });

  it("every key in the catalogue is used", () => {
    const used = new Set(literal.keys());
    for (const [p, d] of Object.entries(DYNAMIC))
      for (const v of d.values) for (const k of keys) if (k === p + v || k.startsWith(`${p}${v}.`)) used.add(k);
    expect([...keys].filter((k) => !used.has(k))).toEqual([]);
  });
});
