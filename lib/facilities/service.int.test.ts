import { describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { bureauFor, createActor } from "../../tests/factories";
import { createInstitution as makeInstitution, nextInstitutionCode } from "../../tests/factories/institutions";
import { ConflictError, ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "../errors";
import { approveChange, createInstitution, updateInstitution } from "./service";
import { changeStatus, closeService, openService } from "./commands";
import { rejectChange, setMakerChecker } from "./maker-checker";
import { getInstitution, requireInstitution, listInstitutions, servicesOn } from "./queries";
import { listPendingChanges } from "./change-requests";
import { coverage } from "./coverage";
import { todayCn } from "./codes";

const today = todayCn();
/** A new level-1 public hospital in Langfang's 安次区, less its code. */
const LF_HOSPITAL = {
  name: "x",
  type: "HOSPITAL",
  level: "LEVEL_1",
  ownership: "PUBLIC",
  regionCode: "131002",
  designatedSince: "2020-01-01",
};

describe("create, update, status and services — with history and audit", () => {
  it("creates an institution with services, a status event, a creation history row and an audit entry", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const code = nextInstitutionCode("131002");
    const result = await createInstitution(lf, {
      code: code.toLowerCase(),
      name: "安次区中医院",
      shortName: "安次中医",
      type: "HOSPITAL",
      level: "LEVEL_2",
      grade: "A",
      ownership: "PUBLIC",
      regionCode: "131002",
      designatedSince: "2019-03-01",
      services: [
        { service: "INPATIENT", openedOn: "2020-01-01" },
        { service: "CHRONIC", diseases: ["DIABETES", "HYPERTENSION"] },
      ],
    });
    expect(result.applied).toBe(true);
    if (!result.applied) return;
    expect(result.institution).toMatchObject({
      code,
      name: "安次区中医院",
      status: "ACTIVE",
      statusSince: "2019-03-01",
      version: 1,
    });
    expect(result.institution.region).toEqual({ code: "131002", name: "安次区" });
    expect(result.institution.services).toEqual([
      { service: "INPATIENT", diseases: [], openedOn: "2020-01-01" },
      { service: "CHRONIC", diseases: ["HYPERTENSION", "DIABETES"], openedOn: today },
    ]);
    const detail = await requireInstitution(lf, code);
    expect(detail.canEdit).toBe(true);
    expect(detail.regionPath.map((r) => r.name)).toEqual(["河北省", "廊坊市", "安次区"]);
    expect(detail.statusEvents).toMatchObject([
      { status: "ACTIVE", effectiveOn: "2019-03-01", reason: "facilities.reasons.designated" },
    ]);
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]).toMatchObject({ field: "*", source: "CREATE", before: null });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Institution", entityId: code, action: "CREATE" },
    });
    expect(audit.actorId).toBe(lf.id);
    expect(audit.entityRegion).toBe("131002");
  });

  it("updates fields with field-level before/after in history and audit, and checks the version", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const inst = await makeInstitution({ regionCode: "131003", name: "廊坊市广阳区人民医院" });
    const r = await updateInstitution(lf, inst.code, {
      name: "廊坊市广阳区第一人民医院",
      phone: "0316-5555555",
      version: 1,
    });
    expect(r.applied && r.institution).toMatchObject({
      name: "廊坊市广阳区第一人民医院",
      phone: "0316-5555555",
      version: 2,
    });
    const history = await prisma.institutionHistory.findMany({
      where: { institutionId: inst.id, source: "EDIT" },
      orderBy: { field: "asc" },
    });
    expect(history.map((h) => [h.field, h.before, h.after])).toEqual([
      ["name", "廊坊市广阳区人民医院", "廊坊市广阳区第一人民医院"],
      ["phone", "0316-2011111", "0316-5555555"],
    ]);
    expect(history[0]!.actorName).toContain(lf.username);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: inst.code, action: "UPDATE" } });
    expect(audit.before).toEqual({ name: "廊坊市广阳区人民医院", phone: "0316-2011111" });
    expect(audit.after).toEqual({ name: "廊坊市广阳区第一人民医院", phone: "0316-5555555" });

    await expect(updateInstitution(lf, inst.code, { name: "过期版本", version: 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await requireInstitution(lf, inst.code)).name).toBe("廊坊市广阳区第一人民医院");
  });

  it("names each bad field: code/type mismatch, grade without level, unknown region", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const err = await createInstitution(lf, { ...LF_HOSPITAL, code: "P13100200001" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors.type![0]!.key).toBe("facilities.validation.codeType");
    const bad = await createInstitution(lf, { ...LF_HOSPITAL, code: "X1", designatedSince: "2020-02-30" }).catch(
      (e: unknown) => e,
    );
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(["code", "designatedSince"]);
    const unrated = await createInstitution(lf, {
      ...LF_HOSPITAL,
      code: nextInstitutionCode("131002"),
      level: "UNRATED",
      grade: "A",
    }).catch((e: unknown) => e);
    expect((unrated as ValidationError).fieldErrors.grade![0]!.key).toBe("facilities.validation.gradeNeedsLevel");
    const region = await createInstitution(lf, {
      ...LF_HOSPITAL,
      code: nextInstitutionCode("131099"),
      regionCode: "131099",
    }).catch((e: unknown) => e);
    expect((region as ValidationError).fieldErrors.regionCode![0]!.key).toBe("facilities.validation.unknownRegion");
  });

  it("a code is never reused, even after revocation", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const inst = await makeInstitution({ regionCode: "131002" });
    await changeStatus(lf, inst.code, { status: "REVOKED", reason: "违规解除协议", version: 1 });
    const err = await createInstitution(lf, {
      code: inst.code,
      name: "新机构",
      type: "HOSPITAL",
      level: "LEVEL_1",
      ownership: "PRIVATE",
      regionCode: "131002",
      designatedSince: "2024-01-01",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).messageKey).toBe("facilities.codeTaken");
  });

  it("suspends and reactivates with dated reasons; revocation is final and closes the services", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const inst = await makeInstitution({
      regionCode: "131002",
      services: [
        { service: "INPATIENT", openedOn: "2020-05-01" },
        { service: "OUTPATIENT", openedOn: "2020-05-01" },
      ],
    });
    await changeStatus(lf, inst.code, {
      status: "SUSPENDED",
      effectiveOn: "2023-03-01",
      reason: "医保检查整改",
      version: 1,
    });
    await expect(
      changeStatus(lf, inst.code, { status: "ACTIVE", effectiveOn: "2023-02-01", reason: "x", version: 2 }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      changeStatus(lf, inst.code, { status: "SUSPENDED", reason: "again", version: 2 }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    await changeStatus(lf, inst.code, { status: "ACTIVE", effectiveOn: "2023-06-01", reason: "整改完成", version: 2 });
    await changeStatus(lf, inst.code, { status: "REVOKED", effectiveOn: "2024-01-01", reason: "解除协议", version: 3 });
    await expect(changeStatus(lf, inst.code, { status: "ACTIVE", reason: "恢复", version: 4 })).rejects.toBeInstanceOf(
      InvalidStateError,
    );
    await expect(openService(lf, inst.code, { service: "INPATIENT", version: 4 })).rejects.toBeInstanceOf(
      InvalidStateError,
    );

    const d = await requireInstitution(lf, inst.code);
    expect(d.status).toBe("REVOKED");
    expect(d.services).toEqual([]);
    expect(d.statusEvents.map((e) => [e.status, e.effectiveOn, e.reason])).toEqual([
      ["REVOKED", "2024-01-01", "解除协议"],
      ["ACTIVE", "2023-06-01", "整改完成"],
      ["SUSPENDED", "2023-03-01", "医保检查整改"],
      ["ACTIVE", "2018-01-01", "facilities.reasons.designated"],
    ]);
    expect(d.servicePeriods.every((p) => p.closedOn === "2024-01-01")).toBe(true);
    expect((await servicesOn(inst.code, "2023-04-01")).status).toMatchObject({
      status: "SUSPENDED",
      reason: "医保检查整改",
    });
    expect((await servicesOn(inst.code, "2017-12-31")).status).toBeNull();
    expect(await prisma.auditLog.count({ where: { entityId: inst.code, action: "STATUS_CHANGE" } })).toBe(3);
  });
});

describe("service history: which services did X have on a date?", () => {
  it("answers from the dated periods, including a reopened service and a changed disease list", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const inst = await makeInstitution({
      regionCode: "131002",
      designatedSince: "2017-06-01",
      services: [{ service: "INPATIENT", openedOn: "2019-01-01" }],
    });
    let v = 1;
    await openService(lf, inst.code, { service: "OUTPATIENT", openedOn: "2021-07-01", version: v++ });
    await closeService(lf, inst.code, {
      service: "INPATIENT",
      closedOn: "2022-01-01",
      reason: "系统改造暂停",
      version: v++,
    });
    await openService(lf, inst.code, { service: "INPATIENT", openedOn: "2023-02-10", version: v++ });
    await openService(lf, inst.code, {
      service: "CHRONIC",
      diseases: ["HYPERTENSION"],
      openedOn: "2022-06-01",
      version: v++,
    });
    await openService(lf, inst.code, {
      service: "CHRONIC",
      diseases: ["HYPERTENSION", "DIABETES"],
      openedOn: "2023-01-01",
      version: v++,
    });

    const on = async (d: string) =>
      (await servicesOn(inst.code, d)).services.map(
        (s) => `${s.service}${s.diseases.length ? ":" + s.diseases.join(",") : ""}`,
      );
    expect(await on("2018-12-31")).toEqual([]);
    expect(await on("2019-01-01")).toEqual(["INPATIENT"]);
    expect(await on("2021-12-31")).toEqual(["INPATIENT", "OUTPATIENT"]);
    expect(await on("2022-01-01")).toEqual(["OUTPATIENT"]);
    expect(await on("2022-12-31")).toEqual(["OUTPATIENT", "CHRONIC:HYPERTENSION"]);
    expect(await on("2023-02-09")).toEqual(["OUTPATIENT", "CHRONIC:HYPERTENSION,DIABETES"]);
    expect(await on("2023-02-10")).toEqual(["INPATIENT", "OUTPATIENT", "CHRONIC:HYPERTENSION,DIABETES"]);

    // A new period cannot start inside the closed one; a closed service cannot be closed again.
    await expect(
      openService(lf, inst.code, { service: "INPATIENT", openedOn: "2021-06-01", version: v }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    await expect(closeService(lf, inst.code, { service: "PHARMACY", reason: "x", version: v })).rejects.toBeInstanceOf(
      InvalidStateError,
    );
    await expect(openService(lf, inst.code, { service: "PHARMACY", version: v })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(servicesOn(inst.code, "2023-02-30")).rejects.toBeInstanceOf(ValidationError);

    const history = await prisma.institutionHistory.findMany({
      where: { institutionId: inst.id, source: "SERVICE" },
      orderBy: { id: "asc" },
    });
    expect(history.map((h) => h.field)).toEqual([
      "services.OUTPATIENT",
      "services.INPATIENT",
      "services.INPATIENT",
      "services.CHRONIC",
      "services.CHRONIC",
    ]);
    expect(history[1]!.after).toEqual({ closedOn: "2022-01-01", reason: "系统改造暂停" });
    expect(history[4]!.before).toEqual({ openedOn: "2022-06-01", diseases: ["HYPERTENSION"] });
  });
});

describe("region scope", () => {
  it("a Beijing roster manager cannot change a Hebei institution (403), but can read it", async () => {
    const bj = await createActor("110000", ["ROSTER_MANAGER"]);
    const inst = await makeInstitution({ regionCode: "131002", name: "廊坊市安次区医院" });
    await expect(updateInstitution(bj, inst.code, { name: "改名", version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeStatus(bj, inst.code, { status: "SUSPENDED", reason: "x", version: 1 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(openService(bj, inst.code, { service: "OUTPATIENT", version: 1 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(createInstitution(bj, { ...LF_HOSPITAL, code: nextInstitutionCode("131002") })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const d = await requireInstitution(bj, inst.code);
    expect(d.name).toBe("廊坊市安次区医院");
    expect(d.canEdit).toBe(false);
    expect((await prisma.institution.findUniqueOrThrow({ where: { id: inst.id } })).version).toBe(1);
  });

  it("a Langfang manager cannot move an institution out of Langfang; non-managers cannot write at all", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    const analyst = await createActor("131000", ["ANALYST", "ADMIN"]);
    const inst = await makeInstitution({ regionCode: "131002" });
    await expect(updateInstitution(lf, inst.code, { regionCode: "130102", version: 1 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(updateInstitution(analyst, inst.code, { name: "x", version: 1 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(requireInstitution(analyst, "H00000000000")).rejects.toBeInstanceOf(NotFoundError);
    expect(await getInstitution(analyst, "H00000000000")).toBeNull();
    expect(await getInstitution(analyst, "not a code")).toBeNull();
    expect((await getInstitution(analyst, inst.code.toLowerCase()))?.code).toBe(inst.code);
  });
});

describe("maker-checker", () => {
  it("holds a change until another roster manager of the same bureau approves it", async () => {
    const bureau = await bureauFor("130700");
    const admin = await createActor("130000", ["ADMIN"]);
    await setMakerChecker(admin, { bureauId: bureau.id, enabled: true });
    const maker = await createActor("130700", ["ROSTER_MANAGER"]);
    const checker = await createActor("130700", ["ROSTER_MANAGER"]);
    const otherBureau = await createActor("130000", ["ROSTER_MANAGER"]);
    const inst = await makeInstitution({ regionCode: "130702", name: "张家口市第一医院" });

    const r = await updateInstitution(maker, inst.code, { name: "张家口市第一医院（新址）", version: 1 });
    expect(r.applied).toBe(false);
    if (r.applied) return;
    expect(r.changeRequest).toMatchObject({ kind: "UPDATE", state: "PENDING", code: inst.code, baseVersion: 1 });
    expect(r.changeRequest.summary).toEqual([
      { field: "name", before: "张家口市第一医院", after: "张家口市第一医院（新址）" },
    ]);
    // Until approved the old values stand.
    expect((await requireInstitution(maker, inst.code)).name).toBe("张家口市第一医院");
    expect((await requireInstitution(checker, inst.code)).pendingChanges.map((c) => c.id)).toEqual([r.pendingChangeId]);
    expect((await listPendingChanges(checker)).items.map((c) => c.id)).toContain(r.pendingChangeId);

    await expect(approveChange(maker, r.pendingChangeId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approveChange(otherBureau, r.pendingChangeId)).rejects.toBeInstanceOf(ForbiddenError);
    const approved = await approveChange(checker, r.pendingChangeId, "核对营业执照无误");
    expect(approved.institution).toMatchObject({ name: "张家口市第一医院（新址）", version: 2 });
    await expect(approveChange(checker, r.pendingChangeId)).rejects.toBeInstanceOf(InvalidStateError);

    const h = await prisma.institutionHistory.findFirstOrThrow({ where: { institutionId: inst.id, field: "name" } });
    expect(h.actorId).toBe(checker.id);
    expect(h.requestedBy).toContain(maker.username);
    expect(h.changeRequestId).toBe(r.pendingChangeId);
    expect(
      await prisma.auditLog.count({
        where: { entityId: r.pendingChangeId, action: { in: ["CHANGE_REQUESTED", "CHANGE_APPROVED"] } },
      }),
    ).toBe(2);
    expect(await prisma.auditLog.count({ where: { entityId: inst.code, action: "UPDATE", actorId: checker.id } })).toBe(
      1,
    );
  });

  it("rejection needs a comment and changes nothing; a stale request cannot be approved", async () => {
    const bureau = await bureauFor("130100");
    await prisma.bureau.update({ where: { id: bureau.id }, data: { makerChecker: true } });
    const maker = await createActor("130100", ["ROSTER_MANAGER"]);
    const checker = await createActor("130100", ["ROSTER_MANAGER"]);
    const inst = await makeInstitution({
      regionCode: "130102",
      services: [{ service: "INPATIENT", openedOn: "2020-01-01" }],
    });

    const close = await closeService(maker, inst.code, { service: "INPATIENT", reason: "暂停", version: 1 });
    const status = await changeStatus(maker, inst.code, { status: "SUSPENDED", reason: "检查", version: 1 });
    if (close.applied || status.applied) throw new Error("expected pending");
    await expect(rejectChange(checker, close.pendingChangeId, " ")).rejects.toBeInstanceOf(ValidationError);
    const rejected = await rejectChange(checker, close.pendingChangeId, "资料不全");
    expect(rejected).toMatchObject({ state: "REJECTED", comment: "资料不全" });
    expect((await requireInstitution(checker, inst.code)).services.map((s) => s.service)).toEqual(["INPATIENT"]);

    // The institution moves on (a direct write by the national manager) → the status request is stale.
    const national = await createActor("000000", ["ROSTER_MANAGER"]);
    await updateInstitution(national, inst.code, { phone: "0311-1234567", version: 1 });
    await expect(approveChange(checker, status.pendingChangeId)).rejects.toBeInstanceOf(ConflictError);
    expect((await requireInstitution(checker, inst.code)).status).toBe("ACTIVE");

    // Creation under maker-checker: nothing exists until approved.
    const code = nextInstitutionCode("130102");
    const created = await createInstitution(maker, {
      code,
      name: "石家庄长安区社区卫生服务中心",
      type: "PRIMARY_CARE",
      level: "LEVEL_1",
      ownership: "PUBLIC",
      regionCode: "130102",
      designatedSince: "2021-05-01",
    });
    if (created.applied) throw new Error("expected pending");
    expect(await prisma.institution.count({ where: { code } })).toBe(0);
    const done = await approveChange(checker, created.pendingChangeId);
    expect(done.institution).toMatchObject({ code, status: "ACTIVE" });
  });
});

describe("list workbench", () => {
  it("finds 北京友谊医院 by a Chinese fragment, by short name, and by code fragment", async () => {
    const reader = await createActor("310000", ["ANALYST"]);
    const inst = await makeInstitution({
      regionCode: "110102",
      name: "首都医科大学附属北京友谊医院",
      shortName: "北京友谊医院",
      level: "LEVEL_3",
      grade: "A",
    });
    await makeInstitution({ regionCode: "110105", name: "北京朝阳医院" });
    const byName = await listInstitutions(reader, { q: "友谊" });
    expect(byName.items.map((i) => i.code)).toContain(inst.code);
    expect(byName.items.every((i) => `${i.name}${i.shortName}`.includes("友谊"))).toBe(true);
    expect((await listInstitutions(reader, { q: "谊医院" })).items.map((i) => i.code)).toEqual([inst.code]);
    expect(
      (await listInstitutions(reader, { q: inst.code.slice(0, 9).toLowerCase() })).items.map((i) => i.code),
    ).toContain(inst.code);
    expect((await listInstitutions(reader, { q: "友" })).items.map((i) => i.code)).toContain(inst.code);
    expect((await listInstitutions(reader, { q: "50%_" })).total).toBe(0);
  });

  it("filters by region tree, type, level, status and service; sorts; paginates", async () => {
    const reader = await createActor("000000", ["ANALYST"]);
    const a = await makeInstitution({
      regionCode: "331002",
      name: "台州甲医院",
      level: "LEVEL_3",
      services: [{ service: "INPATIENT" }, { service: "OUTPATIENT" }],
    });
    const b = await makeInstitution({
      regionCode: "331003",
      name: "台州乙医院",
      level: "LEVEL_2",
      services: [{ service: "OUTPATIENT" }],
    });
    const c = await makeInstitution({
      regionCode: "331002",
      name: "台州丙药房",
      type: "PHARMACY",
      services: [{ service: "PHARMACY" }],
    });
    const tz = (extra: Record<string, unknown>) => listInstitutions(reader, { region: "331000", ...extra });
    expect((await tz({})).total).toBe(3);
    expect((await tz({ type: "PHARMACY" })).items.map((i) => i.code)).toEqual([c.code]);
    expect((await tz({ level: "LEVEL_3,LEVEL_2", sort: "level" })).items.map((i) => i.code)).toEqual([b.code, a.code]);
    expect((await tz({ service: "OUTPATIENT" })).items.map((i) => i.code).sort()).toEqual([a.code, b.code].sort());
    expect((await tz({ service: "OUTPATIENT,INPATIENT" })).items.map((i) => i.code)).toEqual([a.code]);
    expect((await listInstitutions(reader, { region: "331002" })).total).toBe(2);
    const page2 = await tz({ sort: "-name", pageSize: 1, page: 2 });
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    // Names sort by code point (COLLATE "C") whatever the database locale: 甲 U+7532 > 乙 U+4E59 > 丙 U+4E19.
    expect(page2.items.map((i) => i.name)).toEqual(["台州乙医院"]);
    // Several keys: region ascending, then name descending within a region.
    expect((await tz({ sort: "region,-name" })).items.map((i) => i.name)).toEqual([
      "台州甲医院",
      "台州丙药房",
      "台州乙医院",
    ]);
    // The same through a search (the materialized path of listOn).
    expect((await tz({ q: "台州", sort: "region,-name" })).items.map((i) => i.name)).toEqual([
      "台州甲医院",
      "台州丙药房",
      "台州乙医院",
    ]);
    await expect(tz({ type: "CLINIC" })).rejects.toBeInstanceOf(ValidationError);
    await expect(tz({ pageSize: 1000 })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("coverage panel", () => {
  it("counts by type and service per region, lists counties without a service, and this month's changes", async () => {
    const lf = await createActor("131000", ["ROSTER_MANAGER"]);
    // 衡水市 (131100) stays empty in the other tests.
    await makeInstitution({
      regionCode: "131102",
      type: "HOSPITAL",
      services: [{ service: "INPATIENT" }, { service: "OUTPATIENT" }, { service: "CHRONIC", diseases: ["DIABETES"] }],
    });
    await makeInstitution({ regionCode: "131102", type: "PHARMACY", services: [{ service: "PHARMACY" }] });
    const suspended = await makeInstitution({
      regionCode: "131121",
      type: "HOSPITAL",
      services: [{ service: "INPATIENT" }],
    });
    await changeStatus(await createActor("000000", ["ROSTER_MANAGER"]), suspended.code, {
      status: "SUSPENDED",
      reason: "整改",
      version: 1,
    });
    const cov = await coverage(lf, "131100");
    expect(cov.region).toEqual({ code: "131100", name: "衡水市", level: "CITY" });
    expect(cov.totals).toMatchObject({ institutions: 3, active: 2 });
    expect(cov.totals.byType).toMatchObject({ HOSPITAL: 2, PHARMACY: 1 });
    expect(cov.totals.byService).toEqual({ INPATIENT: 1, OUTPATIENT: 1, CHRONIC: 1, PHARMACY: 1 });
    expect(cov.totals.byDisease).toMatchObject({ DIABETES: 1, HYPERTENSION: 0 });
    const taocheng = cov.children.find((c) => c.code === "131102")!;
    expect(taocheng).toMatchObject({ name: "桃城区", institutions: 2, active: 2 });
    expect(cov.gaps.INPATIENT!.counties.map((c) => c.code)).toContain("131121");
    expect(cov.gaps.INPATIENT!.counties.map((c) => c.code)).not.toContain("131102");
    expect(cov.changesThisMonth).toMatchObject({ created: 3, statusChanges: 1, institutionsChanged: 3 });
    await expect(coverage(null, "999999")).rejects.toBeInstanceOf(NotFoundError);
  });
});
