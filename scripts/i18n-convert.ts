// Rewrites the message catalogues from `defineMessages(zh, en)` — every zh string ~300 lines from
// its en twin — into `defineEntries({ key: { zh: "…", en: "…" } })`, one entry per key (issue 18;
// the format is described in ARCHITECTURE.md, "i18n").
//
// Re-runnable: it converts only the `defineMessages(…)` calls it finds and leaves everything else
// in the file as it is, so a file merged from a branch that still wrote the old form (or half of
// each) converts again with the same result. Nested namespaces stay nested; the source text of
// each string is copied as written (quotes, escapes); comments before a key are kept (zh side
// first, then the en side's when it says something else).
//
// Usage: tsx scripts/i18n-convert.ts [file …]   (default: every lib/i18n/messages/*.ts)
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const DIR = "lib/i18n/messages";
const INDENT = "  ";

type Obj = ts.ObjectLiteralExpression;

function fail(sf: ts.SourceFile, node: ts.Node, message: string): never {
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  throw new Error(`${sf.fileName}:${line + 1}: ${message}`);
}

function keyOf(sf: ts.SourceFile, p: ts.ObjectLiteralElementLike): string {
  if (!ts.isPropertyAssignment(p) || !p.name || ts.isComputedPropertyName(p.name))
    fail(sf, p, "only `key: value` entries can be converted");
  return p.name.getText(sf);
}

/** The property's name as a lookup key: `"a-b"` and `a` compare by their text without quotes. */
function plainKey(sf: ts.SourceFile, p: ts.ObjectLiteralElementLike): string {
  const k = keyOf(sf, p);
  return /^["']/.test(k) ? k.slice(1, -1) : k;
}

function isText(node: ts.Expression): boolean {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** `// …` and `/* … *\/` comments right before a property, as written. */
function leadingComments(sf: ts.SourceFile, node: ts.Node): string[] {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? [];
  return ranges.map((r) => sf.text.slice(r.pos, r.end));
}

function convertObject(sf: ts.SourceFile, zh: Obj, en: Obj | undefined, depth: number): string {
  const pad = INDENT.repeat(depth + 1);
  const enProps = new Map((en?.properties ?? []).map((p) => [plainKey(sf, p), p]));
  const lines: string[] = [];
  for (const p of zh.properties) {
    const key = plainKey(sf, p);
    const zhValue = (p as ts.PropertyAssignment).initializer;
    const enProp = enProps.get(key) as ts.PropertyAssignment | undefined;
    enProps.delete(key);
    const comments = leadingComments(sf, p);
    for (const c of enProp ? leadingComments(sf, enProp) : []) if (!comments.includes(c)) comments.push(c);
    for (const c of comments) lines.push(pad + c.trim());
    const enValue = enProp?.initializer;
    if (isText(zhValue)) {
      // An entry without en stays without it: defineEntries then fails to type-check, which is the point.
      const enText = enValue && isText(enValue) ? `, en: ${enValue.getText(sf)}` : "";
      if (enValue && !isText(enValue)) fail(sf, enValue, `en.${key} is not a string where zh is`);
      lines.push(`${pad}${keyOf(sf, p)}: { zh: ${zhValue.getText(sf)}${enText} },`);
    } else if (ts.isObjectLiteralExpression(zhValue)) {
      if (enValue && !ts.isObjectLiteralExpression(enValue))
        fail(sf, enValue, `en.${key} is not an object where zh is`);
      lines.push(`${pad}${keyOf(sf, p)}: ${convertObject(sf, zhValue, enValue as Obj | undefined, depth + 1)},`);
    } else {
      fail(sf, zhValue, `zh.${key} is neither a string nor an object literal`);
    }
  }
  for (const [key, p] of enProps)
    process.stderr.write(
      `${sf.fileName}:${sf.getLineAndCharacterOfPosition(p.getStart(sf)).line + 1}: en-only key ${key} dropped\n`,
    );
  return `{\n${lines.join("\n")}\n${INDENT.repeat(depth)}}`;
}

function defineMessagesCalls(sf: ts.SourceFile): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "defineMessages")
      calls.push(node);
    else ts.forEachChild(node, visit);
  };
  visit(sf);
  return calls;
}

/** The import line names defineEntries instead of (or, while old calls remain, besides) defineMessages. */
function fixImport(text: string): string {
  const stillOld = /\bdefineMessages\s*\(/.test(text);
  return text.replace(/import\s*\{([^}]*)\}\s*from\s*"\.\/define";/, (_m, names: string) => {
    const set = new Set(
      names
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean),
    );
    if (!stillOld) set.delete("defineMessages");
    set.add("defineEntries");
    return `import { ${[...set].sort().join(", ")} } from "./define";`;
  });
}

export function convertSource(fileName: string, text: string): string {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const calls = defineMessagesCalls(sf);
  if (calls.length === 0) return text;
  let out = "";
  let at = 0;
  for (const call of calls) {
    const [zh, en] = call.arguments;
    if (!zh || !ts.isObjectLiteralExpression(zh) || (en && !ts.isObjectLiteralExpression(en)))
      fail(sf, call, "defineMessages needs two object literals");
    // The call sits at depth 0 in every catalogue (`export const x = defineMessages(`).
    out += text.slice(at, call.getStart(sf)) + `defineEntries(${convertObject(sf, zh, en as Obj | undefined, 0)})`;
    at = call.getEnd();
  }
  return fixImport(out + text.slice(at));
}

function main() {
  const args = process.argv.slice(2);
  const files = args.length
    ? args
    : fs
        .readdirSync(DIR)
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .map((f) => path.join(DIR, f));
  for (const file of files) {
    const before = fs.readFileSync(file, "utf8");
    const after = convertSource(file, before);
    if (after !== before) {
      fs.writeFileSync(file, after);
      process.stdout.write(`converted ${file}\n`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) main();
