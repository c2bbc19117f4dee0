// Production runs the compiled server (dist/server.js) with plain node: the bundle must load
// without tsx — no TypeScript, no `@/` alias, no module left that only a bundler resolves — and
// importing it must start nothing (the dispatch is what tests and the entry share).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { compileServer } from "@/scripts/server";

// Beside the real entry, so its packages resolve from the same node_modules.
const out = path.resolve(`dist/compiled-test-${process.pid}/server.js`);
afterAll(() => fs.rmSync(path.dirname(out), { recursive: true, force: true }));

it("compiles server.ts into JavaScript that plain node imports without starting a server", () => {
  compileServer(out);
  const probe = `const m = await import(${JSON.stringify(out)}); console.log(typeof m.createRequestListener); process.exit(0);`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8", timeout: 60_000 });
  expect(r.stderr).not.toMatch(/Error/);
  expect(r.stdout.trim()).toBe("function");
  expect(fs.readFileSync(out, "utf8")).not.toMatch(/from "@\/|from "\.\/lib\//);
});
