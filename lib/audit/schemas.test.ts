import { describe, expect, it } from "vitest";
import { endOfShanghaiDay, listAuditSchema, startOfShanghaiDay } from "./schemas";

describe("listAuditSchema", () => {
  it("treats blank URL fields as absent and coerces paging", () => {
    expect(listAuditSchema.parse({ actor: " ", action: "", from: "", page: "3", pageSize: "50" })).toEqual({ page: 3, pageSize: 50 });
  });

  it("accepts known shapes and rejects the rest", () => {
    expect(listAuditSchema.safeParse({ action: "PASSWORD_RESET", entityType: "ApiToken", from: "2026-01-31" }).success).toBe(true);
    expect(listAuditSchema.safeParse({ action: "update" }).success).toBe(false);
    expect(listAuditSchema.safeParse({ entityType: "User;drop" }).success).toBe(false);
    expect(listAuditSchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
    expect(listAuditSchema.safeParse({ to: "31/01/2026" }).success).toBe(false);
    expect(listAuditSchema.safeParse({ pageSize: 201 }).success).toBe(false);
  });
});

describe("Beijing calendar days", () => {
  it("start at 16:00 UTC the day before and last 24 hours", () => {
    expect(startOfShanghaiDay("2026-03-02").toISOString()).toBe("2026-03-01T16:00:00.000Z");
    expect(endOfShanghaiDay("2026-03-02").toISOString()).toBe("2026-03-02T16:00:00.000Z");
    expect(endOfShanghaiDay("2026-12-31").toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });
});
