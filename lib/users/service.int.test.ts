import { describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { createActor, createUser, bureauFor, TEST_PASSWORD } from "../../tests/factories";
import {
  createUser as createUserService,
  updateUser,
  resetPassword,
  changeOwnPassword,
  createApiToken,
  unlockUser,
} from "./service";
import { endSession, startSession, verifyCredentials } from "../sign-in/sign-in";
import { actorFromAuthorization } from "../auth/bearer";
import { loadActor } from "../auth/load-actor";
import { getUser, requireUser, listUsers } from "./queries";
import { ConflictError, ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "../errors";

describe("user administration is region-scoped", () => {
  it("a Hebei admin lists Hebei users but none of Beijing's", async () => {
    const hebeiAdmin = await createActor("130000", ["ADMIN"]);
    const langfang = await createUser({ regionCode: "131000", roles: ["ANALYST"] });
    const beijing = await createUser({ regionCode: "110000", roles: ["ANALYST"] });
    const page = await listUsers(hebeiAdmin, { pageSize: 200 });
    const ids = page.items.map((u) => u.id);
    expect(ids).toContain(langfang.id);
    expect(ids).not.toContain(beijing.id);
    expect(page.items.every((u) => u.bureau.regionCode.startsWith("13"))).toBe(true);
  });

  it("a Hebei admin gets NotFound for a Beijing user and cannot change one", async () => {
    const hebeiAdmin = await createActor("130000", ["ADMIN"]);
    const beijing = await createUser({ regionCode: "110000", roles: ["ANALYST"] });
    await expect(requireUser(hebeiAdmin, beijing.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getUser(hebeiAdmin, beijing.id)).toBeNull();
    await expect(updateUser(hebeiAdmin, beijing.id, { roles: ["ADMIN"], version: 1 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const after = await prisma.user.findUniqueOrThrow({ where: { id: beijing.id } });
    expect(after.roles).toEqual(["ANALYST"]);
  });

  it("a Hebei admin cannot create a user in the Beijing bureau", async () => {
    const hebeiAdmin = await createActor("130000", ["ADMIN"]);
    const bj = await bureauFor("110000");
    await expect(
      createUserService(hebeiAdmin, {
        username: "intruder1",
        displayName: "x",
        bureauId: bj.id,
        roles: ["ADMIN"],
        password: "Abcdefgh12",
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await prisma.user.count({ where: { username: "intruder1" } })).toBe(0);
  });

  it("a national admin sees users of every region", async () => {
    const national = await createActor("000000", ["ADMIN"]);
    const beijing = await createUser({ regionCode: "110000" });
    const shanghai = await createUser({ regionCode: "310000" });
    expect((await requireUser(national, beijing.id)).id).toBe(beijing.id);
    expect((await requireUser(national, shanghai.id)).id).toBe(shanghai.id);
  });

  it("non-admins cannot list users", async () => {
    const analyst = await createActor("130000", ["ANALYST"]);
    await expect(listUsers(analyst, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("user writes", () => {
  it("creates a user, audited, password never stored in clear", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const bureau = await bureauFor("131000");
    const user = await createUserService(admin, {
      username: "Lf_Analyst9",
      displayName: "廊坊分析员",
      bureauId: bureau.id,
      roles: ["ANALYST"],
      password: "Secret-pass-42",
    });
    expect(user.username).toBe("lf_analyst9");
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).not.toContain("Secret-pass-42");
    expect(row.passwordHash).toMatch(/^\$2[aby]\$/);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "CREATE" } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.stringify(audit.after)).not.toContain("Secret-pass-42");
    expect(JSON.stringify(audit.after)).not.toContain(row.passwordHash);
  });

  it("rejects a duplicate username with a Conflict naming the field", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const existing = await createUser({ regionCode: "130000" });
    const err = await createUserService(admin, {
      username: existing.username,
      displayName: "x",
      bureauId: existing.bureauId,
      roles: ["ANALYST"],
      password: "Abcdefgh12",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(Object.keys((err as ConflictError).fieldErrors)).toContain("username");
  });

  it("detects a concurrent edit through the version", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const target = await createUser({ regionCode: "130000", roles: ["ANALYST"] });
    await updateUser(admin, target.id, { displayName: "第一次", version: 1 });
    await expect(updateUser(admin, target.id, { displayName: "第二次", version: 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).displayName).toBe("第一次");
  });

  it("records before/after of a role change", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const target = await createUser({ regionCode: "130000", roles: ["ANALYST"] });
    await updateUser(admin, target.id, { roles: ["ANALYST", "COMPLAINT_HANDLER"], version: 1 });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: target.id, action: "UPDATE" } });
    expect(audit.before).toEqual({ roles: ["ANALYST"] });
    expect(audit.after).toEqual({ roles: ["ANALYST", "COMPLAINT_HANDLER"] });
  });

  it("an admin cannot disable themselves or drop their own ADMIN role", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    await expect(updateUser(admin, admin.id, { disabled: true, version: 1 })).rejects.toBeInstanceOf(InvalidStateError);
    await expect(updateUser(admin, admin.id, { roles: ["ANALYST"], version: 1 })).rejects.toBeInstanceOf(
      InvalidStateError,
    );
  });

  it("a disabled user can no longer be loaded as an actor", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const target = await createUser({ regionCode: "130000", roles: ["ANALYST"] });
    expect(await loadActor(target.id, Date.now(), "session")).not.toBeNull();
    await updateUser(admin, target.id, { disabled: true, version: 1 });
    expect(await loadActor(target.id, Date.now(), "session")).toBeNull();
  });
});

describe("sign-in", () => {
  it("five wrong passwords from one address make that pair wait; the account still opens from another address", async () => {
    const user = await createUser({ regionCode: "130000" });
    for (let i = 0; i < 5; i++) {
      expect(await verifyCredentials(user.username, "wrong-password", "10.1.1.1")).toEqual({
        ok: false,
        reason: "bad_credentials",
      });
    }
    // The sixth attempt from that address waits, even with the right password …
    const sixth = await verifyCredentials(user.username, TEST_PASSWORD, "10.1.1.1");
    expect(sixth).toMatchObject({ ok: false, reason: "throttled" });
    expect((sixth as { seconds: number }).seconds).toBeGreaterThan(0);
    expect((sixth as { seconds: number }).seconds).toBeLessThanOrEqual(15);
    // … while the owner at their own desk signs in: nobody can lock anyone out.
    expect(await verifyCredentials(user.username, TEST_PASSWORD, "10.2.2.2")).toEqual({ ok: true, userId: user.id });
    expect(await prisma.auditLog.count({ where: { entityId: user.id, action: "ACCOUNT_LOCKED" } })).toBe(1);
  });

  it("an unknown name is answered and throttled exactly like a real one", async () => {
    for (let i = 0; i < 5; i++)
      expect(await verifyCredentials("no_such_user", "x", "10.3.3.3")).toEqual({
        ok: false,
        reason: "bad_credentials",
      });
    expect(await verifyCredentials("no_such_user", "x", "10.3.3.3")).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("an admin's unlock ends every address's wait", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const user = await createUser({ regionCode: "130000" });
    for (let i = 0; i < 5; i++) await verifyCredentials(user.username, "bad", "10.4.4.4");
    expect(await verifyCredentials(user.username, TEST_PASSWORD, "10.4.4.4")).toMatchObject({ reason: "throttled" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil!.getTime()).toBeGreaterThan(
      Date.now(),
    );
    await unlockUser(admin, user.id);
    expect(await verifyCredentials(user.username, TEST_PASSWORD, "10.4.4.4")).toEqual({ ok: true, userId: user.id });
  });

  it("a success resets the failure counter", async () => {
    const user = await createUser({ regionCode: "130000" });
    for (let i = 0; i < 4; i++) await verifyCredentials(user.username, "nope");
    expect(await verifyCredentials(user.username, TEST_PASSWORD)).toEqual({ ok: true, userId: user.id });
    for (let i = 0; i < 4; i++) await verifyCredentials(user.username, "nope");
    expect(await verifyCredentials(user.username, TEST_PASSWORD)).toEqual({ ok: true, userId: user.id });
  });

  it("parallel wrong attempts cannot get past the limit", async () => {
    const user = await createUser({ regionCode: "130000" });
    await Promise.all(Array.from({ length: 12 }, () => verifyCredentials(user.username, "bad")));
    expect(await verifyCredentials(user.username, TEST_PASSWORD)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("an admin reset unlocks, forces a change, and invalidates earlier sessions", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const user = await createUser({ regionCode: "130000", roles: ["ANALYST"] });
    const signedInAt = Date.now() - 5_000;
    for (let i = 0; i < 5; i++) await verifyCredentials(user.username, "bad");
    await resetPassword(admin, user.id, { password: "Brand-new-pass-1", version: 1 });
    expect(await verifyCredentials(user.username, "Brand-new-pass-1")).toEqual({ ok: true, userId: user.id });
    expect(await loadActor(user.id, signedInAt, "session")).toBeNull();
    const actor = await loadActor(user.id, Date.now(), "session");
    expect(actor?.mustChangePassword).toBe(true);
  });

  it("changing one's own password needs the current one", async () => {
    const user = await createUser({ regionCode: "130000" });
    const actor = (await loadActor(user.id, Date.now(), "session"))!;
    await expect(
      changeOwnPassword(actor, {
        currentPassword: "wrong",
        newPassword: "Another-pass-2",
        confirmPassword: "Another-pass-2",
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await changeOwnPassword(actor, {
      currentPassword: TEST_PASSWORD,
      newPassword: "Another-pass-2",
      confirmPassword: "Another-pass-2",
    });
    expect(await verifyCredentials(user.username, "Another-pass-2")).toEqual({ ok: true, userId: user.id });
  });
});

describe("sessions that can be ended", () => {
  it("sign-out refuses that session on the next request, and only that one", async () => {
    const user = await createUser({ regionCode: "130000", roles: ["ANALYST"] });
    const a = await startSession(user.id, "10.0.0.1", "browser A");
    const b = await startSession(user.id, "10.0.0.2", "browser B");
    expect(await loadActor(user.id, Date.now(), "session", a)).not.toBeNull();
    await endSession(user.id, a);
    expect(await loadActor(user.id, Date.now(), "session", a)).toBeNull();
    expect(await loadActor(user.id, Date.now(), "session", b)).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { entityId: user.id, action: "SIGN_OUT" } })).toBe(1);
    // Signing out twice (or someone else's session id) changes nothing and is not audited again.
    await endSession(user.id, a);
    await endSession("00000000-0000-4000-8000-000000000000", b);
    expect(await loadActor(user.id, Date.now(), "session", b)).not.toBeNull();
    expect(await prisma.auditLog.count({ where: { entityId: user.id, action: "SIGN_OUT" } })).toBe(1);
  });

  it("a password change or an admin reset revokes the user's API tokens, and says so in the audit", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const user = await createUser({ regionCode: "130000", roles: ["ANALYST"] });
    const actor = (await loadActor(user.id, Date.now(), "session"))!;
    const first = await createApiToken(actor, { name: "脚本一" });
    expect(await actorFromAuthorization(`Bearer ${first.secret}`)).not.toBeNull();
    await changeOwnPassword(actor, {
      currentPassword: TEST_PASSWORD,
      newPassword: "Another-pass-2",
      confirmPassword: "Another-pass-2",
    });
    expect(await actorFromAuthorization(`Bearer ${first.secret}`)).toBeNull();
    const changed = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: user.id, action: "PASSWORD_CHANGED" },
    });
    expect(changed.after).toEqual({ sessionsEnded: true, tokensRevoked: 1 });

    const again = (await loadActor(user.id, Date.now() + 2000, "session"))!;
    const second = await createApiToken(again, { name: "脚本二" });
    const { version } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    await resetPassword(admin, user.id, { password: "Brand-new-pass-1", version });
    expect(await actorFromAuthorization(`Bearer ${second.secret}`)).toBeNull();
  });

  it("new roles end the user's sessions; a new display name does not", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const user = await createUser({ regionCode: "130000", roles: ["ANALYST"] });
    await prisma.user.update({ where: { id: user.id }, data: { sessionsValidFrom: new Date(Date.now() - 3600_000) } });
    const signedInAt = Date.now() - 600_000;
    await updateUser(admin, user.id, { displayName: "新名字", version: 1 });
    expect(await loadActor(user.id, signedInAt, "session")).not.toBeNull();
    await updateUser(admin, user.id, { roles: ["ANALYST", "COMPLAINT_HANDLER"], version: 2 });
    expect(await loadActor(user.id, signedInAt, "session")).toBeNull();
  });
});

describe("password strength", () => {
  it("creating, resetting and changing a password refuse guessable ones and ones containing the username or name", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const bureau = await bureauFor("130000");
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => "OK",
        (e: unknown) => (e instanceof ValidationError ? Object.values(e.fieldErrors).flat()[0]!.key : String(e)),
      );
    const create = (password: string) =>
      createUserService(admin, {
        username: "hb_strength",
        displayName: "强度测试",
        bureauId: bureau.id,
        roles: ["ANALYST"],
        password,
      });
    expect(await codeOf(create("Password123"))).toBe("validation.passwordWeak");
    expect(await codeOf(create("Hb_Strength-2026x"))).toBe("validation.passwordPersonal");
    const user = await createUser({ regionCode: "130000", roles: ["ANALYST"] });
    expect(await codeOf(resetPassword(admin, user.id, { password: "Qwerty123456", version: 1 }))).toBe(
      "validation.passwordWeak",
    );
    const actor = (await loadActor(user.id, Date.now(), "session"))!;
    expect(
      await codeOf(
        changeOwnPassword(actor, {
          currentPassword: TEST_PASSWORD,
          newPassword: `${user.username}-2026`,
          confirmPassword: `${user.username}-2026`,
        }),
      ),
    ).toBe("validation.passwordPersonal");
    expect(
      await codeOf(
        changeOwnPassword(actor, {
          currentPassword: TEST_PASSWORD,
          newPassword: "Another-pass-2",
          confirmPassword: "Another-pass-2",
        }),
      ),
    ).toBe("OK");
  });
});
