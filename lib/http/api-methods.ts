// Which methods each /api/v1 path takes: the operations of the OpenAPI document
// (lib/http/api-operations.ts) plus the document itself. The production server answers any other
// method with a JSON 405 and `Allow` before Next.js sees it (Next.js would answer an empty 405
// without `Allow`). Pure: the server loads it outside the Next.js bundle.
import { OPERATION_IDS } from "./api-operations";

export const API_METHODS: Readonly<Record<string, readonly string[]>> = (() => {
  const table: Record<string, string[]> = { "/openapi.json": ["GET"] };
  for (const key of Object.keys(OPERATION_IDS)) {
    const [method, path] = key.split(" ") as [string, string];
    (table[path] ??= []).push(method.toUpperCase());
  }
  return table;
})();

const TEMPLATES = Object.entries(API_METHODS).map(([template, methods]) => ({
  segments: template.split("/").filter(Boolean),
  methods,
  literals: template.split("/").filter((s) => s && !s.startsWith("{")).length,
}));

/**
 * The methods the path below /api/v1 takes (`/users/7f…` → GET, PATCH, DELETE), or null when no
 * route answers it. A literal segment beats a parameter (`/institutions/import` is not a code).
 */
export function allowedMethods(path: string): readonly string[] | null {
  const segments = path.split("?")[0]!.split("/").filter(Boolean);
  let best: (typeof TEMPLATES)[number] | null = null;
  for (const t of TEMPLATES) {
    if (t.segments.length !== segments.length) continue;
    if (!t.segments.every((s, i) => s.startsWith("{") || s === segments[i])) continue;
    if (!best || t.literals > best.literals) best = t;
  }
  return best?.methods ?? null;
}

/** A method the path does not take (HEAD goes with GET; OPTIONS is Next.js's to answer). */
export function refusedMethod(method: string | undefined, allowed: readonly string[]): boolean {
  const m = (method ?? "GET").toUpperCase();
  if (m === "OPTIONS") return false;
  if (m === "HEAD") return !allowed.includes("GET");
  return !allowed.includes(m);
}
