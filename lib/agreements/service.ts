// Writes on agreements: create (DRAFT), edit, lifecycle transitions with approvals. Each write
// runs in one transaction with its audit record and checks `version`; the eligibility cache is
// invalidated after the commit.
import { parseInput } from "../validation";
import { prisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { mapPrismaError } from "../db/errors";
import type { Actor } from "../auth/actor";
import { canCreateAgreement, canEditAgreement, partiesApprovableBy } from "../auth/policy";
import { recordAudit, diff } from "../audit/service";
import {
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
  type FieldErrors,
} from "../errors";
import { dateValue, isoDate, todayCn } from "../facilities/codes";
import { nextStatus, type AgreementStatus } from "./codes";
import { invalidateAgreementCache } from "./cache";
import { AGREEMENT_INCLUDE, approvedAll, findAgreementRow, requireAgreement, type AgreementRow } from "./queries";
import {
  EDITABLE_AFTER_DRAFT,
  agreementIssues,
  createAgreementSchema,
  transitionSchema,
  updateAgreementSchema,
  type CreateAgreementInput,
} from "./schemas";
import { requireAnyRole } from "../auth/require-role";

type Tx = Prisma.TransactionClient;

/** Region codes that exist, and institution codes that exist, or field errors naming the rest. */
async function checkReferences(regionCodes: string[], institutionCodes: string[]): Promise<void> {
  const errors: FieldErrors = {};
  const uniqueRegions = [...new Set(regionCodes)];
  if (uniqueRegions.length) {
    const found = new Set(
      (await prisma.region.findMany({ where: { code: { in: uniqueRegions } }, select: { code: true } })).map(
        (r) => r.code,
      ),
    );
    const missing = uniqueRegions.filter((c) => !found.has(c));
    if (missing.length)
      errors.parties = [{ key: "agreements.validation.unknownRegion", params: { codes: missing.join(", ") } }];
  }
  const uniqueInst = [...new Set(institutionCodes)];
  if (uniqueInst.length) {
    const found = new Set(
      (await prisma.institution.findMany({ where: { code: { in: uniqueInst } }, select: { code: true } })).map(
        (r) => r.code,
      ),
    );
    const missing = uniqueInst.filter((c) => !found.has(c));
    if (missing.length)
      errors.institutionCodes = [
        { key: "agreements.validation.unknownInstitution", params: { codes: missing.slice(0, 10).join(", ") } },
      ];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

function rowData(input: Partial<CreateAgreementInput>) {
  return {
    ...(input.number !== undefined && { number: input.number }),
    ...(input.title !== undefined && { title: input.title }),
    ...(input.titleEn !== undefined && { titleEn: input.titleEn }),
    ...(input.type !== undefined && { type: input.type }),
    ...(input.direction !== undefined && { direction: input.direction }),
    ...(input.services !== undefined && { services: [...new Set(input.services)] }),
    ...(input.diseases !== undefined && { diseases: [...new Set(input.diseases)] }),
    ...(input.filingFree !== undefined && { filingFree: input.filingFree }),
    ...(input.effectiveFrom !== undefined && { effectiveFrom: dateValue(input.effectiveFrom) }),
    ...(input.effectiveTo !== undefined && { effectiveTo: input.effectiveTo ? dateValue(input.effectiveTo) : null }),
    ...(input.signedOn !== undefined && { signedOn: input.signedOn ? dateValue(input.signedOn) : null }),
    ...(input.documentRef !== undefined && { documentRef: input.documentRef }),
    ...(input.attachments !== undefined && { attachments: input.attachments as Prisma.InputJsonValue }),
    ...(input.notes !== undefined && { notes: input.notes }),
    ...(input.scopeRule !== undefined && { scopeRule: (input.scopeRule ?? null) as Prisma.InputJsonValue }),
    ...(input.ratioRules !== undefined && { ratioRules: input.ratioRules as Prisma.InputJsonValue }),
  };
}

/** A MUTUAL agreement's parties are all BOTH; FILING_FREE always carries the filing-free clause. */
function normalise<T extends Partial<CreateAgreementInput>>(input: T, current?: AgreementRow): T {
  const direction = input.direction ?? current?.direction;
  const out = { ...input };
  if (direction === "MUTUAL" && out.parties) out.parties = out.parties.map((p) => ({ ...p, role: "BOTH" as const }));
  if ((input.type ?? current?.type) === "FILING_FREE") out.filingFree = true;
  if (out.scopeRule) {
    out.scopeRule = {
      ...(out.scopeRule.minLevel && { minLevel: out.scopeRule.minLevel }),
      ...(out.scopeRule.types?.length && { types: [...new Set(out.scopeRule.types)] }),
      ...(out.scopeRule.regionCodes?.length && { regionCodes: [...new Set(out.scopeRule.regionCodes)] }),
    };
  }
  return out;
}

/** A snapshot for the audit log. */
function auditShape(r: AgreementRow, institutionCodes?: string[]) {
  return {
    number: r.number,
    title: r.title,
    type: r.type,
    direction: r.direction,
    parties: r.parties.map((p) => `${p.regionCode}:${p.role}`),
    services: r.services,
    diseases: r.diseases,
    filingFree: r.filingFree,
    effectiveFrom: isoDate(r.effectiveFrom),
    effectiveTo: r.effectiveTo ? isoDate(r.effectiveTo) : null,
    signedOn: r.signedOn ? isoDate(r.signedOn) : null,
    documentRef: r.documentRef,
    attachments: r.attachments,
    notes: r.notes,
    scopeRule: r.scopeRule,
    ratioRules: r.ratioRules,
    ...(institutionCodes && { institutionCodes }),
    status: r.status,
  };
}

export async function createAgreement(actor: Actor, rawInput: unknown) {
  // Order of checks (decision 011): the role (403) before the body (400), the scope (404) after both.
  requireOfficer(actor);
  const input = normalise(parseInput(createAgreementSchema, rawInput));
  if (
    !canCreateAgreement(
      actor,
      input.parties.map((p) => p.regionCode),
    )
  )
    throw new ForbiddenError("agreements.notAParty");
  await checkReferences(
    [...input.parties.map((p) => p.regionCode), ...(input.scopeRule?.regionCodes ?? [])],
    input.institutionCodes ?? [],
  );
  const today = todayCn();
  try {
    const id = await prisma.$transaction(async (tx) => {
      const created = await tx.agreement.create({
        data: {
          ...rowData(input),
          number: input.number,
          title: input.title,
          type: input.type,
          direction: input.direction,
          effectiveFrom: dateValue(input.effectiveFrom),
          status: "DRAFT",
          statusSince: dateValue(today),
          createdById: actor.id,
          createdByName: `${actor.displayName} (${actor.username})`,
          parties: { create: input.parties.map((p) => ({ regionCode: p.regionCode, role: p.role })) },
          institutions: {
            create: [...new Set(input.institutionCodes ?? [])].map((institutionCode) => ({ institutionCode })),
          },
          transitions: {
            create: {
              action: "CREATE",
              fromStatus: null,
              toStatus: "DRAFT",
              effectiveOn: dateValue(today),
              actorId: actor.id,
              actorName: actor.displayName,
            },
          },
        },
        include: AGREEMENT_INCLUDE,
      });
      await recordAudit(tx, {
        actor,
        action: "CREATE",
        entityType: "Agreement",
        entityId: created.id,
        entityRegion: input.parties[0]!.regionCode,
        after: auditShape(created, input.institutionCodes),
      });
      return created.id;
    });
    invalidateAgreementCache();
    return requireAgreement(actor, id);
  } catch (e) {
    mapPrismaError(e);
  }
}

function requireOfficer(actor: Actor): void {
  requireAnyRole(actor, ["AGREEMENT_OFFICER"]);
}

async function requireRow(id: string): Promise<AgreementRow> {
  const row = await findAgreementRow(id, { fresh: true });
  if (!row) throw new NotFoundError("agreements.notFound");
  return row;
}

export async function updateAgreement(actor: Actor, id: string, rawInput: unknown) {
  requireOfficer(actor);
  const parsed = parseInput(updateAgreementSchema, rawInput);
  const current = await requireRow(id);
  const currentParties = current.parties.map((p) => p.regionCode);
  if (!canEditAgreement(actor, currentParties)) throw new ForbiddenError("agreements.notAParty");
  const { version, ...fields } = parsed;
  const input = normalise(fields as Partial<CreateAgreementInput>, current);
  const given = Object.keys(fields).filter((k) => (fields as Record<string, unknown>)[k] !== undefined);
  if (current.status !== "DRAFT") {
    const locked = given.filter((k) => !(EDITABLE_AFTER_DRAFT as readonly string[]).includes(k));
    if (locked.length) throw new InvalidStateError("agreements.onlyDraftEditable", { fields: locked.join(", ") });
  }
  if (
    input.parties &&
    !canEditAgreement(
      actor,
      input.parties.map((p) => p.regionCode),
    )
  )
    throw new ForbiddenError("agreements.notAParty");

  const merged = {
    direction: input.direction ?? current.direction,
    parties: input.parties ?? current.parties.map((p) => ({ regionCode: p.regionCode, role: p.role })),
    effectiveFrom: input.effectiveFrom ?? isoDate(current.effectiveFrom),
    effectiveTo:
      input.effectiveTo !== undefined ? input.effectiveTo : current.effectiveTo ? isoDate(current.effectiveTo) : null,
    services: input.services ?? current.services,
    diseases: input.diseases ?? current.diseases,
    // Only whether a list exists matters to the cross-field rules.
    institutionCodes: input.institutionCodes ?? (current._count.institutions ? [""] : []),
    scopeRule: input.scopeRule !== undefined ? input.scopeRule : current.scopeRule,
  };
  const issues = agreementIssues(merged);
  if (Object.keys(issues).length) throw new ValidationError(issues);
  await checkReferences(
    [...(input.parties ?? []).map((p) => p.regionCode), ...(input.scopeRule?.regionCodes ?? [])],
    input.institutionCodes ?? [],
  );

  try {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.agreement.updateMany({
        where: { id, version },
        data: { ...rowData(input), version: { increment: 1 } },
      });
      if (count === 0) throw new ConflictError();
      let beforeCodes: string[] | undefined;
      if (input.parties) {
        await tx.agreementParty.deleteMany({ where: { agreementId: id } });
        await tx.agreementParty.createMany({
          data: input.parties.map((p) => ({ agreementId: id, regionCode: p.regionCode, role: p.role })),
        });
      }
      if (input.institutionCodes) {
        beforeCodes = (
          await tx.agreementInstitution.findMany({ where: { agreementId: id }, select: { institutionCode: true } })
        ).map((r) => r.institutionCode);
        await tx.agreementInstitution.deleteMany({ where: { agreementId: id } });
        await tx.agreementInstitution.createMany({
          data: [...new Set(input.institutionCodes)].map((c) => ({ agreementId: id, institutionCode: c })),
        });
      }
      // What was approved has changed: approvals of a draft are withdrawn on any edit.
      const withdrawn =
        current.status === "DRAFT" ? (await tx.agreementApproval.deleteMany({ where: { agreementId: id } })).count : 0;
      const updated = await tx.agreement.findUniqueOrThrow({ where: { id }, include: AGREEMENT_INCLUDE });
      const changes = diff(auditShape(current, beforeCodes), auditShape(updated, input.institutionCodes));
      await recordAudit(tx, {
        actor,
        action: "UPDATE",
        entityType: "Agreement",
        entityId: id,
        entityRegion: updated.parties[0]?.regionCode ?? null,
        before: { ...changes.before, ...(withdrawn && { approvals: withdrawn }) },
        after: { ...changes.after, ...(withdrawn && { approvals: 0 }) },
      });
    });
  } catch (e) {
    mapPrismaError(e);
  }
  invalidateAgreementCache();
  return requireAgreement(actor, id);
}

/**
 * A lifecycle step. ACTIVATE records the actor's approval for every party they represent and
 * activates once every party has approved (an officer above all parties approves for all).
 * Steps are dated: no earlier than today (ACTIVATE may go back to effective-from, to record a
 * historical agreement), and never before the previous step, so past answers stay as they were.
 */
export async function transitionAgreement(actor: Actor, id: string, rawInput: unknown) {
  requireOfficer(actor);
  const input = parseInput(transitionSchema, rawInput);
  const current = await requireRow(id);
  const partyCodes = current.parties.map((p) => p.regionCode);
  if (!canEditAgreement(actor, partyCodes)) throw new ForbiddenError("agreements.notAParty");
  if (current.version !== input.version) throw new ConflictError();
  const to = nextStatus(current.status, input.action);
  if (!to)
    throw new InvalidStateError("agreements.transitionNotAllowed", { action: input.action, status: current.status });

  const today = todayCn();
  const effectiveFrom = isoDate(current.effectiveFrom);
  const on = input.effectiveOn ?? (input.action === "ACTIVATE" && effectiveFrom > today ? effectiveFrom : today);
  const last = current.transitions.at(-1);
  const earliest = input.action === "ACTIVATE" ? (effectiveFrom < today ? effectiveFrom : today) : today;
  const errors: FieldErrors = {};
  if (on < earliest) errors.effectiveOn = [{ key: "agreements.validation.noBackdating", params: { earliest } }];
  else if (last && input.action !== "ACTIVATE" && on < isoDate(last.effectiveOn)) {
    errors.effectiveOn = [
      { key: "agreements.validation.beforePrevious", params: { previous: isoDate(last.effectiveOn) } },
    ];
  }
  if (current.effectiveTo && on > isoDate(current.effectiveTo) && input.action !== "TERMINATE") {
    errors.effectiveOn = [{ key: "agreements.validation.afterEnd", params: { to: isoDate(current.effectiveTo) } }];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);

  await prisma.$transaction(async (tx) => {
    const { count } = await tx.agreement.updateMany({
      where: { id, version: input.version },
      data: { version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    if (input.action === "ACTIVATE") {
      const mine = partiesApprovableBy(actor, partyCodes).filter(
        (c) => !current.approvals.some((a) => a.regionCode === c),
      );
      if (mine.length) {
        await tx.agreementApproval.createMany({
          data: mine.map((regionCode) => ({
            agreementId: id,
            regionCode,
            approverId: actor.id,
            approverName: `${actor.displayName} (${actor.bureauName})`,
            approverRegion: actor.regionCode,
          })),
        });
        await recordAudit(tx, {
          actor,
          action: "APPROVE",
          entityType: "Agreement",
          entityId: id,
          entityRegion: mine[0]!,
          after: { approvedFor: mine, number: current.number },
        });
      }
      const approvals = await tx.agreementApproval.findMany({ where: { agreementId: id } });
      if (!approvedAll({ parties: current.parties, approvals })) return;
    }
    await applyStep(tx, actor, current, input.action, to, on, input.reason ?? null);
  });
  invalidateAgreementCache();
  return requireAgreement(actor, id);
}

async function applyStep(
  tx: Tx,
  actor: Actor,
  current: AgreementRow,
  action: string,
  to: AgreementStatus,
  on: string,
  reason: string | null,
) {
  await tx.agreement.update({ where: { id: current.id }, data: { status: to, statusSince: dateValue(on) } });
  await tx.agreementTransition.create({
    data: {
      agreementId: current.id,
      action,
      fromStatus: current.status,
      toStatus: to,
      effectiveOn: dateValue(on),
      actorId: actor.id,
      actorName: actor.displayName,
      reason,
    },
  });
  await recordAudit(tx, {
    actor,
    action,
    entityType: "Agreement",
    entityId: current.id,
    entityRegion: current.parties[0]?.regionCode ?? null,
    before: { status: current.status },
    after: { status: to, effectiveOn: on, reason, number: current.number },
  });
}
