import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import {
  canDecideChangeRequest,
  canEditInstitution,
  canImportInstitutions,
  canReadRoster,
  canSeeChangeRequest,
} from "./policy";
import type { RoleName } from "./roles";

const actor = (regionCode: string, roles: RoleName[], id = "u1", bureauId = `b-${regionCode}`): Actor => ({
  id,
  username: id,
  displayName: id,
  bureauId,
  bureauName: "",
  bureauNameEn: "",
  bureauLevel: regionCode === "000000" ? "NATIONAL" : regionCode.endsWith("0000") ? "PROVINCIAL" : "MUNICIPAL",
  regionCode,
  regionName: "",
  roles,
  mustChangePassword: false,
  via: "session",
});

describe("roster policy", () => {
  it("everyone reads the roster of every region", () => {
    expect(canReadRoster(actor("131000", ["COMPLAINT_HANDLER"]))).toBe(true);
  });

  it("roster managers edit institutions in their bureau's region and below only", () => {
    const hebei = actor("130000", ["ROSTER_MANAGER"]);
    const beijing = actor("110000", ["ROSTER_MANAGER"]);
    const langfang = actor("131000", ["ROSTER_MANAGER"]);
    expect(canEditInstitution(hebei, "131002")).toBe(true);
    expect(canEditInstitution(langfang, "131002")).toBe(true);
    expect(canEditInstitution(langfang, "130102")).toBe(false);
    expect(canEditInstitution(beijing, "131002")).toBe(false);
    expect(canEditInstitution(actor("000000", ["ROSTER_MANAGER"]), "650102")).toBe(true);
    expect(canEditInstitution(actor("130000", ["ADMIN", "ANALYST"]), "131002")).toBe(false);
    expect(canImportInstitutions(hebei)).toBe(true);
    expect(canImportInstitutions(actor("130000", ["ADMIN"]))).toBe(false);
  });

  it("the checker is another roster manager of the maker's bureau", () => {
    const change = { bureauId: "b-131000", makerId: "maker", regionCode: "131002" };
    expect(canDecideChangeRequest(actor("131000", ["ROSTER_MANAGER"], "checker"), change)).toBe(true);
    expect(canDecideChangeRequest(actor("131000", ["ROSTER_MANAGER"], "maker"), change)).toBe(false);
    expect(canDecideChangeRequest(actor("131000", ["ANALYST"], "checker"), change)).toBe(false);
    expect(canDecideChangeRequest(actor("130000", ["ROSTER_MANAGER"], "provincial"), change)).toBe(false);
    expect(canSeeChangeRequest(actor("130000", ["ROSTER_MANAGER"], "provincial"), change)).toBe(true);
    expect(canSeeChangeRequest(actor("110000", ["ROSTER_MANAGER"], "bj"), change)).toBe(false);
    expect(canSeeChangeRequest(actor("110000", ["ANALYST"], "maker"), change)).toBe(true);
  });
});
