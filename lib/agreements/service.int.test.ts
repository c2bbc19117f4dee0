// Agreements against a real PostgreSQL: who may write, activation needing every party,
// dated and audited transitions, expiry, and the eligibility check over stored data.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createActor } from "@/tests/factories";
import { createActiveAgreement, createDraft, createInstitution, nationalOfficer } from "@/tests/factories/agreements";
import { DomainError } from "@/lib/errors";
import { todayCn } from "@/lib/facilities/codes";
import { transitionAgreement, updateAgreement } from "./service";
import {
  getAgreement,
  requireAgreement,
  listAgreements,
  listCoveredInstitutions,
  listExpiring,
  regionPairMatrix,
} from "./queries";
import { expireAgreements } from "./expiry";
import { checkEligibility } from "./check";
import { addDays } from "./codes";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

const auditOf = (id: string) =>
  prisma.auditLog.findMany({ where: { entityType: "Agreement", entityId: id }, orderBy: { id: "asc" } });

describe("who may write", () => {
  it("an officer of 上海市 cannot create, edit or activate a 京津冀 agreement", async () => {
    const sh = await createActor("310000", ["AGREEMENT_OFFICER"]);
    const draft = await createDraft();
    expect(await codeOf(createDraft({}, sh))).toBe("FORBIDDEN");
    expect(await codeOf(updateAgreement(sh, draft.id, { notes: "上海修改", version: draft.version }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(transitionAgreement(sh, draft.id, { action: "ACTIVATE", version: draft.version }))).toBe(
      "FORBIDDEN",
    );
    const after = await requireAgreement(sh, draft.id);
    expect(after).toMatchObject({ status: "DRAFT", version: draft.version, notes: null, approvals: [] });
    // Reading is public.
    expect((await listAgreements(sh, { party: "110000" })).items.map((a) => a.id)).toContain(draft.id);
  });

  it("a Hebei admin (not an agreement officer) and a 廊坊 officer below the party cannot write", async () => {
    const draft = await createDraft();
    const admin = await createActor("130000", ["ADMIN"]);
    expect(await codeOf(transitionAgreement(admin, draft.id, { action: "ACTIVATE", version: draft.version }))).toBe(
      "FORBIDDEN",
    );
    const lf = await createActor("131000", ["AGREEMENT_OFFICER"]);
    expect(await codeOf(updateAgreement(lf, draft.id, { notes: "x", version: draft.version }))).toBe("FORBIDDEN");
  });
});

describe("activation needs every party", () => {
  it("each party's officer approves; the last approval activates; every step audited", async () => {
    const bj = await createActor("110000", ["AGREEMENT_OFFICER"]);
    const tj = await createActor("120000", ["AGREEMENT_OFFICER"]);
    const hb = await createActor("130000", ["AGREEMENT_OFFICER"]);
    let a = await createDraft({}, bj);
    a = await transitionAgreement(bj, a.id, { action: "ACTIVATE", version: a.version });
    expect(a.status).toBe("DRAFT");
    expect(a.pendingApprovals.map((p) => p.code)).toEqual(["120000", "130000"]);
    // Approving twice changes nothing but the version.
    a = await transitionAgreement(bj, a.id, { action: "ACTIVATE", version: a.version });
    expect(a.approvals).toHaveLength(1);
    a = await transitionAgreement(tj, a.id, { action: "ACTIVATE", version: a.version });
    expect(a.pendingApprovals.map((p) => p.code)).toEqual(["130000"]);
    a = await transitionAgreement(hb, a.id, { action: "ACTIVATE", version: a.version, effectiveOn: "2022-04-01" });
    expect(a).toMatchObject({ status: "ACTIVE", statusSince: "2022-04-01", pendingApprovals: [] });
    expect(a.transitions.map((t) => [t.action, t.toStatus, t.effectiveOn])).toEqual([
      ["CREATE", "DRAFT", todayCn()],
      ["ACTIVATE", "ACTIVE", "2022-04-01"],
    ]);
    expect((await auditOf(a.id)).map((e) => e.action)).toEqual(["CREATE", "APPROVE", "APPROVE", "APPROVE", "ACTIVATE"]);
  });

  it("an officer above every party (national) approves for all at once", async () => {
    const a = await createActiveAgreement();
    expect(a.status).toBe("ACTIVE");
    expect(a.approvals.map((p) => p.regionCode)).toEqual(["110000", "120000", "130000"]);
  });

  it("editing a draft withdraws its approvals", async () => {
    const bj = await createActor("110000", ["AGREEMENT_OFFICER"]);
    let a = await createDraft({}, bj);
    a = await transitionAgreement(bj, a.id, { action: "ACTIVATE", version: a.version });
    expect(a.approvals).toHaveLength(1);
    a = await updateAgreement(bj, a.id, { services: ["INPATIENT"], version: a.version });
    expect(a.approvals).toEqual([]);
    expect(a.services).toEqual(["INPATIENT"]);
  });
});

describe("lifecycle", () => {
  it("suspend ⇄ resume → terminate, dated; wrong steps 422, back-dating 400, stale version 409", async () => {
    const officer = await nationalOfficer();
    let a = await createActiveAgreement({}, "2022-04-01");
    expect(await codeOf(transitionAgreement(officer, a.id, { action: "RESUME", version: a.version }))).toBe(
      "INVALID_STATE",
    );
    expect(
      await codeOf(
        transitionAgreement(officer, a.id, { action: "SUSPEND", version: a.version, effectiveOn: "2020-01-01" }),
      ),
    ).toBe("VALIDATION");
    expect(await codeOf(transitionAgreement(officer, a.id, { action: "SUSPEND", version: a.version - 1 }))).toBe(
      "CONFLICT",
    );
    a = await transitionAgreement(officer, a.id, { action: "SUSPEND", version: a.version, reason: "系统升级" });
    expect(a).toMatchObject({ status: "SUSPENDED", statusSince: todayCn() });
    a = await transitionAgreement(officer, a.id, { action: "RESUME", version: a.version });
    a = await transitionAgreement(officer, a.id, {
      action: "TERMINATE",
      version: a.version,
      effectiveOn: addDays(todayCn(), 30),
    });
    expect(a.status).toBe("TERMINATED");
    expect(a.transitions.map((t) => t.action)).toEqual(["CREATE", "ACTIVATE", "SUSPEND", "RESUME", "TERMINATE"]);
    expect(await codeOf(transitionAgreement(officer, a.id, { action: "RESUME", version: a.version }))).toBe(
      "INVALID_STATE",
    );
    const audit = await auditOf(a.id);
    expect(audit.map((e) => e.action)).toEqual(["CREATE", "APPROVE", "ACTIVATE", "SUSPEND", "RESUME", "TERMINATE"]);
    expect(audit.find((e) => e.action === "SUSPEND")!.after).toMatchObject({ status: "SUSPENDED", reason: "系统升级" });
  });

  it("after activation only notes, document and attachments change", async () => {
    const officer = await nationalOfficer();
    const a = await createActiveAgreement();
    expect(await codeOf(updateAgreement(officer, a.id, { services: ["CHRONIC"], version: a.version }))).toBe(
      "INVALID_STATE",
    );
    const b = await updateAgreement(officer, a.id, {
      notes: "补充说明",
      attachments: [{ name: "附件1.pdf" }],
      version: a.version,
    });
    expect(b).toMatchObject({ notes: "补充说明", version: a.version + 1 });
    const update = (await auditOf(a.id)).at(-1)!;
    expect(update).toMatchObject({ action: "UPDATE", before: { notes: null }, after: { notes: "补充说明" } });
  });
});

describe("cached reads", () => {
  it("a list and a detail read before a write show the write right after it, to a reader who did not write", async () => {
    const reader = await createActor("310000", ["ANALYST"]);
    const officer = await nationalOfficer();
    const a = await createDraft({ title: "缓存前的标题" });
    const listed = async () => (await listAgreements(reader, { q: "缓存" })).items.find((x) => x.id === a.id)?.title;
    expect(await listed()).toBe("缓存前的标题");
    expect((await requireAgreement(reader, a.id)).title).toBe("缓存前的标题");
    expect(await getAgreement(reader, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getAgreement(reader, "not-a-uuid")).toBeNull();
    await updateAgreement(officer, a.id, { title: "缓存后的标题", version: a.version });
    expect(await listed()).toBe("缓存后的标题");
    expect((await requireAgreement(reader, a.id)).title).toBe("缓存后的标题");
  });
});

describe("expiry", () => {
  it("persists EXPIRED the day after effective-to, audited, once", async () => {
    const a = await createActiveAgreement({ effectiveTo: "2024-12-31" }, "2022-04-01");
    // Read models already show it expired before the step is persisted.
    expect(a.status).toBe("EXPIRED");
    expect(await expireAgreements(new Date())).toBeGreaterThanOrEqual(1);
    expect(await expireAgreements(new Date())).toBe(0);
    const row = await prisma.agreement.findUniqueOrThrow({
      where: { id: a.id },
      include: { transitions: { orderBy: { id: "asc" } } },
    });
    expect(row.status).toBe("EXPIRED");
    expect(row.transitions.at(-1)).toMatchObject({
      action: "EXPIRE",
      fromStatus: "ACTIVE",
      toStatus: "EXPIRED",
      actorName: "system",
    });
    expect(row.transitions.at(-1)!.effectiveOn.toISOString().slice(0, 10)).toBe("2025-01-01");
    expect((await auditOf(a.id)).at(-1)).toMatchObject({ action: "EXPIRE", actorName: "system" });
  });

  it("lists agreements ending within 60 days", async () => {
    const soon = await createActiveAgreement({ effectiveTo: addDays(todayCn(), 20) });
    const later = await createActiveAgreement({ effectiveTo: addDays(todayCn(), 90) });
    const ids = (await listExpiring(await nationalOfficer())).map((a) => a.id);
    expect(ids).toContain(soon.id);
    expect(ids).not.toContain(later.id);
  });
});

describe("eligibility over stored data", () => {
  it("answers from the roster and the agreements, and a permalink replays an earlier answer", async () => {
    const code = await createInstitution({ regionCode: "110105", level: "LEVEL_3" });
    const lvl1 = await createInstitution({ regionCode: "110105", level: "LEVEL_1" });
    const officer = await nationalOfficer();
    const a = await createActiveAgreement({}, "2022-04-01");
    const q = { institution: code, homeRegion: "130100", service: "INPATIENT", date: todayCn() };
    const first = await checkEligibility(q);
    expect(first).toMatchObject({
      eligible: true,
      filingRequired: true,
      institution: { code, region: { code: "110105", name: "朝阳区" } },
    });
    expect(first.basis.map((b) => b.number)).toContain(a.number);
    expect(first.reasons[0]!.zh).toContain("可直接结算");
    expect(first.reasons[0]!.en).toContain("covered by");
    expect(first.permalink).toContain("asOf=");

    expect((await checkEligibility({ ...q, institution: lvl1 })).reasons.map((r) => r.code)).toContain(
      "LEVEL_BELOW_RULE",
    );

    await new Promise((r) => setTimeout(r, 5));
    await transitionAgreement(officer, a.id, {
      action: "SUSPEND",
      version: (await requireAgreement(officer, a.id)).version,
    });
    const now = await checkEligibility(q);
    expect(now.basis.map((b) => b.number)).not.toContain(a.number);
    const replay = await checkEligibility({ ...q, asOf: first.query.asOf });
    expect(replay.basis.map((b) => b.number)).toContain(a.number);
  });

  it("covered institutions, the region matrix", async () => {
    const listed = await createInstitution({ regionCode: "120101", level: "LEVEL_1" });
    const ruled = await createInstitution({ regionCode: "120103", level: "LEVEL_2" });
    const a = await createActiveAgreement({ institutionCodes: [listed] }, "2022-04-01");
    const page = await listCoveredInstitutions(await nationalOfficer(), a.id, { pageSize: 200 });
    const byCode = new Map(page.items.map((i) => [i.code, i]));
    expect(byCode.get(listed)).toMatchObject({ listed: true, byRule: false });
    expect(byCode.get(ruled)).toMatchObject({ listed: false, byRule: true });
    const matrix = await regionPairMatrix(await nationalOfficer());
    const cell = matrix.cells.find((c) => c.home === "130000" && c.visit === "110000");
    expect(cell?.agreements.map((x) => x.id)).toContain(a.id);
  });
});
