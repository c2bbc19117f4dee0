import { describe, expect, it } from "vitest";
import type { Actor } from "../../auth/actor";
import type { RoleName } from "../../auth/roles";
import { canManageRegionGroup, canSeeRegionGroup } from "./policy";

const actor = (regionCode: string, roles: RoleName[] = ["ADMIN"]): Actor => ({
  id: "a",
  username: "u",
  displayName: "u",
  bureauId: "b",
  bureauName: "",
  bureauNameEn: "",
  bureauLevel: regionCode === "000000" ? "NATIONAL" : "PROVINCIAL",
  regionCode,
  regionName: "",
  roles,
  mustChangePassword: false,
  via: "session",
});

describe("region group policy", () => {
  const local = { visibility: "OWNER_REGION" as const, ownerRegion: "130000" };
  it("an OWNER_REGION group is seen in and above the owner's region only", () => {
    expect(canSeeRegionGroup(actor("131000", ["ANALYST"]), local)).toBe(true);
    expect(canSeeRegionGroup(actor("000000", ["ANALYST"]), local)).toBe(true);
    expect(canSeeRegionGroup(actor("110000", ["ANALYST"]), local)).toBe(false);
    expect(canSeeRegionGroup(actor("110000", ["ANALYST"]), { ...local, visibility: "NATIONAL" })).toBe(true);
  });
  it("admins of the owner's region or above manage it; others and other roles do not", () => {
    expect(canManageRegionGroup(actor("130000"), local)).toBe(true);
    expect(canManageRegionGroup(actor("000000"), local)).toBe(true);
    expect(canManageRegionGroup(actor("131000"), local)).toBe(false);
    expect(canManageRegionGroup(actor("110000"), local)).toBe(false);
    expect(canManageRegionGroup(actor("130000", ["ANALYST"]), local)).toBe(false);
  });
});
