// The boundary lint (eslint/boundaries.mjs over the module map eslint/modules.mjs, plus
// import/no-cycle) run through ESLint's Node API with the project's own eslint.config.mjs: a deep
// import into another module, an undeclared dependency that would close a module cycle, and two
// files importing each other all fail, each with its message; the map itself has no cycle.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { isPublic, moduleOf, MODULES } from "../eslint/modules.mjs";
import { cyclesOf } from "../scripts/domain-graph";

const eslint = new ESLint({ cwd: process.cwd(), ignore: false });
// The texts below are linted under paths that do not exist, which import/no-cycle cannot follow.
const textLint = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { "import/no-cycle": "off" } } });

async function messagesOf(code: string, filePath: string) {
  const [result] = await textLint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("boundary lint", { timeout: 60_000 }, () => {
  it("fails a deep import into another module's internals", async () => {
    const messages = await messagesOf(
      `import { planInstitution } from "../facilities/plan";\nexport const p = planInstitution;\n`,
      "lib/agreements/fixture.ts",
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^boundaries\/imports: 'lib\/facilities\/plan' is internal to lib\/facilities: import one of its public files \(.*queries\.ts.*\), or declare this one public in eslint\/modules\.mjs\.$/,
      ),
    );
  });

  it("fails the same from a page, and passes the module's public file", async () => {
    expect(
      await messagesOf(
        `import { parseFast } from "@/lib/settlements/fastrow";\nexport const p = parseFast;\n`,
        "app/fixture.ts",
      ),
    ).toContainEqual(expect.stringContaining("'lib/settlements/fastrow' is internal to lib/settlements"));
    expect(
      await messagesOf(
        `import { listInstitutions } from "../facilities/queries";\nexport const l = listInstitutions;\n`,
        "lib/agreements/fixture.ts",
      ),
    ).toEqual([]);
  });

  it("fails an import the module does not declare, naming the cycle it would close", async () => {
    const messages = await messagesOf(
      `import { listInstitutions } from "../facilities/queries";\nexport const l = listInstitutions;\n`,
      "lib/regions/fixture.ts",
    );
    expect(messages).toEqual([
      "boundaries/imports: lib/regions may not import lib/facilities: it is not among lib/regions's `uses` in eslint/modules.mjs — and it would close a cycle: lib/facilities → lib/regions → lib/facilities.",
    ]);
  });

  it("fails two files that import each other (import/no-cycle, fixture)", async () => {
    const [a] = await eslint.lintFiles(["tests/fixtures/boundaries/cycle-a.ts"]);
    expect(a!.messages.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([
      "import/no-cycle: Dependency cycle detected.",
    ]);
  });
});

describe("module map", () => {
  it("declares a graph of uses without cycles, over modules that exist", () => {
    const graph = new Map(Object.entries(MODULES).map(([name, spec]) => [name, new Set(spec.uses)]));
    expect(cyclesOf(graph)).toEqual([]);
    for (const spec of Object.values(MODULES)) for (const used of spec.uses) expect(MODULES).toHaveProperty([used]);
  });

  it("places files in modules by the longest declared folder", () => {
    expect(moduleOf("lib/regions/groups/queries.ts")).toBe("regions/groups");
    expect(moduleOf("lib/regions/names.ts")).toBe("regions");
    expect(moduleOf("lib/env.ts")).toBe("env");
    expect(moduleOf("app/page.tsx")).toBeNull();
    expect(isPublic("lib/facilities/queries")).toBe(true);
    expect(isPublic("lib/facilities/plan")).toBe(false);
    expect(isPublic("lib/db/pg")).toBe(true);
  });
});
