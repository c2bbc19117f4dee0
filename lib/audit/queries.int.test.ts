import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { createActor, createUser } from "../../tests/factories";
import { canReadAuditEntry } from "../auth/policy";
import { ForbiddenError, ValidationError } from "../errors";
import { updateUser } from "../users/service";
import { listAuditEntries } from "./queries";
import { recordAudit } from "./service";

const marker = () => `t-${crypto.randomBytes(4).toString("hex")}`;

/** An audit row written directly, for regions and times the services cannot produce on demand. */
async function entry(data: {
  entityRegion: string | null;
  actorRegion: string | null;
  entityId?: string;
  action?: string;
  at?: Date;
  actorName?: string;
  entityType?: string;
}) {
  return prisma.auditLog.create({
    data: {
      actorName: data.actorName ?? "测试 (tester)",
      actorRegion: data.actorRegion,
      action: data.action ?? "UPDATE",
      entityType: data.entityType ?? "Probe",
      entityId: data.entityId ?? marker(),
      entityRegion: data.entityRegion,
      ...(data.at && { at: data.at }),
    },
  });
}

describe("audit log is region-scoped in SQL", () => {
  it("a Hebei admin sees entries about Hebei users, not about Beijing users; the national admin sees both", async () => {
    const hebeiAdmin = await createActor("130000", ["ADMIN"]);
    const beijingAdmin = await createActor("110000", ["ADMIN"]);
    const national = await createActor("000000", ["ADMIN"]);
    const langfangUser = await createUser({ regionCode: "131000", roles: ["ANALYST"] });
    const beijingUser = await createUser({ regionCode: "110000", roles: ["ANALYST"] });
    await updateUser(hebeiAdmin, langfangUser.id, { displayName: "廊坊改名", version: 1 });
    await updateUser(beijingAdmin, beijingUser.id, { displayName: "北京改名", version: 1 });

    const hebei = await listAuditEntries(hebeiAdmin, { entityType: "User", pageSize: 200 });
    const hebeiIds = hebei.items.map((i) => i.entityId);
    expect(hebeiIds).toContain(langfangUser.id);
    expect(hebeiIds).not.toContain(beijingUser.id);

    const all = await listAuditEntries(national, { entityType: "User", pageSize: 200 });
    const allIds = all.items.map((i) => i.entityId);
    expect(allIds).toContain(langfangUser.id);
    expect(allIds).toContain(beijingUser.id);

    // The Beijing admin's view is the mirror image.
    const beijing = await listAuditEntries(beijingAdmin, { entityType: "User", pageSize: 200 });
    expect(beijing.items.map((i) => i.entityId)).toContain(beijingUser.id);
    expect(beijing.items.map((i) => i.entityId)).not.toContain(langfangUser.id);
    expect(beijing.regionNames["110000"]).toBe("北京市");
  });

  it("matches policy.canReadAuditEntry row for row, for province, city and nation", async () => {
    const entityType = `Scope${crypto.randomBytes(3).toString("hex")}`;
    const cases: [string | null, string | null][] = [
      ["130000", "130000"], // Hebei province itself
      ["131000", "130000"], // Langfang user, changed by the province
      ["131002", null], // a county under Langfang, no actor region
      ["110000", "130000"], // entity in Beijing, acted on from Hebei
      ["130100", "110000"], // entity in Shijiazhuang, acted on from Beijing
      ["110000", "110000"], // Beijing only
      ["310000", "000000"], // Shanghai, by the nation
      [null, null], // system entry
    ];
    for (const [entityRegion, actorRegion] of cases) await entry({ entityRegion, actorRegion, entityType });
    const rows = await prisma.auditLog.findMany({ where: { entityType } });

    for (const code of ["130000", "131000", "110000"]) {
      const admin = await createActor(code, ["ADMIN"]);
      const page = await listAuditEntries(admin, { entityType, pageSize: 200 });
      const expected = rows
        .filter((r) => canReadAuditEntry(admin, r))
        .map((r) => r.id.toString())
        .sort();
      expect(page.items.map((i) => i.id).sort(), `scope ${code}`).toEqual(expected);
      expect(page.total).toBe(expected.length);
    }
    // Langfang sees its own entries but not the province's own.
    const langfang = await createActor("131000", ["ADMIN"]);
    const lf = await listAuditEntries(langfang, { entityType, pageSize: 200 });
    expect(lf.items.map((i) => i.entityRegion).sort()).toEqual(["131000", "131002"]);

    // The nation sees every entry, including system entries without a region.
    const national = await createActor("000000", ["ADMIN"]);
    const nat = await listAuditEntries(national, { entityType, pageSize: 200 });
    expect(nat.total).toBe(cases.length);
  });

  it("is for administrators only", async () => {
    const analyst = await createActor("130000", ["ANALYST"]);
    await expect(listAuditEntries(analyst, {})).rejects.toBeInstanceOf(ForbiddenError);
    const roster = await createActor("000000", ["ROSTER_MANAGER", "AGREEMENT_OFFICER"]);
    await expect(listAuditEntries(roster, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("audit log filters and paging", () => {
  it("filters by actor name or username fragment, action, entity type and id", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const target = await createUser({ regionCode: "130100", roles: ["ANALYST"] });
    await updateUser(admin, target.id, { roles: ["ANALYST", "ROSTER_MANAGER"], version: 1 });
    await updateUser(admin, target.id, { disabled: true, version: 2 });
    await recordAudit(prisma, {
      actor: null,
      action: "PASSWORD_RESET",
      entityType: "User",
      entityId: target.id,
      entityRegion: "130100",
    });

    const byEntity = await listAuditEntries(admin, { entityType: "User", entityId: target.id });
    expect(byEntity.items.map((i) => i.action)).toEqual(["PASSWORD_RESET", "DISABLE", "UPDATE"]);

    const byAction = await listAuditEntries(admin, { entityId: target.id, action: "DISABLE" });
    expect(byAction.total).toBe(1);
    expect(byAction.items[0]!.after).toEqual({ disabled: true });

    // The actor is stored as "显示名 (username)": either part matches, case-insensitively.
    const byUsername = await listAuditEntries(admin, { entityId: target.id, actor: admin.username.toUpperCase() });
    expect(byUsername.items.map((i) => i.action).sort()).toEqual(["DISABLE", "UPDATE"]);
    const byName = await listAuditEntries(admin, { entityId: target.id, actor: admin.displayName.slice(0, 4) });
    expect(byName.total).toBe(2);
    const bySystem = await listAuditEntries(admin, { entityId: target.id, actor: "system" });
    expect(bySystem.items.map((i) => i.action)).toEqual(["PASSWORD_RESET"]);

    const wrongType = await listAuditEntries(admin, { entityType: "ApiToken", entityId: target.id });
    expect(wrongType.total).toBe(0);
  });

  it("reads dates as Beijing calendar days", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const entityId = marker();
    // 2026-03-01 23:30 and 2026-03-02 00:30 in Beijing; both on 1 March in UTC.
    await entry({
      entityRegion: "130000",
      actorRegion: "130000",
      entityId,
      action: "LATE",
      at: new Date("2026-03-01T15:30:00Z"),
    });
    await entry({
      entityRegion: "130000",
      actorRegion: "130000",
      entityId,
      action: "EARLY",
      at: new Date("2026-03-01T16:30:00Z"),
    });

    const first = await listAuditEntries(admin, { entityId, from: "2026-03-01", to: "2026-03-01" });
    expect(first.items.map((i) => i.action)).toEqual(["LATE"]);
    const second = await listAuditEntries(admin, { entityId, from: "2026-03-02" });
    expect(second.items.map((i) => i.action)).toEqual(["EARLY"]);
    const both = await listAuditEntries(admin, { entityId, to: "2026-03-02" });
    expect(both.items.map((i) => i.action)).toEqual(["EARLY", "LATE"]);
    // Blank URL fields mean "no filter".
    const blank = await listAuditEntries(admin, { entityId, from: "", to: "", action: "", actor: "" });
    expect(blank.total).toBe(2);
  });

  it("pages newest first without overlap", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const entityId = marker();
    for (let i = 0; i < 5; i++) {
      await entry({
        entityRegion: "130000",
        actorRegion: "130000",
        entityId,
        action: `STEP_${"ABCDE"[i]}`,
        at: new Date(Date.UTC(2026, 0, 1, 0, i)),
      });
    }
    const p1 = await listAuditEntries(admin, { entityId, pageSize: 2, page: 1 });
    const p2 = await listAuditEntries(admin, { entityId, pageSize: "2", page: "2" });
    const p3 = await listAuditEntries(admin, { entityId, pageSize: 2, page: 3 });
    expect(p1.total).toBe(5);
    expect([...p1.items, ...p2.items, ...p3.items].map((i) => i.action)).toEqual([
      "STEP_E",
      "STEP_D",
      "STEP_C",
      "STEP_B",
      "STEP_A",
    ]);
    expect(typeof p1.items[0]!.id).toBe("string");
  });

  it("rejects bad filters with field errors", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const fields = async (input: unknown) => {
      const e = await listAuditEntries(admin, input).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(ValidationError);
      return Object.keys((e as ValidationError).fieldErrors);
    };
    expect(await fields({ from: "2026-02-30" })).toEqual(["from"]);
    expect(await fields({ from: "2026-03-02", to: "2026-03-01" })).toEqual(["to"]);
    expect(await fields({ action: "drop table" })).toEqual(["action"]);
    expect(await fields({ pageSize: 1000 })).toEqual(["pageSize"]);
    expect(await fields({ page: "x" })).toEqual(["page"]);
  });
});
