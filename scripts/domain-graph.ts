// The lib/ modules and which import which, from the source (relative imports and "@/lib/…"),
// and the cycles among them. A module is as the module map says (eslint/modules.mjs): a folder
// of lib/ or a nested one it names (regions/groups); a top-level file is its own node.
// Used by lib/architecture.test.ts; pure apart from reading the files.
import fs from "node:fs";
import path from "node:path";
import { moduleOf } from "../eslint/modules.mjs";

const IMPORT_RE = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "generated") out.push(...sourceFiles(p));
    } else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** The module of a path under lib/ ("auth" for lib/auth/x.ts, "env" for lib/env.ts). */
function domainOf(libDir: string, file: string): string {
  return moduleOf(["lib", ...path.relative(libDir, file).split(path.sep)].join("/"))!;
}

/** Domain → the other domains it imports (type-only imports included: they couple too). */
export function domainGraph(libDir: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const root = path.dirname(libDir);
  for (const file of sourceFiles(libDir)) {
    const from = domainOf(libDir, file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const m of fs.readFileSync(file, "utf8").matchAll(IMPORT_RE)) {
      const spec = m[1]!;
      const target = spec.startsWith("@/")
        ? path.join(root, spec.slice(2))
        : spec.startsWith(".")
          ? path.resolve(path.dirname(file), spec)
          : null;
      if (!target || !target.startsWith(libDir + path.sep)) continue;
      const to = domainOf(libDir, target);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** The cycles of a graph: its strongly connected components of more than one node (Tarjan). */
export function cyclesOf(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}
