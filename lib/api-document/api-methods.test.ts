import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi-document";
import { allowedMethods, API_METHODS, refusedMethod } from "../http/api-methods";

describe("API methods table", () => {
  it("is the OpenAPI document's paths and methods, plus the document itself", () => {
    const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, unknown>> };
    const fromDoc = Object.fromEntries(
      Object.entries(doc.paths).map(([p, ops]) => [
        p,
        Object.keys(ops)
          .map((m) => m.toUpperCase())
          .sort(),
      ]),
    );
    const table = Object.fromEntries(
      Object.entries(API_METHODS)
        .filter(([p]) => p !== "/openapi.json")
        .map(([p, m]) => [p, [...m].sort()]),
    );
    expect(table).toEqual(fromDoc);
  });

  it("matches a path to its template, literal segments first", () => {
    expect(allowedMethods("/users/7f0c9a1e-5b7d-4c1a-9e2f-0a1b2c3d4e5f")).toEqual(["GET", "PATCH", "DELETE"]);
    expect(allowedMethods("/institutions/import")).toEqual(["POST"]);
    expect(allowedMethods("/institutions/H11010500001")).toEqual(["GET", "PATCH", "POST"]);
    expect(allowedMethods("/institutions/change-requests/abc")).toEqual(["GET", "POST"]);
    expect(allowedMethods("/statistics/summary?from=2025-01")).toEqual(["GET"]);
    expect(allowedMethods("/no-such-thing")).toBeNull();
    expect(allowedMethods("/users/1/2/3")).toBeNull();
  });

  it("refuses what the path does not take; HEAD rides on GET, OPTIONS is left alone", () => {
    expect(refusedMethod("DELETE", ["GET"])).toBe(true);
    expect(refusedMethod("HEAD", ["GET"])).toBe(false);
    expect(refusedMethod("HEAD", ["POST"])).toBe(true);
    expect(refusedMethod("OPTIONS", ["POST"])).toBe(false);
    expect(refusedMethod("patch", ["GET", "PATCH"])).toBe(false);
  });
});
