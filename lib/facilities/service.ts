// Writes on single institutions: create, update, status changes, opening and closing services,
// and applying an approved change request (the maker-checker workflow itself is maker-checker.ts). Each write runs in one transaction with its field-level history and its audit
// record; `version` guards against lost updates. Bulk import lives in import.ts.
import { prisma, type Tx } from "../db/client";
import { dispatchCacheEvent } from "../db/events";
import { mapPrismaError } from "../db/errors";
import type { Prisma } from "../db/client";
import type { Actor } from "../auth/actor";
import { canEditInstitution } from "../auth/policy";
import { actorLabel, recordAudit } from "../audit/service";
import { ConflictError, ForbiddenError, InvalidStateError, NotFoundError, ValidationError, type FieldErrors } from "../errors";
import { parseInput } from "../validation";
import { getRegion } from "../regions/queries";
import {
  CHRONIC_DISEASES,
  INSTITUTION_CODE_RE,
  dateValue,
  isoDate,
  normalizeCode,
  serviceAllowedFor,
  sortDiseases,
  todayCn,
  type ServiceKind,
} from "./codes";
import { planHistory, planInstitution, REASONS, serviceValue, type ChangePlan, type CurrentInstitution, type HistoryInput, type InstitutionFields, type PlanIssue } from "./plan";
import {
  changeStatusSchema,
  closeServiceSchema,
  createInstitutionSchema,
  decideChangeSchema,
  institutionCommandSchema,
  openServiceSchema,
  updateInstitutionSchema,
  type ChangeStatusInput,
  type CloseServiceInput,
  type CreateInstitutionInput,
  type OpenServiceInput,
  type UpdateInstitutionInput,
} from "./schemas";
import { FIELD_SELECT, fieldsFromPrisma, prismaData } from "./fields";
import { lockPendingChange, makerCheckerOn, recordApproval, rejectChange, requestChange, type ChangeKind as Kind } from "./maker-checker";
import { findInstitution } from "./queries";
import { getChangeRequest } from "./change-requests";
import type { ChangeRequestView, InstitutionSummary } from "./views";
import { z } from "zod";
import { requireAnyRole } from "../auth/require-role";

/** Who applies a write: the actor, and under maker-checker the maker they approve for. */
export interface WriteBy {
  actor: Actor;
  requestedBy?: { id: string; name: string } | null;
  changeRequestId?: string | null;
}

export type WriteResult =
  | { applied: true; institution: InstitutionSummary }
  | { applied: false; pendingChangeId: string; changeRequest: ChangeRequestView };



// ---- Loading the current state -----------------------------------------------------------

interface Loaded extends CurrentInstitution {
  name: string;
}

async function loadCurrent(db: Tx, code: string, forUpdate = false): Promise<Loaded | null> {
  const c = normalizeCode(code);
  if (!INSTITUTION_CODE_RE.test(c)) return null;
  if (forUpdate) await db.$queryRaw`SELECT 1 FROM institution WHERE code = ${c} FOR UPDATE`;
  const row = await db.institution.findUnique({
    where: { code: c },
    select: {
      id: true,
      code: true,
      ...FIELD_SELECT,
      status: true,
      statusSince: true,
      version: true,
      services: { select: { id: true, service: true, diseases: true, openedOn: true, closedOn: true } },
    },
  });
  if (!row) return null;
  const lastClosedOn: Partial<Record<ServiceKind, string>> = {};
  for (const s of row.services) {
    if (!s.closedOn) continue;
    const d = isoDate(s.closedOn);
    if (!lastClosedOn[s.service] || d > lastClosedOn[s.service]!) lastClosedOn[s.service] = d;
  }
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    fields: fieldsFromPrisma(row),
    status: row.status,
    statusSince: isoDate(row.statusSince),
    openServices: row.services
      .filter((s) => !s.closedOn)
      .map((s) => ({ id: s.id, service: s.service, diseases: sortDiseases(s.diseases), openedOn: isoDate(s.openedOn) })),
    lastClosedOn,
    version: row.version,
  };
}

async function requireCurrent(db: Tx, code: string, forUpdate = false): Promise<Loaded> {
  const current = await loadCurrent(db, code, forUpdate);
  if (!current) throw new NotFoundError("facilities.notFound", { code });
  return current;
}

/** An institution's region: an existing city or county. */
async function checkRegion(regionCode: string): Promise<void> {
  const region = await getRegion(regionCode).catch(() => null);
  if (!region) throw new ValidationError({ regionCode: [{ key: "facilities.validation.unknownRegion", params: { code: regionCode } }] });
  if (region.level !== "CITY" && region.level !== "COUNTY") {
    throw new ValidationError({ regionCode: [{ key: "facilities.validation.regionLevel" }] });
  }
}

function requireRosterManager(actor: Actor): void {
  requireAnyRole(actor, ["ROSTER_MANAGER"]);
}

function requireEditor(actor: Actor, regionCode: string): void {
  requireRosterManager(actor);
  if (!canEditInstitution(actor, regionCode)) throw new ForbiddenError("facilities.outOfScope");
}

function issuesToError(issues: PlanIssue[]): ValidationError {
  const fe: FieldErrors = {};
  for (const i of issues) (fe[i.field] ??= []).push(i.message);
  return new ValidationError(fe);
}

function checkVersion(current: { version: number }, expected: number | null | undefined): void {
  if (expected != null && current.version !== expected) throw new ConflictError();
}

// ---- Writing history and audit ------------------------------------------------------------


async function writeHistory(tx: Tx, institutionId: string, by: WriteBy, source: string, entries: HistoryInput[]): Promise<void> {
  if (!entries.length) return;
  await tx.institutionHistory.createMany({
    data: entries.map((e) => ({
      institutionId,
      actorId: by.actor.id,
      actorName: actorLabel(by.actor),
      source,
      field: e.field,
      before: (e.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (e.after ?? undefined) as Prisma.InputJsonValue | undefined,
      changeRequestId: by.changeRequestId ?? null,
      requestedBy: by.requestedBy?.name ?? null,
    })),
  });
}

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
  if (taken) throw new ConflictError("facilities.codeTaken", { code: input.code }, { code: [{ key: "facilities.validation.codeTaken" }] });
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
    data: { institutionId: created.id, status: "ACTIVE", effectiveOn: dateValue(f.designatedSince), reason: REASONS.designated, actorName: actorLabel(by.actor) },
  });
  if (plan.open.length) {
    await tx.institutionService.createMany({
      data: plan.open.map((o) => ({ institutionId: created.id, service: o.service, diseases: o.diseases, openedOn: dateValue(o.openedOn) })),
    });
  }
  await writeHistory(tx, created.id, by, "CREATE", planHistory(plan, null, today));
  await recordAudit(tx, {
    actor: by.actor,
    action: "CREATE",
    entityType: "Institution",
    entityId: code,
    entityRegion: f.regionCode,
    after: { ...f, services: plan.open, ...(by.requestedBy && { requestedBy: by.requestedBy.name }) },
  });
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
    return requestChange(actor, "CREATE", { institutionId: null, code: input.code, regionCode: input.regionCode, payload: input, baseVersion: null, summary: plan.fields });
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
    if (mapped instanceof ConflictError) throw new ConflictError("facilities.codeTaken", { code }, { code: [{ key: "facilities.validation.codeTaken" }] });
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
  const { count } = await tx.institution.updateMany({
    where: { id: current.id, version: current.version },
    data: {
      ...prismaData(f),
      version: { increment: 1 },
    },
  });
  if (count === 0) throw new ConflictError();
  await writeHistory(tx, current.id, by, "EDIT", planHistory(plan, current, today));
  const before = Object.fromEntries(plan.fieldChanges.map((c) => [c.field, c.before]));
  const after = Object.fromEntries(plan.fieldChanges.map((c) => [c.field, c.after]));
  await recordAudit(tx, {
    actor: by.actor,
    action: "UPDATE",
    entityType: "Institution",
    entityId: current.code,
    entityRegion: f.regionCode,
    before,
    after: { ...after, ...(by.requestedBy && { requestedBy: by.requestedBy.name }) },
  });
}

/**
 * Changes an institution's fields (not its code; status and services have their own
 * commands). `rawInput.version` is the version the caller read: a stale one is a 409. Outside
 * the actor's region → 403 (the roster is public, so existence is no secret). Under
 * maker-checker the edit waits for approval and the old values stand until then.
 */
export async function updateInstitution(actor: Actor, code: string, rawInput: unknown): Promise<WriteResult> {
  requireRosterManager(actor);
  const input = parseInput(updateInstitutionSchema, rawInput);
  const current = await requireCurrent(prisma, code);
  requireEditor(actor, current.fields.regionCode);
  checkVersion(current, input.version);
  const { plan } = await prepareUpdate(actor, current, input);
  if (!plan.changed.length) return { applied: true, institution: (await findInstitution(current.code))! };
  if (await makerCheckerOn(actor)) {
    return requestChange(actor, "UPDATE", {
      institutionId: current.id,
      code: current.code,
      regionCode: current.fields.regionCode,
      payload: input,
      baseVersion: current.version,
      summary: plan.fieldChanges,
    });
  }
  await prisma.$transaction(async (tx) => {
    const locked = await requireCurrent(tx, current.code, true);
    checkVersion(locked, input.version);
    const again = await prepareUpdate(actor, locked, input);
    await applyUpdate(tx, locked, again.plan, again.today, { actor });
  });
  dispatchCacheEvent("roster");
  return { applied: true, institution: (await findInstitution(current.code))! };
}

// ---- Status ----------------------------------------------------------------------------------

function prepareStatus(actor: Actor, current: Loaded, input: ChangeStatusInput) {
  requireEditor(actor, current.fields.regionCode);
  const today = todayCn();
  const effectiveOn = input.effectiveOn ?? today;
  if (effectiveOn > today) throw new ValidationError({ effectiveOn: [{ key: "facilities.validation.futureDate" }] });
  if (effectiveOn < current.statusSince) {
    throw new ValidationError({ effectiveOn: [{ key: "facilities.validation.statusBeforeLast", params: { date: current.statusSince } }] });
  }
  if (current.status === "REVOKED") throw new InvalidStateError("facilities.revokedFinal");
  if (input.status === current.status) throw new InvalidStateError("facilities.sameStatus");
  return { effectiveOn, today };
}

async function applyStatus(tx: Tx, current: Loaded, input: ChangeStatusInput, effectiveOn: string, by: WriteBy): Promise<void> {
  const { count } = await tx.institution.updateMany({
    where: { id: current.id, version: current.version },
    data: { status: input.status, statusSince: dateValue(effectiveOn), statusReason: input.reason, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await tx.institutionStatusEvent.create({
    data: { institutionId: current.id, status: input.status, effectiveOn: dateValue(effectiveOn), reason: input.reason, actorName: actorLabel(by.actor) },
  });
  const history: HistoryInput[] = [
    {
      field: "status",
      before: { status: current.status, since: current.statusSince },
      after: { status: input.status, since: effectiveOn, reason: input.reason },
    },
  ];
  if (input.status === "REVOKED") {
    // Revocation ends every service (on the revocation date, or the day it opened if later).
    for (const s of current.openServices) {
      const closedOn = s.openedOn > effectiveOn ? s.openedOn : effectiveOn;
      await tx.institutionService.update({ where: { id: s.id }, data: { closedOn: dateValue(closedOn), closeReason: input.reason } });
      history.push({ field: `services.${s.service}`, before: serviceValue(s), after: { closedOn, reason: input.reason } });
    }
  }
  await writeHistory(tx, current.id, by, "STATUS", history);
  await recordAudit(tx, {
    actor: by.actor,
    action: "STATUS_CHANGE",
    entityType: "Institution",
    entityId: current.code,
    entityRegion: current.fields.regionCode,
    before: { status: current.status, since: current.statusSince },
    after: { status: input.status, since: effectiveOn, reason: input.reason, ...(by.requestedBy && { requestedBy: by.requestedBy.name }) },
  });
}

/**
 * Suspends, reactivates or revokes an institution from `effectiveOn` (default today; never in
 * the future nor before the last change) with a reason. REVOKED is final and closes every
 * open service.
 */
export async function changeStatus(actor: Actor, code: string, rawInput: unknown): Promise<WriteResult> {
  return runVersionedCommand(actor, code, rawInput, {
    schema: changeStatusSchema,
    kind: "STATUS",
    prepare: (current, input) => prepareStatus(actor, current, input),
    summary: (current, input) => ({
      before: { status: current.status },
      after: { status: input.status, effectiveOn: input.effectiveOn ?? todayCn(), reason: input.reason },
    }),
    apply: (tx, locked, input, p) => applyStatus(tx, locked, input, p.effectiveOn, { actor }),
  });
}

/**
 * The shape every single-institution command shares: load, check the editor and the version,
 * validate against the current record; under maker-checker file a change request, otherwise
 * re-load under lock, re-validate and apply in one transaction.
 */
async function runVersionedCommand<I extends { version: number }, P>(
  actor: Actor,
  code: string,
  rawInput: unknown,
  c: {
    schema: z.ZodType<I>;
    kind: Kind;
    prepare: (current: Loaded, input: I) => P;
    summary: (current: Loaded, input: I, prepared: P) => unknown;
    apply: (tx: Tx, locked: Loaded, input: I, prepared: P) => Promise<void>;
  },
): Promise<WriteResult> {
  requireRosterManager(actor);
  const input = parseInput(c.schema, rawInput);
  const current = await requireCurrent(prisma, code);
  requireEditor(actor, current.fields.regionCode);
  checkVersion(current, input.version);
  const prepared = c.prepare(current, input);
  if (await makerCheckerOn(actor)) {
    return requestChange(actor, c.kind, {
      institutionId: current.id,
      code: current.code,
      regionCode: current.fields.regionCode,
      payload: input,
      baseVersion: current.version,
      summary: c.summary(current, input, prepared),
    });
  }
  await prisma.$transaction(async (tx) => {
    const locked = await requireCurrent(tx, current.code, true);
    checkVersion(locked, input.version);
    await c.apply(tx, locked, input, c.prepare(locked, input));
  });
  dispatchCacheEvent("roster");
  return { applied: true, institution: (await findInstitution(current.code))! };
}

// ---- Services ----------------------------------------------------------------------------------

function prepareOpen(actor: Actor, current: Loaded, input: OpenServiceInput) {
  requireEditor(actor, current.fields.regionCode);
  const today = todayCn();
  const openedOn = input.openedOn ?? today;
  const diseases = input.service === "CHRONIC" ? sortDiseases(input.diseases?.length ? input.diseases : CHRONIC_DISEASES) : [];
  if (current.status === "REVOKED") throw new InvalidStateError("facilities.revokedFinal");
  const open = current.openServices.find((s) => s.service === input.service);
  if (open && (input.service !== "CHRONIC" || open.diseases.join() === diseases.join())) {
    throw new InvalidStateError("facilities.serviceAlreadyOpen", { service: input.service });
  }
  if (!serviceAllowedFor(current.fields.type, input.service)) {
    throw new ValidationError({ service: [{ key: "facilities.validation.serviceNotForType", params: { service: input.service } }] });
  }
  if (openedOn > today) throw new ValidationError({ openedOn: [{ key: "facilities.validation.futureDate" }] });
  if (openedOn < current.fields.designatedSince) {
    throw new ValidationError({ openedOn: [{ key: "facilities.validation.serviceBeforeDesignation", params: { service: input.service } }] });
  }
  const lastClosed = current.lastClosedOn[input.service];
  if (lastClosed && openedOn < lastClosed) {
    throw new ValidationError({ openedOn: [{ key: "facilities.validation.overlapsPrevious", params: { service: input.service, date: lastClosed } }] });
  }
  if (open) {
    if (openedOn < open.openedOn) {
      throw new ValidationError({ openedOn: [{ key: "facilities.validation.overlapsPrevious", params: { service: input.service, date: open.openedOn } }] });
    }
  }
  return { openedOn, diseases, replaces: open ?? null };
}

async function applyOpen(tx: Tx, current: Loaded, p: ReturnType<typeof prepareOpen>, service: ServiceKind, by: WriteBy): Promise<void> {
  const { count } = await tx.institution.updateMany({ where: { id: current.id, version: current.version }, data: { version: { increment: 1 } } });
  if (count === 0) throw new ConflictError();
  if (p.replaces) {
    await tx.institutionService.update({ where: { id: p.replaces.id }, data: { closedOn: dateValue(p.openedOn), closeReason: "病种范围调整" } });
  }
  await tx.institutionService.create({ data: { institutionId: current.id, service, diseases: p.diseases, openedOn: dateValue(p.openedOn) } });
  const after = serviceValue({ service, openedOn: p.openedOn, diseases: p.diseases });
  await writeHistory(tx, current.id, by, "SERVICE", [{ field: `services.${service}`, before: p.replaces ? serviceValue(p.replaces) : null, after }]);
  await recordAudit(tx, {
    actor: by.actor,
    action: "SERVICE_OPEN",
    entityType: "Institution",
    entityId: current.code,
    entityRegion: current.fields.regionCode,
    before: p.replaces ? { [service]: serviceValue(p.replaces) } : undefined,
    after: { [service]: after, ...(by.requestedBy && { requestedBy: by.requestedBy.name }) },
  });
}

/**
 * Opens a cross-region service from `openedOn` (default today). For an open CHRONIC service a
 * different disease list closes the current period and opens a new one on that date.
 */
export async function openService(actor: Actor, code: string, rawInput: unknown): Promise<WriteResult> {
  return runVersionedCommand(actor, code, rawInput, {
    schema: openServiceSchema,
    kind: "OPEN_SERVICE",
    prepare: (current, input) => prepareOpen(actor, current, input),
    summary: (_current, input, p) => ({ service: input.service, openedOn: p.openedOn, diseases: p.diseases }),
    apply: (tx, locked, input, p) => applyOpen(tx, locked, p, input.service, { actor }),
  });
}

function prepareClose(actor: Actor, current: Loaded, input: CloseServiceInput) {
  requireEditor(actor, current.fields.regionCode);
  const today = todayCn();
  const closedOn = input.closedOn ?? today;
  const open = current.openServices.find((s) => s.service === input.service);
  if (!open) throw new InvalidStateError("facilities.serviceNotOpen", { service: input.service });
  if (closedOn > today) throw new ValidationError({ closedOn: [{ key: "facilities.validation.futureDate" }] });
  if (closedOn < open.openedOn) throw new ValidationError({ closedOn: [{ key: "facilities.validation.closeBeforeOpen", params: { date: open.openedOn } }] });
  return { closedOn, open };
}

async function applyClose(tx: Tx, current: Loaded, p: ReturnType<typeof prepareClose>, reason: string, by: WriteBy): Promise<void> {
  const { count } = await tx.institution.updateMany({ where: { id: current.id, version: current.version }, data: { version: { increment: 1 } } });
  if (count === 0) throw new ConflictError();
  await tx.institutionService.update({ where: { id: p.open.id }, data: { closedOn: dateValue(p.closedOn), closeReason: reason } });
  await writeHistory(tx, current.id, by, "SERVICE", [
    { field: `services.${p.open.service}`, before: serviceValue(p.open), after: { closedOn: p.closedOn, reason } },
  ]);
  await recordAudit(tx, {
    actor: by.actor,
    action: "SERVICE_CLOSE",
    entityType: "Institution",
    entityId: current.code,
    entityRegion: current.fields.regionCode,
    before: { [p.open.service]: serviceValue(p.open) },
    after: { [p.open.service]: { closedOn: p.closedOn, reason }, ...(by.requestedBy && { requestedBy: by.requestedBy.name }) },
  });
}

/** Closes a service from `closedOn` (first day without it; default today) with a reason. */
export async function closeService(actor: Actor, code: string, rawInput: unknown): Promise<WriteResult> {
  return runVersionedCommand(actor, code, rawInput, {
    schema: closeServiceSchema,
    kind: "CLOSE_SERVICE",
    prepare: (current, input) => prepareClose(actor, current, input),
    summary: (_current, input, p) => ({ service: input.service, closedOn: p.closedOn, reason: input.reason }),
    apply: (tx, locked, input, p) => applyClose(tx, locked, p, input.reason, { actor }),
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
export async function approveChange(actor: Actor, id: string, comment?: string): Promise<{ applied: true; code: string | null; institution: InstitutionSummary | null }> {
  const peek = /^[0-9a-f-]{36}$/i.test(id) ? await prisma.institutionChangeRequest.findUnique({ where: { id }, select: { kind: true } }) : null;
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
          const current = await requireCurrent(tx, req.code!, true);
          checkVersion(current, req.baseVersion);
          const { plan, today } = await prepareUpdate(actor, current, input);
          await applyUpdate(tx, current, plan, today, by);
          break;
        }
        case "STATUS": {
          const input = parseInput(changeStatusSchema, req.payload);
          const current = await requireCurrent(tx, req.code!, true);
          checkVersion(current, req.baseVersion);
          const { effectiveOn } = prepareStatus(actor, current, input);
          await applyStatus(tx, current, input, effectiveOn, by);
          break;
        }
        case "OPEN_SERVICE": {
          const input = parseInput(openServiceSchema, req.payload);
          const current = await requireCurrent(tx, req.code!, true);
          checkVersion(current, req.baseVersion);
          await applyOpen(tx, current, prepareOpen(actor, current, input), input.service, by);
          break;
        }
        case "CLOSE_SERVICE": {
          const input = parseInput(closeServiceSchema, req.payload);
          const current = await requireCurrent(tx, req.code!, true);
          checkVersion(current, req.baseVersion);
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

/** { decision: approve | reject, comment } — the API's single entry point for checkers. */
export async function decideChange(actor: Actor, id: string, rawInput: unknown) {
  requireRosterManager(actor);
  const input = parseInput(decideChangeSchema, rawInput);
  if (input.decision === "APPROVE") await approveChange(actor, id, input.comment);
  else await rejectChange(actor, id, input.comment ?? "");
  return getChangeRequest(actor, id);
}
