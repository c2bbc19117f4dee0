// Local ESLint rule `boundaries/imports` (decision 027): code outside a lib/ module imports only
// its public files, and a lib/ module imports only the modules it declares in `uses` — both from
// the module map in eslint/modules.mjs. Paths are resolved from the import text ("@/…" and
// relative), so no resolver or type information is needed and the rule stays fast.
import path from "node:path";
import { isPublic, moduleOf, MODULES } from "./modules.mjs";

const TEST_FILE = /\.test\.tsx?$/;

/** The repository path an import names (posix, no extension), or null for packages. */
function targetOf(spec, fileRel) {
  if (spec.startsWith("@/")) return path.posix.normalize(spec.slice(2));
  if (spec.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(fileRel), spec));
  return null;
}

/** The shortest path of declared uses from `a` to `b` (both included), or null: an import b → a would close it. */
function usesPath(a, b) {
  const previous = new Map([[a, null]]);
  for (const queue = [a]; queue.length;) {
    const at = queue.shift();
    if (at === b) {
      const out = [];
      for (let m = b; m !== null; m = previous.get(m)) out.unshift(m);
      return out;
    }
    for (const next of MODULES[at]?.uses ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, at);
      queue.push(next);
    }
  }
  return null;
}

const publicList = (name) => {
  const spec = MODULES[name];
  return !spec
    ? "none: add the module to eslint/modules.mjs"
    : spec.public === "*"
      ? "every file"
      : spec.public.map((f) => `${f}.ts`).join(", ");
};

/** @type {import("eslint").Rule.RuleModule} */
const imports = {
  meta: {
    type: "problem",
    docs: {
      description:
        "lib/ modules are used through their public files and only by the modules that declare them (eslint/modules.mjs).",
    },
    messages: {
      internal:
        "'{{target}}' is internal to lib/{{module}}: import one of its public files ({{list}}), or declare this one public in eslint/modules.mjs.",
      undeclared:
        "lib/{{from}} may not import lib/{{to}}: it is not among lib/{{from}}'s `uses` in eslint/modules.mjs{{why}}.",
      unknown:
        "lib/{{from}} is not in the module map: add it to eslint/modules.mjs with its public files and the modules it uses.",
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const fileRel = path.relative(root, context.filename).split(path.sep).join("/");
    const from = moduleOf(fileRel);
    const isTest = TEST_FILE.test(fileRel);
    const check = (node) => {
      const spec = node.source && node.source.type === "Literal" ? node.source.value : null;
      if (typeof spec !== "string") return;
      const target = targetOf(spec, fileRel);
      if (!target || !target.startsWith("lib/")) return;
      const to = moduleOf(target);
      if (!to || to === from) return;
      if (from && !MODULES[from] && !isTest)
        return context.report({ node: node.source, messageId: "unknown", data: { from } });
      if (!isPublic(target))
        return context.report({
          node: node.source,
          messageId: "internal",
          data: { target, module: to, list: publicList(to) },
        });
      if (from && !isTest && MODULES[from] && !MODULES[from].uses.includes(to)) {
        const loop = usesPath(to, from);
        const why = loop ? ` — and it would close a cycle: ${[...loop, to].map((m) => `lib/${m}`).join(" → ")}` : "";
        context.report({ node: node.source, messageId: "undeclared", data: { from, to, why } });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const plugin = { rules: { imports } };
export default plugin;
