import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { isWithin, regionPrefix } from "./roles";
import { canManageUsersOf, canReadAuditEntry, canReadRegion, canSeeArea } from "./policy";

function actor(regionCode: string, roles: Actor["roles"], level: Actor["bureauLevel"] = "PROVINCIAL"): Actor {
  return {
    id: "a",
    username: "a",
    displayName: "A",
    bureauId: "b",
    bureauName: "B",
    bureauNameEn: "B",
    bureauLevel: level,
    regionCode,
    regionName: "R",
    roles,
    mustChangePassword: false,
    via: "session",
  };
}

describe("region arithmetic", () => {
  it.each([
    ["000000", ""],
    ["130000", "13"],
    ["131000", "1310"],
    ["131002", "131002"],
    ["110000", "11"],
    ["660000", "66"],
  ])("prefix of %s is %j", (code, prefix) => expect(regionPrefix(code)).toBe(prefix));

  it.each([
    ["130000", "131002", true],
    ["130000", "131000", true],
    ["131000", "131002", true],
    ["131000", "130100", false],
    ["130000", "110105", false],
    ["000000", "310000", true],
    ["131002", "131000", false],
    ["130000", "13", true],
    ["131000", "13", false],
  ])("isWithin(%s, %s) = %s", (scope, code, expected) => expect(isWithin(scope, code)).toBe(expected));
});

describe("policy", () => {
  const hebeiAdmin = actor("130000", ["ADMIN"]);
  const nationalAdmin = actor("000000", ["ADMIN"], "NATIONAL");
  const hebeiAnalyst = actor("130000", ["ANALYST"]);

  it("a Hebei admin manages users of Hebei bureaus, not Beijing's", () => {
    expect(canManageUsersOf(hebeiAdmin, "130000")).toBe(true);
    expect(canManageUsersOf(hebeiAdmin, "131000")).toBe(true);
    expect(canManageUsersOf(hebeiAdmin, "110000")).toBe(false);
  });

  it("a municipal admin cannot manage the provincial bureau above it", () => {
    expect(canManageUsersOf(actor("131000", ["ADMIN"], "MUNICIPAL"), "130000")).toBe(false);
  });

  it("a national admin manages every bureau", () => {
    expect(canManageUsersOf(nationalAdmin, "110000")).toBe(true);
    expect(canManageUsersOf(nationalAdmin, "000000")).toBe(true);
  });

  it("only admins manage users", () => {
    expect(canManageUsersOf(hebeiAnalyst, "130000")).toBe(false);
  });

  it("reads region data only inside the scope", () => {
    expect(canReadRegion(hebeiAnalyst, "131002")).toBe(true);
    expect(canReadRegion(hebeiAnalyst, "120000")).toBe(false);
  });

  it("audit entries are visible by entity or actor region", () => {
    expect(canReadAuditEntry(hebeiAdmin, { entityRegion: "131000", actorRegion: "000000" })).toBe(true);
    expect(canReadAuditEntry(hebeiAdmin, { entityRegion: null, actorRegion: "130000" })).toBe(true);
    expect(canReadAuditEntry(hebeiAdmin, { entityRegion: "110000", actorRegion: "110000" })).toBe(false);
    expect(canReadAuditEntry(hebeiAnalyst, { entityRegion: "130000", actorRegion: "130000" })).toBe(false);
  });

  it("job areas follow roles", () => {
    expect(canSeeArea(hebeiAnalyst, "statistics")).toBe(true);
    expect(canSeeArea(hebeiAnalyst, "admin")).toBe(false);
    expect(canSeeArea(actor("110000", ["COMPLAINT_HANDLER"]), "complaints")).toBe(true);
    expect(canSeeArea(actor("110000", ["COMPLAINT_HANDLER"]), "statistics")).toBe(false);
  });
});
