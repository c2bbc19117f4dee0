// Functions over 80 lines and files over 400 lines in lib/ and app/ (house style: small named
// steps), declarative tables exempt by the explicit list below. Printed by the lint stage of
// `npm test` and by the unit run (lib/size-report.test.ts); both fail on an item in lib/ that is
// not in ALLOWED with its reason (decision 027), in lib/ and app/.
// `npx tsx scripts/size-report.ts [--check]`.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export const MAX_FUNCTION_LINES = 80;
export const MAX_FILE_LINES = 400;

/** Declarative tables: catalogues, OpenAPI registrations, generated code, tests. */
export const EXEMPT: readonly RegExp[] = [
  /^lib\/i18n\/messages\//,
  /(^|\/)openapi(-document)?\.ts$/,
  /^lib\/db\/generated\//,
  /\.test\.tsx?$/,
];

/** Oversize items kept on purpose, by "file" or "file name", each with the reason. */
export const ALLOWED: Readonly<Record<string, string>> = {
  "lib/settlements/fastrow.ts parseFast":
    "the per-row hot path of the settlement import (decision 007): one pass over a row's bytes with the field offsets in locals. Not split until a benchmark (npm run bench) shows a split costs nothing; fastrow.test.ts checks it against the slow parser under mutation",
};

/** The folders whose oversize items fail the run. */
export const ENFORCED = ["lib/", "app/"];

export interface Oversize {
  file: string;
  name: string;
  lines: number;
}

/** The functions of one source text longer than `max` lines (nested ones reported on their own). */
export function longFunctions(file: string, text: string, max = MAX_FUNCTION_LINES): Oversize[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: Oversize[] = [];
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const nameOf = (node: ts.Node): string => {
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText(source);
    const parent = node.parent;
    if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(source);
    if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(source);
    return `(anonymous, line ${lineOf(node.getStart(source)) + 1})`;
  };
  const visit = (node: ts.Node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node)
    ) {
      const lines = lineOf(node.getEnd()) - lineOf(node.getStart(source)) + 1;
      if (lines > max) out.push({ file, name: nameOf(node), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function sourceFiles(dir: string, root: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    const rel = path.relative(root, p).split(path.sep).join("/");
    if (e.isDirectory()) out.push(...sourceFiles(p, root));
    else if (/\.tsx?$/.test(e.name) && !EXEMPT.some((re) => re.test(rel))) out.push(rel);
  }
  return out;
}

/** Every oversize function and file under the given folders of `root`. */
export function sizeReport(
  root: string,
  dirs: readonly string[] = ["lib", "app"],
): { functions: Oversize[]; files: Oversize[] } {
  const functions: Oversize[] = [];
  const files: Oversize[] = [];
  for (const file of dirs.flatMap((d) => sourceFiles(path.join(root, d), root))) {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    if (lines > MAX_FILE_LINES) files.push({ file, name: "(file)", lines });
    functions.push(...longFunctions(file, text));
  }
  const byLines = (a: Oversize, b: Oversize) => b.lines - a.lines;
  return { functions: functions.sort(byLines), files: files.sort(byLines) };
}

const keyOf = (o: Oversize) => (o.name === "(file)" ? o.file : `${o.file} ${o.name}`);

/** The items that fail the run: in an enforced folder and not allowed. */
export function violations(r: { functions: Oversize[]; files: Oversize[] }): Oversize[] {
  return [...r.files, ...r.functions].filter(
    (o) => ENFORCED.some((d) => o.file.startsWith(d)) && !(keyOf(o) in ALLOWED),
  );
}

export function formatSizeReport(r: { functions: Oversize[]; files: Oversize[] }): string {
  return [
    `Functions over ${MAX_FUNCTION_LINES} lines: ${r.functions.length}`,
    ...r.functions.map((f) => `  ${String(f.lines).padStart(4)}  ${f.file}  ${f.name}${mark(f)}`),
    `Files over ${MAX_FILE_LINES} lines: ${r.files.length}`,
    ...r.files.map((f) => `  ${String(f.lines).padStart(4)}  ${f.file}${mark(f)}`),
  ].join("\n");
}

function mark(o: Oversize): string {
  if (keyOf(o) in ALLOWED) return "  (allowed: see ALLOWED)";
  return ENFORCED.some((d) => o.file.startsWith(d)) ? "  ← split it (fails the run)" : "";
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const report = sizeReport(process.cwd());
  process.stdout.write(formatSizeReport(report) + "\n");
  if (process.argv.includes("--check") && violations(report).length) process.exit(1);
}
