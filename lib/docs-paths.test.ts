// Decision records and ARCHITECTURE.md name files: every backticked repository path in them
// (`lib/…`, `app/…`, `scripts/…`, `components/…`, `tests/…`, `prisma/…`) must exist, so a rename
// that forgets the docs fails here, naming the document and the path.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["lib", "app", "scripts", "components", "tests", "prisma"];
const PATH_RE = new RegExp(String.raw`\`((?:${ROOTS.join("|")})/[^\`\s]*)\``, "g");

/** The repository paths a document names: backticked, up to any ":line", " → …" or "(…)" tail. */
export function namedPaths(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(PATH_RE)) {
    const p = m[1]!.replace(/[:#].*$/, "").replace(/[.,;)]+$/, "");
    if (/[*{}<>…]|\.\.\./.test(p)) continue; // globs and placeholders (`lib/<domain>/…`)
    out.add(p);
  }
  return [...out];
}

function exists(p: string): boolean {
  return fs.existsSync(p) || ["ts", "tsx", "mjs"].some((ext) => fs.existsSync(`${p}.${ext}`));
}

describe("documents name files that exist", () => {
  it("finds backticked paths and skips placeholders (fixture)", () => {
    expect(
      namedPaths("see `lib/auth/policy.ts` and `lib/<domain>/index.ts`, `app/(console)/page.tsx:12`, `lib/db/*`"),
    ).toEqual(["lib/auth/policy.ts", "app/(console)/page.tsx"]);
  });

  const docs = [
    "ARCHITECTURE.md",
    ...fs
      .readdirSync("docs/decisions")
      .filter((f) => f.endsWith(".md"))
      .map((f) => path.join("docs/decisions", f)),
  ];
  it.each(docs)("%s", (doc) => {
    const missing = namedPaths(fs.readFileSync(doc, "utf8")).filter((p) => !exists(p));
    expect(missing).toEqual([]);
  });
});
