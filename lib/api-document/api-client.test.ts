// The typed client of docs/examples: its types are what openapi-typescript makes of today's
// document (the checked-in file is not stale), and the example compiles against them with
// `tsc --strict` — so a document change that breaks integrators' generated clients fails here.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generatedApiTypes } from "./api-types";

describe("generated API client (docs/examples)", () => {
  it("the checked-in types are the ones the document generates (npm run api:types)", async () => {
    expect(fs.readFileSync("docs/examples/api-types.ts", "utf8")).toBe(await generatedApiTypes());
  }, 30_000);

  it("the example client compiles with tsc --strict", () => {
    const r = spawnSync(
      path.resolve("node_modules/.bin/tsc"),
      [
        "--strict",
        "--noEmit",
        "--target",
        "es2022",
        "--module",
        "esnext",
        "--moduleResolution",
        "bundler",
        "--skipLibCheck",
        "docs/examples/api-client.ts",
        "docs/examples/api-types.ts",
      ],
      { encoding: "utf8" },
    );
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 60_000);
});
