// Writes on single institutions: create, update, status changes, opening and closing services,
// and applying an approved change request (the maker-checker workflow itself is maker-checker.ts). Each write runs in one transaction with its field-level history and its audit
// record; `version` guards against lost updates. Bulk import lives in import.ts.
import { prisma, type Tx } from "../db/client";
import { dispatchCacheEvent } from "../db/events";
import { mapPrismaError } from "../db/errors";
import type { Actor } from "../auth/actor";
import { actorLabel } from "../audit/service";
import { ConflictError, InvalidStateError } from "../errors";
import { parseInput } from "../validation";
import { dateValue, todayCn } from "./codes";
import { planHistory, planInstitution, REASONS, type ChangePlan, type InstitutionFields } from "./plan";
import {
  changeStatusSchema,
  closeServiceSchema,
  createInstitutionSchema,
  decideChangeSchema,
  institutionCommandSchema,
  openServiceSchema,
  updateInstitutionSchema,
  type CreateInstitutionInput,
  type UpdateInstitutionInput,
} from "./schemas";
import { lockPendingChange, makerCheckerOn, recordApproval, rejectChange, requestChange } from "./maker-checker";
import { findInstitution } from "./queries";
import { requireChangeRequest } from "./change-requests";
import type { InstitutionSummary, WriteResult } from "./views";
import { prismaData } from "./fields";
import {
  applyClose,
  applyOpen,
  applyStatus,
  changeStatus,
  closeService,
  openService,
  prepareClose,
  prepareOpen,
  prepareStatus,
  runVersionedCommand,
} from "./commands";
import {
  type Loaded,
  type WriteBy,
  auditInstitution,
  bumpVersion,
  checkRegion,
  checkVersion,
  issuesToError,
  requireCurrent,
  requireEditor,
  requireRosterManager,
  writeHistory,
} from "./write-steps";

// ---- Create --------------------------------------------------------------------------------

async function prepareCreate(actor: Actor, input: CreateInstitutionInput) {
  await checkRegion(input.regionCode);
  requireEditor(actor, input.regionCode);
  const today = todayCn();
  const { plan, issues } = planInstitution(
    input.code,
    null,
    {
      fields: {
        name: input.name,
        shortName: input.shortName ?? null,
        type: input.type,
        level: input.level,
        grade: input.grade ?? null,
        ownership: input.ownership,
        regionCode: input.regionCode,
        address: input.address ?? null,
        phone: input.phone ?? null,
        designatedSince: input.designatedSince,
      },
      status: "ACTIVE",
      services: input.services?.map((s) => ({ service: s.service, diseases: s.diseases, openedOn: s.openedOn })) ?? [],
    },
    today,
  );
  if (!plan) throw issuesToError(issues);
  const taken = await prisma.institution.findUnique({ where: { code: input.code }, select: { id: true } });
  if (taken)
    throw new ConflictError(
      "facilities.codeTaken",
      { code: input.code },
      { code: [{ key: "facilities.validation.codeTaken" }] },
    );
  return { plan, today };
}

async function applyCreate(tx: Tx, code: string, plan: ChangePlan, today: string, by: WriteBy): Promise<void> {
  const f = plan.fields;
  const created = await tx.institution.create({
    data: {
      code,
      ...prismaData(f),
      status: "ACTIVE",
      statusSince: dateValue(f.designatedSince),
      statusReason: null,
    },
    select: { id: true },
  });
  await tx.institutionStatusEvent.create({
    data: {
      institutionId: created.id,
      status: "ACTIVE",
      effectiveOn: dateValue(f.designatedSince),
      reason: REASONS.designated,
      actorName: actorLabel(by.actor),
    },
  });
  if (plan.open.length) {
    await tx.institutionService.createMany({
      data: plan.open.map((o) => ({
        institutionId: created.id,
        service: o.service,
        diseases: o.diseases,
        openedOn: dateValue(o.openedOn),
      })),
    });
  }
  await writeHistory(tx, created.id, by, "CREATE", planHistory(plan, null, today));
  await auditInstitution(tx, by, "CREATE", { code, fields: f }, undefined, { ...f, services: plan.open });
}

/**
 * Adds an institution to the roster (status ACTIVE from its designation date, optionally with
 * services). Roster managers only, in their region. Under maker-checker it becomes a pending
 * change. A code already used — even by a revoked institution — is a 409.
 */
export async function createInstitution(actor: Actor, rawInput: unknown): Promise<WriteResult> {
  // Order of checks (decision 011): role 403 → body 400 → scope 404/403 → version 409 → state 422.
  requireRosterManager(actor);
  const input = parseInput(createInstitutionSchema, rawInput);
  const { plan, today } = await prepareCreate(actor, input);
  if (await makerCheckerOn(actor)) {
    return requestChange(actor, "CREATE", {
      institutionId: null,
      code: input.code,
      regionCode: input.regionCode,
      payload: input,
      baseVersion: null,
      summary: plan.fields,
    });
  }
  try {
    await prisma.$transaction((tx) => applyCreate(tx, input.code, plan, today, { actor }));
    dispatchCacheEvent("roster");
  } catch (e) {
    mapCodeConflict(e, input.code);
  }
  return { applied: true, institution: (await findInstitution(input.code))! };
}

function mapCodeConflict(e: unknown, code: string): never {
  try {
    mapPrismaError(e);
  } catch (mapped) {
    if (mapped instanceof ConflictError)
      throw new ConflictError("facilities.codeTaken", { code }, { code: [{ key: "facilities.validation.codeTaken" }] });
    throw mapped;
  }
}

// ---- Update --------------------------------------------------------------------------------

function fieldsOf(input: UpdateInstitutionInput): Partial<InstitutionFields> {
  const { version: _v, ...rest } = input;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<InstitutionFields>;
}

async function prepareUpdate(actor: Actor, current: Loaded, input: UpdateInstitutionInput) {
  requireEditor(actor, current.fields.regionCode);
  if (input.regionCode && input.regionCode !== current.fields.regionCode) {
    await checkRegion(input.regionCode);
    requireEditor(actor, input.regionCode);
  }
  const today = todayCn();
  const { plan, issues } = planInstitution(current.code, current, { fields: fieldsOf(input) }, today);
  if (!plan) throw issuesToError(issues);
  return { plan, today };
}

async function applyUpdate(tx: Tx, current: Loaded, plan: ChangePlan, today: string, by: WriteBy): Promise<void> {
  const f = plan.fields;
  await bumpVersion(tx, current, prismaData(f));
  await writeHistory(tx, current.id, by, "EDIT", planHistory(plan, current, today));
  const before = Object.fromEntries(plan.fieldChanges.map((c) => [c.field, c.before]));
  const after = Object.fromEntries(plan.fieldChanges.map((c) => [c.field, c.after]));
  await auditInstitution(tx, by, "UPDATE", { code: current.code, fields: f }, before, after);
}

/**
 * Changes an institution's fields (not its code; status and services have their own
 * commands). `rawInput.version` is the version the caller read: a stale one is a 409. Outside
 * the actor's region → 403 (the roster is public, so existence is no secret). Under
 * maker-checker the edit waits for approval and the old values stand until then.
 */
export async function updateInstitution(actor: Actor, code: string, rawInput: unknown): Promise<WriteResult> {
  return runVersionedCommand(actor, code, rawInput, {
    schema: updateInstitutionSchema,
    kind: "UPDATE",
    prepare: (current, input) => prepareUpdate(actor, current, input),
    unchanged: (p) => !p.plan.changed.length,
    summary: (_current, _input, p) => p.plan.fieldChanges,
    apply: (tx, locked, _input, p) => applyUpdate(tx, locked, p.plan, p.today, { actor }),
  });
}

/** POST /institutions/{code}: { action: changeStatus | openService | closeService, … }. */
export async function runInstitutionCommand(actor: Actor, code: string, rawInput: unknown): Promise<WriteResult> {
  requireRosterManager(actor);
  const cmd = parseInput(institutionCommandSchema, rawInput);
  const current = await requireCurrent(prisma, code);
  requireEditor(actor, current.fields.regionCode);
  const { action, ...input } = cmd;
  if (action === "CHANGE_STATUS") return changeStatus(actor, code, input);
  if (action === "OPEN_SERVICE") return openService(actor, code, input);
  return closeService(actor, code, input);
}

// ---- Maker-checker -----------------------------------------------------------------------------

/**
 * The checker approves: the change is re-validated against the institution as it is now (a
 * different version than the maker saw is a 409 — reject it and let the maker redo it) and
 * applied in the same transaction, with the maker recorded in the history. IMPORT requests are
 * approved through import.ts (approveImportChange).
 */
export async function approveChange(
  actor: Actor,
  id: string,
  comment?: string,
): Promise<{ applied: true; code: string | null; institution: InstitutionSummary | null }> {
  const peek = /^[0-9a-f-]{36}$/i.test(id)
    ? await prisma.institutionChangeRequest.findUnique({ where: { id }, select: { kind: true } })
    : null;
  if (peek?.kind === "IMPORT") {
    const { approveImportChange } = await import("./import");
    await approveImportChange(actor, id, comment);
    return { applied: true, code: null, institution: null };
  }
  const code = await prisma.$transaction(
    async (tx) => {
      const req = await lockPendingChange(tx, actor, id);
      const by: WriteBy = { actor, requestedBy: { id: req.makerId, name: req.makerName }, changeRequestId: req.id };
      switch (req.kind) {
        case "CREATE": {
          const input = parseInput(createInstitutionSchema, req.payload);
          const { plan, today } = await prepareCreate(actor, input);
          try {
            await applyCreate(tx, input.code, plan, today, by);
          } catch (e) {
            mapCodeConflict(e, input.code);
          }
          break;
        }
        case "UPDATE": {
          const input = parseInput(updateInstitutionSchema, req.payload);
          const current = await lockAtBase(tx, req);
          const { plan, today } = await prepareUpdate(actor, current, input);
          await applyUpdate(tx, current, plan, today, by);
          break;
        }
        case "STATUS": {
          const input = parseInput(changeStatusSchema, req.payload);
          const current = await lockAtBase(tx, req);
          const { effectiveOn } = prepareStatus(actor, current, input);
          await applyStatus(tx, current, input, effectiveOn, by);
          break;
        }
        case "OPEN_SERVICE": {
          const input = parseInput(openServiceSchema, req.payload);
          const current = await lockAtBase(tx, req);
          await applyOpen(tx, current, prepareOpen(actor, current, input), input.service, by);
          break;
        }
        case "CLOSE_SERVICE": {
          const input = parseInput(closeServiceSchema, req.payload);
          const current = await lockAtBase(tx, req);
          await applyClose(tx, current, prepareClose(actor, current, input), input.reason, by);
          break;
        }
        default:
          throw new InvalidStateError("facilities.changeNotPending");
      }
      await recordApproval(tx, actor, req, comment);
      return req.code;
    },
    { timeout: 20_000 },
  );
  dispatchCacheEvent("roster");
  return { applied: true, code, institution: code ? await findInstitution(code) : null };
}

/** The institution a change request names, locked, still at the version its maker saw (else 409). */
async function lockAtBase(tx: Tx, req: { code: string | null; baseVersion: number | null }): Promise<Loaded> {
  const current = await requireCurrent(tx, req.code!, true);
  checkVersion(current, req.baseVersion);
  return current;
}

/** { decision: approve | reject, comment } — the API's single entry point for checkers. */
export async function decideChange(actor: Actor, id: string, rawInput: unknown) {
  requireRosterManager(actor);
  const input = parseInput(decideChangeSchema, rawInput);
  if (input.decision === "APPROVE") await approveChange(actor, id, input.comment);
  else await rejectChange(actor, id, input.comment ?? "");
  return requireChangeRequest(actor, id);
}
