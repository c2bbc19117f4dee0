// The OpenAPI document is valid OpenAPI 3.1 and documents every route handler under
// app/api/v1 with every HTTP method it exports — and nothing that does not exist.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { openApiDocument } from "./openapi-document";

const API_ROOT = path.resolve("app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}

/** app/api/v1/users/[id]/route.ts → /users/{id} */
function apiPath(file: string): string {
  const rel = path.relative(API_ROOT, path.dirname(file)).split(path.sep).filter(Boolean);
  return "/" + rel.map((seg) => seg.replace(/^\[(.+)\]$/, "{$1}")).join("/");
}

function exportedMethods(file: string): string[] {
  const src = fs.readFileSync(file, "utf8");
  return METHODS.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b|export \\{[^}]*\\b${m}\\b`).test(src));
}

describe("OpenAPI document", () => {
  const doc = openApiDocument() as unknown as { openapi: string; paths: Record<string, Record<string, unknown>> };

  it("validates as OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists every route handler and method under app/api/v1", () => {
    const files = routeFiles(API_ROOT).filter((f) => apiPath(f) !== "/openapi.json");
    expect(files.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const file of files) {
      for (const method of exportedMethods(file)) {
        if (!doc.paths[apiPath(file)]?.[method.toLowerCase()]) missing.push(`${method} ${apiPath(file)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("documents nothing that has no handler", () => {
    const existing = new Set(
      routeFiles(API_ROOT).flatMap((f) => exportedMethods(f).map((m) => `${m.toLowerCase()} ${apiPath(f)}`)),
    );
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.filter((d) => !existing.has(d))).toEqual([]);
  });
});
