import { describe, expect, it } from "vitest";
import { listAuditSchema } from "./schemas";

describe("listAuditSchema", () => {
  it("treats blank URL fields as absent and coerces paging", () => {
    expect(listAuditSchema.parse({ actor: " ", action: "", from: "", page: "3", pageSize: "50" })).toEqual({
      page: 3,
      pageSize: 50,
    });
  });

  it("accepts known shapes and rejects the rest", () => {
    expect(
      listAuditSchema.safeParse({ action: "PASSWORD_RESET", entityType: "ApiToken", from: "2026-01-31" }).success,
    ).toBe(true);
    expect(listAuditSchema.safeParse({ action: "update" }).success).toBe(false);
    expect(listAuditSchema.safeParse({ entityType: "User;drop" }).success).toBe(false);
    expect(listAuditSchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
    expect(listAuditSchema.safeParse({ to: "31/01/2026" }).success).toBe(false);
    expect(listAuditSchema.safeParse({ pageSize: 201 }).success).toBe(false);
  });
});
