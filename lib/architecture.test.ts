// Dependencies between lib/ modules (ARCHITECTURE.md, module map): the imports the source
// actually has form no cycle, and each is one the module map declares (eslint/modules.mjs — the
// lint checks the same per import; this is the whole-tree view). The checker itself is shown to
// catch direct and longer cycles.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MODULES } from "../eslint/modules.mjs";
import { cyclesOf, domainGraph } from "../scripts/domain-graph";

describe("lib/ domain dependencies", () => {
  it("form no cycle, and are all declared in the module map", () => {
    const graph = domainGraph(path.resolve("lib"));
    expect(cyclesOf(graph)).toEqual([]);
    const undeclared = [...graph].flatMap(([from, to]) =>
      [...to].filter((t) => !MODULES[from]?.uses.includes(t)).map((t) => `${from} → ${t}`),
    );
    expect(undeclared).toEqual([]);
    expect(graph.get("settlements")?.has("statistics")).toBe(false);
    expect(graph.get("auth")?.has("audit")).toBe(false);
  });

  it("are checked by a detector that finds direct and longer cycles (fixture)", () => {
    const fixture = new Map([
      ["auth", new Set(["users"])],
      ["users", new Set(["auth", "db"])],
      ["settlements", new Set(["db"])],
      ["statistics", new Set(["settlements", "complaints"])],
      ["complaints", new Set(["statistics"])],
      ["db", new Set<string>()],
    ]);
    expect(cyclesOf(fixture)).toEqual([
      ["auth", "users"],
      ["complaints", "statistics"],
    ]);
    fixture.get("settlements")!.add("statistics");
    expect(cyclesOf(fixture)).toContainEqual(["complaints", "settlements", "statistics"]);
  });
});
