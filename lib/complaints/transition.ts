// The steps of a ticket transition around its pure effects (transition-effects.ts): decide (the
// checks, in the one order of decision 011, and the workflow rule), persist (the ticket under its
// version, events, comments, audit — one transaction), and the notifications of the step.
import type { Tx } from "../db/client";
import type { Actor } from "../auth/actor";
import { requireAnyRole } from "../auth/require-role";
import { recordAudit } from "../audit/service";
import {
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  RoleRequiredError,
  ValidationError,
  type FieldErrors,
} from "../errors";
import { parseInput } from "../validation";
import type { Side } from "./codes";
import { scrubPersonalData } from "./mask";
import type { OutboundMessage } from "./notifier";
import { handlersFor, notify, ownerHandlers, regionOf } from "./notify";
import { findVisibleTicket, standingOf, type TicketRow } from "./ticket-access";
import { transitionSchema } from "./schemas";
import type { TicketChange } from "./transition-effects";
import { decideTransition, type ActorStanding, type Requirement, type TransitionRule } from "./workflow";
import type { z } from "zod";

type TransitionInput = z.infer<typeof transitionSchema>;

export interface DecidedTransition {
  input: TransitionInput;
  ticket: TicketRow;
  standing: ActorStanding;
  rule: TransitionRule;
  mergeTarget: TicketRow | null;
}

const REQUIREMENT_FIELD: Record<Requirement, "note" | "rootCause" | "reply" | "mergeInto"> = {
  note: "note",
  rootCause: "rootCause",
  reply: "reply",
  mergeInto: "mergeInto",
};

/** Role 403 → body 400 → scope 404 → version 409 → state 422, then the rule's required fields. */
export async function decideComplaintTransition(
  actor: Actor,
  number: string,
  rawInput: unknown,
): Promise<DecidedTransition> {
  requireAnyRole(actor, ["COMPLAINT_HANDLER"]);
  const input = parseInput(transitionSchema, rawInput);
  const { ticket: t } = await findVisibleTicket(actor, number);
  if (input.version !== t.version) throw new ConflictError();
  const standing = standingOf(actor, t);
  const decision = decideTransition(standing, t, input.to, {
    merge: input.to === "CLOSED" && Boolean(input.mergeInto),
  });
  if (!decision.ok) {
    if (decision.reason === "state")
      throw new InvalidStateError("complaints.badTransition", { from: t.state, to: input.to });
    throw decision.reason === "role"
      ? new RoleRequiredError(["COMPLAINT_HANDLER"])
      : new ForbiddenError("complaints.notYourStep");
  }
  const rule = decision.rule;
  const missing: FieldErrors = {};
  for (const r of rule.requires)
    if (!input[REQUIREMENT_FIELD[r]]) missing[REQUIREMENT_FIELD[r]] = [{ key: "validation.required" }];
  if (Object.keys(missing).length) throw new ValidationError(missing);
  const mergeTarget = rule.action === "MERGE" ? await mergeTargetOf(actor, t, input.mergeInto!) : null;
  return { input, ticket: t, standing, rule, mergeTarget };
}

async function mergeTargetOf(actor: Actor, t: TicketRow, number: string): Promise<TicketRow> {
  const target = await findVisibleTicket(actor, number).catch(() => null);
  if (!target || target.ticket.id === t.id || target.ticket.state === "CLOSED") {
    throw new ValidationError({ mergeInto: [{ key: "complaints.badMergeTarget" }] });
  }
  return target.ticket;
}

/** The ticket under its version (a concurrent change is a conflict), its events, comments and audit. */
export async function persistTransition(
  tx: Tx,
  actor: Actor,
  d: DecidedTransition,
  change: TicketChange,
  now: Date,
): Promise<void> {
  const { ticket: t, input, rule, mergeTarget } = d;
  const { count } = await tx.complaint.updateMany({
    where: { id: t.id, version: input.version, state: t.state },
    data: { ...change, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  const by = { actorId: actor.id, actorName: actor.displayName, actorRegion: actor.regionCode, at: now };
  const note = input.note ? scrubPersonalData(input.note) : null;
  const reply = input.reply ? scrubPersonalData(input.reply) : null;
  await tx.complaintEvent.create({
    data: {
      complaintId: t.id,
      action: rule.action,
      fromState: t.state,
      toState: change.state,
      note,
      rootCause: input.rootCause ?? null,
      ...by,
    },
  });
  const author = { authorId: actor.id, authorName: actor.displayName, authorRegion: actor.regionCode, at: now };
  if (note)
    await tx.complaintComment.create({ data: { complaintId: t.id, kind: "INTERNAL_NOTE", body: note, ...author } });
  if (reply)
    await tx.complaintComment.create({
      data: { complaintId: t.id, kind: "COMPLAINANT_REPLY", body: reply, ...author },
    });
  if (mergeTarget) {
    await tx.complaintEvent.create({
      data: {
        complaintId: mergeTarget.id,
        action: "MERGED_IN",
        fromState: mergeTarget.state,
        toState: mergeTarget.state,
        note: t.number,
        ...by,
      },
    });
  }
  await recordAudit(tx, {
    actor,
    action: `TRANSITION_${rule.action}`,
    entityType: "Complaint",
    entityId: t.number,
    entityRegion: t.ownerRegionCode,
    before: { state: t.state, version: t.version },
    after: {
      state: change.state,
      version: t.version + 1,
      ...(input.rootCause && { rootCause: input.rootCause }),
      ...(mergeTarget && { mergedInto: mergeTarget.number }),
    },
  });
}

/** The notification rows of the step (in its transaction); the messages to deliver after commit. */
export async function notifyTransition(tx: Tx, d: DecidedTransition, change: TicketChange): Promise<OutboundMessage[]> {
  const { ticket: t, rule, standing } = d;
  if (rule.action === "HAND_OVER")
    return notify(tx, await handlersFor(tx, regionOf(t, change.awaitingSide as Side)), "HANDED_OVER", t);
  if (rule.action === "ESCALATE") {
    const bureau = await tx.bureau.findUnique({
      where: { regionCode: change.escalatedToRegion as string },
      select: { id: true },
    });
    return [
      ...(bureau ? await notify(tx, await ownerHandlers(tx, bureau.id), "ESCALATED", t) : []),
      ...(standing.relation !== "OWNER"
        ? await notify(tx, await ownerHandlers(tx, t.ownerBureauId), "ESCALATED", t)
        : []),
    ];
  }
  if (t.state === "AWAITING_OTHER_BUREAU" || rule.action === "RETURN")
    return notify(tx, await ownerHandlers(tx, t.ownerBureauId), "TAKEN_BACK", t);
  return [];
}
