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
import { approvedAll, findAgreementRow, requireAgreement } from "./queries";
import { AGREEMENT_INCLUDE, type AgreementRow } from "./views";
import {
  EDITABLE_AFTER_DRAFT,
  createAgreementSchema,
  transitionSchema,
  updateAgreementSchema,
  type CreateAgreementInput,
} from "./schemas";
import { auditShape, checkMerged, checkReferences, normalise, replaceLists, rowData } from "./write-steps";
import { requireAnyRole } from "../auth/require-role";

type Tx = Prisma.TransactionClient;

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

/** The row as it is now (read past the cache), or NotFound; Forbidden unless the actor may edit it. */
async function requireEditableRow(actor: Actor, id: string): Promise<AgreementRow> {
  const row = await findAgreementRow(id, { fresh: true });
  if (!row) throw new NotFoundError("agreements.notFound");
  const partyCodes = row.parties.map((p) => p.regionCode);
  if (!canEditAgreement(actor, partyCodes)) throw new ForbiddenError("agreements.notAParty");
  return row;
}

export async function updateAgreement(actor: Actor, id: string, rawInput: unknown) {
  requireOfficer(actor);
  const parsed = parseInput(updateAgreementSchema, rawInput);
  const current = await requireEditableRow(actor, id);
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

  checkMerged(input, current);
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
      const beforeCodes = await replaceLists(tx, id, input);
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
  const current = await requireEditableRow(actor, id);
  const partyCodes = current.parties.map((p) => p.regionCode);
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
