// The status and service commands on one institution (changeStatus, openService, closeService)
// and the shape every single-institution command shares (runVersionedCommand): load, check,
// file a change request under maker-checker or apply under lock. service.ts holds create,
// update and the approval of change requests.
import { prisma, type Tx } from "../db/client";
import { dispatchCacheEvent } from "../db/events";
import type { Actor } from "../auth/actor";
import { actorLabel } from "../audit/service";
import { InvalidStateError, ValidationError } from "../errors";
import { parseInput } from "../validation";
import { CHRONIC_DISEASES, dateValue, serviceAllowedFor, sortDiseases, todayCn, type ServiceKind } from "./codes";
import { serviceValue, type HistoryInput } from "./plan";
import {
  changeStatusSchema,
  closeServiceSchema,
  openServiceSchema,
  type ChangeStatusInput,
  type CloseServiceInput,
  type OpenServiceInput,
} from "./schemas";
import { makerCheckerOn, requestChange, type ChangeKind as Kind } from "./maker-checker";
import { findInstitution } from "./queries";
import { z } from "zod";
import {
  type Loaded,
  type WriteBy,
  auditInstitution,
  bumpVersion,
  checkVersion,
  requireCurrent,
  requireEditor,
  requireRosterManager,
  writeHistory,
} from "./write-steps";
import type { WriteResult } from "./views";

// ---- Status ----------------------------------------------------------------------------------

export function prepareStatus(actor: Actor, current: Loaded, input: ChangeStatusInput) {
  requireEditor(actor, current.fields.regionCode);
  const today = todayCn();
  const effectiveOn = input.effectiveOn ?? today;
  if (effectiveOn > today) throw new ValidationError({ effectiveOn: [{ key: "facilities.validation.futureDate" }] });
  if (effectiveOn < current.statusSince) {
    throw new ValidationError({
      effectiveOn: [{ key: "facilities.validation.statusBeforeLast", params: { date: current.statusSince } }],
    });
  }
  if (current.status === "REVOKED") throw new InvalidStateError("facilities.revokedFinal");
  if (input.status === current.status) throw new InvalidStateError("facilities.sameStatus");
  return { effectiveOn, today };
}

export async function applyStatus(
  tx: Tx,
  current: Loaded,
  input: ChangeStatusInput,
  effectiveOn: string,
  by: WriteBy,
): Promise<void> {
  await bumpVersion(tx, current, {
    status: input.status,
    statusSince: dateValue(effectiveOn),
    statusReason: input.reason,
  });
  await tx.institutionStatusEvent.create({
    data: {
      institutionId: current.id,
      status: input.status,
      effectiveOn: dateValue(effectiveOn),
      reason: input.reason,
      actorName: actorLabel(by.actor),
    },
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
      await tx.institutionService.update({
        where: { id: s.id },
        data: { closedOn: dateValue(closedOn), closeReason: input.reason },
      });
      history.push({
        field: `services.${s.service}`,
        before: serviceValue(s),
        after: { closedOn, reason: input.reason },
      });
    }
  }
  await writeHistory(tx, current.id, by, "STATUS", history);
  await auditInstitution(
    tx,
    by,
    "STATUS_CHANGE",
    current,
    { status: current.status, since: current.statusSince },
    { status: input.status, since: effectiveOn, reason: input.reason },
  );
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
export async function runVersionedCommand<I extends { version: number }, P>(
  actor: Actor,
  code: string,
  rawInput: unknown,
  c: {
    schema: z.ZodType<I>;
    kind: Kind;
    prepare: (current: Loaded, input: I) => P | Promise<P>;
    /** Nothing to write: answer the institution as it is. */
    unchanged?: (prepared: P) => boolean;
    summary: (current: Loaded, input: I, prepared: P) => unknown;
    apply: (tx: Tx, locked: Loaded, input: I, prepared: P) => Promise<void>;
  },
): Promise<WriteResult> {
  requireRosterManager(actor);
  const input = parseInput(c.schema, rawInput);
  const current = await requireCurrent(prisma, code);
  requireEditor(actor, current.fields.regionCode);
  checkVersion(current, input.version);
  const prepared = await c.prepare(current, input);
  if (c.unchanged?.(prepared)) return { applied: true, institution: (await findInstitution(current.code))! };
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
    await c.apply(tx, locked, input, await c.prepare(locked, input));
  });
  dispatchCacheEvent("roster");
  return { applied: true, institution: (await findInstitution(current.code))! };
}

// ---- Services ----------------------------------------------------------------------------------

export function prepareOpen(actor: Actor, current: Loaded, input: OpenServiceInput) {
  requireEditor(actor, current.fields.regionCode);
  const today = todayCn();
  const openedOn = input.openedOn ?? today;
  const diseases =
    input.service === "CHRONIC" ? sortDiseases(input.diseases?.length ? input.diseases : CHRONIC_DISEASES) : [];
  if (current.status === "REVOKED") throw new InvalidStateError("facilities.revokedFinal");
  const open = current.openServices.find((s) => s.service === input.service);
  if (open && (input.service !== "CHRONIC" || open.diseases.join() === diseases.join())) {
    throw new InvalidStateError("facilities.serviceAlreadyOpen", { service: input.service });
  }
  if (!serviceAllowedFor(current.fields.type, input.service)) {
    throw new ValidationError({
      service: [{ key: "facilities.validation.serviceNotForType", params: { service: input.service } }],
    });
  }
  if (openedOn > today) throw new ValidationError({ openedOn: [{ key: "facilities.validation.futureDate" }] });
  if (openedOn < current.fields.designatedSince) {
    throw new ValidationError({
      openedOn: [{ key: "facilities.validation.serviceBeforeDesignation", params: { service: input.service } }],
    });
  }
  const lastClosed = current.lastClosedOn[input.service];
  if (lastClosed && openedOn < lastClosed) {
    throw new ValidationError({
      openedOn: [
        { key: "facilities.validation.overlapsPrevious", params: { service: input.service, date: lastClosed } },
      ],
    });
  }
  if (open) {
    if (openedOn < open.openedOn) {
      throw new ValidationError({
        openedOn: [
          { key: "facilities.validation.overlapsPrevious", params: { service: input.service, date: open.openedOn } },
        ],
      });
    }
  }
  return { openedOn, diseases, replaces: open ?? null };
}

export async function applyOpen(
  tx: Tx,
  current: Loaded,
  p: ReturnType<typeof prepareOpen>,
  service: ServiceKind,
  by: WriteBy,
): Promise<void> {
  await bumpVersion(tx, current);
  if (p.replaces) {
    await tx.institutionService.update({
      where: { id: p.replaces.id },
      data: { closedOn: dateValue(p.openedOn), closeReason: "病种范围调整" },
    });
  }
  await tx.institutionService.create({
    data: { institutionId: current.id, service, diseases: p.diseases, openedOn: dateValue(p.openedOn) },
  });
  const after = serviceValue({ service, openedOn: p.openedOn, diseases: p.diseases });
  await writeHistory(tx, current.id, by, "SERVICE", [
    { field: `services.${service}`, before: p.replaces ? serviceValue(p.replaces) : null, after },
  ]);
  const before = p.replaces ? { [service]: serviceValue(p.replaces) } : undefined;
  await auditInstitution(tx, by, "SERVICE_OPEN", current, before, { [service]: after });
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

export function prepareClose(actor: Actor, current: Loaded, input: CloseServiceInput) {
  requireEditor(actor, current.fields.regionCode);
  const today = todayCn();
  const closedOn = input.closedOn ?? today;
  const open = current.openServices.find((s) => s.service === input.service);
  if (!open) throw new InvalidStateError("facilities.serviceNotOpen", { service: input.service });
  if (closedOn > today) throw new ValidationError({ closedOn: [{ key: "facilities.validation.futureDate" }] });
  if (closedOn < open.openedOn)
    throw new ValidationError({
      closedOn: [{ key: "facilities.validation.closeBeforeOpen", params: { date: open.openedOn } }],
    });
  return { closedOn, open };
}

export async function applyClose(
  tx: Tx,
  current: Loaded,
  p: ReturnType<typeof prepareClose>,
  reason: string,
  by: WriteBy,
): Promise<void> {
  await bumpVersion(tx, current);
  await tx.institutionService.update({
    where: { id: p.open.id },
    data: { closedOn: dateValue(p.closedOn), closeReason: reason },
  });
  await writeHistory(tx, current.id, by, "SERVICE", [
    { field: `services.${p.open.service}`, before: serviceValue(p.open), after: { closedOn: p.closedOn, reason } },
  ]);
  await auditInstitution(
    tx,
    by,
    "SERVICE_CLOSE",
    current,
    { [p.open.service]: serviceValue(p.open) },
    { [p.open.service]: { closedOn: p.closedOn, reason } },
  );
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
