import { describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { bureauFor, createActor } from "../../tests/factories";
import { createBureau, updateBureau } from "./service";
import { listBureaus } from "./queries";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";

describe("bureaus", () => {
  it("an admin lists the bureaus of their scope only", async () => {
    await bureauFor("131000");
    await bureauFor("110000");
    const hebei = await createActor("130000", ["ADMIN"]);
    const codes = (await listBureaus(hebei)).map((b) => b.regionCode);
    expect(codes).toContain("131000");
    expect(codes).not.toContain("110000");
    await expect(listBureaus(await createActor("130000", ["ANALYST"]))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("switches maker-checker with a version check and an audit record", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const lf = await bureauFor("131000");
    const updated = await updateBureau(admin, lf.id, { makerChecker: true, version: lf.version });
    expect(updated.makerChecker).toBe(true);
    await expect(updateBureau(admin, lf.id, { makerChecker: false, version: lf.version })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: lf.id, entityType: "Bureau" },
      orderBy: { id: "desc" },
    });
    expect(audit.before).toEqual({ makerChecker: false });
    expect(audit.after).toEqual({ makerChecker: true });
  });

  it("another region's admin gets NotFound", async () => {
    const bj = await bureauFor("110000");
    const hebei = await createActor("130000", ["ADMIN"]);
    await expect(updateBureau(hebei, bj.id, { makerChecker: true, version: bj.version })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("only the national admin opens bureaus, at province or city level", async () => {
    const national = await createActor("000000", ["ADMIN"]);
    const hebei = await createActor("130000", ["ADMIN"]);
    await expect(
      createBureau(hebei, { regionCode: "130600", name: "保定市医疗保障局", nameEn: "Baoding Bureau" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createBureau(national, { regionCode: "131002", name: "安次区医保局", nameEn: "Anci" }),
    ).rejects.toBeInstanceOf(ValidationError);
    const b = await createBureau(national, {
      regionCode: "130600",
      name: "保定市医疗保障局",
      nameEn: "Baoding Bureau",
    });
    expect(b.level).toBe("MUNICIPAL");
    expect(await prisma.auditLog.count({ where: { entityId: b.id, action: "CREATE" } })).toBe(1);
  });
});
