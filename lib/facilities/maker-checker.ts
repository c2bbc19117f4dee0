// Maker-checker for roster changes (decision 005): when a bureau turns it on, a roster manager's
// change waits as a change request until a second roster manager of the same bureau approves or
// rejects it. This module holds the workflow — the bureau setting, filing a request, locking a
// pending one for a decision, the approval's bookkeeping, rejection. Applying an approved change
// is the writing module's job (service.ts approveChange, import.ts approveImportChange).
import { z } from "zod";
import { prisma, type Tx } from "../db/client";
import type { Prisma } from "../db/client";
import type { Actor } from "../auth/actor";
import { canDecideChangeRequest, canManageUsersOf } from "../auth/policy";
import { requireAnyRole } from "../auth/require-role";
import { actorLabel, recordAudit } from "../audit/service";
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "../errors";
import { parseInput, safeParseInput } from "../validation";
import { requireChangeRequest } from "./change-requests";
import type { ChangeRequestView } from "./views";

export type ChangeKind = "CREATE" | "UPDATE" | "STATUS" | "OPEN_SERVICE" | "CLOSE_SERVICE";

const UUID_RE = /^[0-9a-f-]{36}$/i;

/** Whether the actor's bureau runs maker-checker for roster changes. */
export async function makerCheckerOn(actor: Actor): Promise<boolean> {
  const b = await prisma.bureau.findUnique({ where: { id: actor.bureauId }, select: { makerChecker: true } });
  return b?.makerChecker ?? false;
}

/** Files a change as a pending request (audited); nothing changes on the institution yet. */
export async function requestChange(
  actor: Actor,
  kind: ChangeKind,
  c: {
    institutionId: string | null;
    code: string;
    regionCode: string;
    payload: unknown;
    baseVersion: number | null;
    summary: unknown;
  },
): Promise<{ applied: false; pendingChangeId: string; changeRequest: ChangeRequestView }> {
  const created = await prisma.$transaction(async (tx) => {
    const req = await tx.institutionChangeRequest.create({
      data: {
        kind,
        institutionId: c.institutionId,
        code: c.code,
        regionCode: c.regionCode,
        bureauId: actor.bureauId,
        makerId: actor.id,
        makerName: actorLabel(actor),
        payload: JSON.parse(JSON.stringify(c.payload)) as Prisma.InputJsonValue,
        baseVersion: c.baseVersion,
        summary: JSON.parse(JSON.stringify(c.summary ?? null)) as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "CHANGE_REQUESTED",
      entityType: "InstitutionChangeRequest",
      entityId: req.id,
      entityRegion: c.regionCode,
      after: { kind, code: c.code, payload: c.payload },
    });
    return req;
  });
  return { applied: false, pendingChangeId: created.id, changeRequest: await requireChangeRequest(actor, created.id) };
}

/** The pending request under lock, if this actor may decide it (never their own). */
export async function lockPendingChange(tx: Tx, actor: Actor, id: string) {
  if (!UUID_RE.test(id)) throw new NotFoundError("facilities.changeNotFound");
  await tx.$queryRaw`SELECT 1 FROM institution_change_request WHERE id = ${id}::uuid FOR UPDATE`;
  const req = await tx.institutionChangeRequest.findUnique({ where: { id } });
  if (!req) throw new NotFoundError("facilities.changeNotFound");
  if (req.state !== "PENDING") throw new InvalidStateError("facilities.changeNotPending");
  if (req.makerId === actor.id) throw new ForbiddenError("facilities.cannotApproveOwn");
  if (!canDecideChangeRequest(actor, req)) throw new ForbiddenError("facilities.notChecker");
  return req;
}

type PendingChange = Awaited<ReturnType<typeof lockPendingChange>>;

/** After the change was applied in `tx`: the request approved (a new institution linked) and audited. */
export async function recordApproval(
  tx: Tx,
  actor: Actor,
  req: PendingChange,
  comment: string | undefined,
): Promise<void> {
  await tx.institutionChangeRequest.update({
    where: { id: req.id },
    data: {
      state: "APPROVED",
      checkerId: actor.id,
      checkerName: actorLabel(actor),
      decidedAt: new Date(),
      comment: comment?.trim() || null,
      ...(req.kind === "CREATE" && { institution: { connect: { code: req.code! } } }),
    },
  });
  await recordAudit(tx, {
    actor,
    action: "CHANGE_APPROVED",
    entityType: "InstitutionChangeRequest",
    entityId: req.id,
    entityRegion: req.regionCode,
    after: { kind: req.kind, code: req.code, maker: req.makerName, comment: comment ?? null },
  });
}

/** The checker rejects with a comment; nothing changes on the institution. */
export async function rejectChange(actor: Actor, id: string, comment: string): Promise<ChangeRequestView> {
  const text = safeParseInput(z.string().trim().min(1).max(500), comment);
  if (!text.success) throw new ValidationError({ comment: [{ key: "facilities.validation.rejectNeedsComment" }] });
  await prisma.$transaction(async (tx) => {
    const req = await lockPendingChange(tx, actor, id);
    await tx.institutionChangeRequest.update({
      where: { id },
      data: {
        state: "REJECTED",
        checkerId: actor.id,
        checkerName: actorLabel(actor),
        decidedAt: new Date(),
        comment: text.data,
        file: null,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "CHANGE_REJECTED",
      entityType: "InstitutionChangeRequest",
      entityId: id,
      entityRegion: req.regionCode,
      after: { kind: req.kind, code: req.code, maker: req.makerName, comment: text.data },
    });
  });
  return requireChangeRequest(actor, id);
}

const makerCheckerSchema = z
  .object({ bureauId: z.uuid({ error: "validation.invalid" }), enabled: z.boolean({ error: "validation.invalid" }) })
  .strict();

/** Turns maker-checker on or off for a bureau's roster edits (admins of that bureau or above). */
export async function setMakerChecker(actor: Actor, rawInput: unknown): Promise<void> {
  requireAnyRole(actor, ["ADMIN"]);
  const input = parseInput(makerCheckerSchema, rawInput);
  const bureau = await prisma.bureau.findUnique({ where: { id: input.bureauId } });
  if (!bureau || !canManageUsersOf(actor, bureau.regionCode)) throw new NotFoundError();
  if (bureau.makerChecker === input.enabled) return;
  await prisma.$transaction(async (tx) => {
    await tx.bureau.update({
      where: { id: bureau.id },
      data: { makerChecker: input.enabled, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actor,
      action: "UPDATE",
      entityType: "Bureau",
      entityId: bureau.id,
      entityRegion: bureau.regionCode,
      before: { makerChecker: bureau.makerChecker },
      after: { makerChecker: input.enabled },
    });
  });
}
