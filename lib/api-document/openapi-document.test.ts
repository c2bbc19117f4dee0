// The OpenAPI document is valid OpenAPI 3.1 and documents every route handler under
// app/api/v1 with every HTTP method it exports — and nothing that does not exist.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { openApiDocument } from "./openapi-document";
import { fixNullableRefs } from "../http/openapi";
import { OPERATION_IDS } from "../http/api-operations";

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

/** app/api/v1/[...path]: the JSON 404 for paths no route answers, not an operation. */
const isCatchAll = (file: string) => file.includes("[...");

function exportedMethods(file: string): string[] {
  const src = fs.readFileSync(file, "utf8");
  return METHODS.filter((m) =>
    new RegExp(`export (const|async function|function) ${m}\\b|export \\{[^}]*\\b${m}\\b`).test(src),
  );
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
    const files = routeFiles(API_ROOT).filter((f) => apiPath(f) !== "/openapi.json" && !isCatchAll(f));
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
      routeFiles(API_ROOT)
        .filter((f) => !isCatchAll(f))
        .flatMap((f) => exportedMethods(f).map((m) => `${m.toLowerCase()} ${apiPath(f)}`)),
    );
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.filter((d) => !existing.has(d))).toEqual([]);
  });

  type Op = {
    operationId?: string;
    tags?: string[];
    responses: Record<string, unknown>;
    parameters?: { in: string; name: string }[];
  };
  const operations = () =>
    Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops as Record<string, Op>).map(([m, op]) => ({ key: `${m} ${p}`, op })),
    );

  it("gives every operation a stable, unique verbNoun operationId, and names no operation that is gone", () => {
    const ops = operations();
    expect(ops.filter(({ op }) => !op.operationId).map((o) => o.key)).toEqual([]);
    const ids = ops.map(({ op }) => op.operationId!);
    expect(ids.filter((id) => !/^[a-z]+[A-Z][A-Za-z]*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(OPERATION_IDS).filter((k) => !ops.some((o) => o.key === k))).toEqual([]);
  });

  it("describes every operation beyond its summary", () => {
    const bare = operations().filter(({ op }) => !((op as { description?: string }).description ?? "").trim());
    expect(bare.map((o) => o.key)).toEqual([]);
  });

  it("defines every tag it uses, with a description, and uses every tag it defines", () => {
    const defined = (doc as unknown as { tags?: { name: string; description: string }[] }).tags ?? [];
    expect(defined.every((t) => t.description.length > 20)).toBe(true);
    const used = new Set(operations().flatMap(({ op }) => op.tags ?? []));
    expect([...used].filter((t) => !defined.some((d) => d.name === t))).toEqual([]);
    expect(defined.filter((d) => !used.has(d.name)).map((d) => d.name)).toEqual([]);
    expect(
      operations()
        .filter(({ op }) => !op.tags?.length)
        .map((o) => o.key),
    ).toEqual([]);
  });

  it("documents 429, 500 and 503 and the Accept-Language header on every operation", () => {
    for (const { key, op } of operations()) {
      expect(Object.keys(op.responses), key).toEqual(expect.arrayContaining(["429", "500", "503"]));
      expect(
        op.parameters?.some((x) => x.in === "header" && x.name === "Accept-Language"),
        key,
      ).toBe(true);
    }
  });

  it("writes a nullable reference as a choice of the reference and null, which a null satisfies", () => {
    const text = JSON.stringify(doc);
    // zod-to-openapi's allOf [$ref, {type: [X, "null"]}] can never be null: none left.
    expect(text).not.toMatch(/"allOf":\[\{"\$ref":"[^"]+"\},\{"type":\[[^\]]*"null"\]\}\]/);
    const schemas = (
      doc as unknown as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } }
    ).components.schemas;
    for (const [schema, field] of [
      ["ComplaintSummary", "awaitingSide"],
      ["ComplaintDetail", "awaitingSide"],
      ["RegionDetail", "poolingAreaOf"],
    ] as const) {
      expect(schemas[schema]!.properties[field], `${schema}.${field}`).toMatchObject({
        anyOf: [{ $ref: expect.any(String) }, { type: "null" }],
      });
    }
    expect(fixNullableRefs({ allOf: [{ $ref: "#/x" }, { type: ["string", "null"] }], description: "d" })).toEqual({
      description: "d",
      anyOf: [{ $ref: "#/x" }, { type: "null" }],
    });
    // Not a nullable ref: left alone.
    expect(fixNullableRefs({ allOf: [{ $ref: "#/x" }, { type: "object", properties: {} }] })).toEqual({
      allOf: [{ $ref: "#/x" }, { type: "object", properties: {} }],
    });
  });

  it("passes Redocly's recommended lint with no error and no warning (redocly.yaml says what is off and why)", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "openapi-")), "openapi.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    const r = spawnSync(
      path.resolve("node_modules/.bin/redocly"),
      ["lint", file, "--config", path.resolve("redocly.yaml"), "--format", "json"],
      { encoding: "utf8" },
    );
    const report = JSON.parse(r.stdout) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string }[];
    };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
