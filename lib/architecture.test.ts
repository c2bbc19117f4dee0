// Dependencies between lib/ domains (ARCHITECTURE.md). The pairs untangled so far stay one-way;
// the domains still caught in a cycle are printed on every run (the infrastructure folders lib/db
// and lib/http import domains back — issue 18 follow-up) until the list is empty and this test
// can require it. The checker itself is shown to catch direct and longer cycles.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cyclesOf, domainGraph } from "../scripts/domain-graph";

describe("lib/ domain dependencies", () => {
  it("keep the untangled pairs one-way, and list the remaining cycle", () => {
    const graph = domainGraph(path.resolve("lib"));
    expect(graph.get("statistics")?.has("settlements")).toBe(true);
    expect(graph.get("settlements")?.has("statistics")).toBe(false);
    expect(graph.get("users")?.has("auth")).toBe(true);
    expect(graph.get("auth")?.has("users")).toBe(false);
    for (const cycle of cyclesOf(graph)) console.log(`[architecture] domains in one import cycle: ${cycle.join(", ")}`);
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
    expect(cyclesOf(fixture)).toEqual([["auth", "users"], ["complaints", "statistics"]]);
    fixture.get("settlements")!.add("statistics");
    expect(cyclesOf(fixture)).toContainEqual(["complaints", "settlements", "statistics"]);
  });
});
