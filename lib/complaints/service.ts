// Writes on complaint tickets: create, transitions (state machine + optimistic version), comments,
// unmasking (audited), downtime notices, and the SLA sweep escalateOverdue(). Each write runs in
// one transaction with its audit record. Personal data: only masked forms leave this module
// except through unmaskComplainant(); nothing here passes personal data to the logger.
import { randomUUID } from "node:crypto";
import { prisma, type Tx } from "../db/client";
import type { Actor } from "../auth/actor";
import { canRecordDowntime, canUnmaskComplainant } from "../auth/policy";
import { recordAudit } from "../audit/service";
import { piiKeyring } from "../crypto/keyring";
import { ForbiddenError, ValidationError } from "../errors";
import { parseInput } from "../validation";
import { OPEN_STATES, otherSide, type State } from "./codes";
import { calendarFor } from "./calendar-data";
import { openIdentity, sealIdentity } from "./identity";
import { scrubPersonalData } from "./mask";
import { checkNewTicket, newTicketData, nextNumber } from "./new-ticket";
import type { OutboundMessage } from "./notifier";
import { deliver, handlersFor, notify, ownerHandlers, regionOf } from "./notify";
import { decideComplaintTransition, notifyTransition, persistTransition } from "./transition";
import { escalationRegion, transitionEffects } from "./transition-effects";
import { findVisibleTicket, standingOf, type TicketRow } from "./ticket-access";
import { slaTargets } from "./sla";
import { commentSchema, createComplaintSchema, createDowntimeSchema } from "./schemas";
import { requireAnyRole } from "../auth/require-role";

// ---- Create ---------------------------------------------------------------------------------

export async function createComplaint(actor: Actor, rawInput: unknown, now = new Date()) {
  requireAnyRole(actor, ["COMPLAINT_HANDLER"]);
  const input = parseInput(createComplaintSchema, rawInput);
  const { ownerSide, institutionName } = await checkNewTicket(actor, input);
  const cal = await calendarFor(actor.regionCode);
  const targets = slaTargets(input.category, input.priority);
  // The id is chosen here: the encrypted values are bound to their row (identity.ts).
  const id = randomUUID();
  const sealed = sealIdentity(piiKeyring(), id, {
    phone: input.complainantPhone ?? null,
    idNumber: input.complainantIdNumber ?? null,
  });
  const result = await prisma.$transaction(async (tx) => {
    const number = await nextNumber(tx, now);
    const ticket = await tx.complaint.create({
      data: newTicketData(actor, input, {
        id,
        number,
        ownerSide,
        institutionName,
        sealed,
        firstResponseDueAt: cal.addBusinessMinutes(now, targets.firstResponse),
        resolutionDueAt: cal.addBusinessMinutes(now, targets.resolution),
        now,
      }),
    });
    await recordAudit(tx, {
      actor,
      action: "CREATE",
      entityType: "Complaint",
      entityId: ticket.number,
      entityRegion: ticket.ownerRegionCode,
      after: auditView(ticket),
    });
    const other = otherSide(ownerSide);
    const messages = await notify(tx, await handlersFor(tx, regionOf(ticket, other)), "NEW_TICKET", ticket);
    return { ticket, messages };
  });
  await deliver(result.messages);
  return result.ticket;
}

/** What the audit log keeps of a ticket: no complainant data beyond the masked forms. */
function auditView(t: TicketRow) {
  return {
    number: t.number,
    state: t.state,
    category: t.category,
    priority: t.priority,
    channel: t.channel,
    homeRegionCode: t.homeRegionCode,
    visitRegionCode: t.visitRegionCode,
    institutionCode: t.institutionCode,
    settlementId: t.settlementId,
    complainantName: t.complainantNameMasked,
  };
}

// ---- Transitions ----------------------------------------------------------------------------

/**
 * Moves a ticket through the workflow: decide (checks and the rule) → the rule's effects on the
 * ticket and its SLA clocks (pure) → persist (one transaction with events, comments, audit and
 * the notifications' rows) → deliver the notifications after commit. See transition.ts.
 */
export async function transitionComplaint(actor: Actor, number: string, rawInput: unknown, now = new Date()) {
  const decided = await decideComplaintTransition(actor, number, rawInput);
  const { ticket: t, rule, input } = decided;
  const change = transitionEffects({
    ticket: t,
    action: rule.action,
    to: rule.to,
    side: decided.standing.side,
    byOwner: decided.standing.relation === "OWNER",
    actor,
    rootCause: input.rootCause ?? null,
    mergeTargetId: decided.mergeTarget?.id ?? null,
    now,
    calendar: await calendarFor(t.ownerRegionCode),
    targets: slaTargets(t.category, t.priority),
  });
  const result = await prisma.$transaction(async (tx) => {
    await persistTransition(tx, actor, decided, change, now);
    const messages = await notifyTransition(tx, decided, change);
    const updated = await tx.complaint.findUniqueOrThrow({ where: { id: t.id } });
    return { updated, messages };
  });
  await deliver(result.messages);
  return result.updated;
}

// ---- Comments -------------------------------------------------------------------------------

/**
 * Appends a note or a reply in its own short transaction. Comments never take part in the
 * version check, so no comment is lost however many transitions race with it.
 */
export async function addComment(actor: Actor, number: string, rawInput: unknown, now = new Date()) {
  requireAnyRole(actor, ["COMPLAINT_HANDLER"]);
  const input = parseInput(commentSchema, rawInput);
  const { ticket: t } = await findVisibleTicket(actor, number);
  const standing = standingOf(actor, t);
  if (!standing.handler) throw new ForbiddenError();
  // Only the owning bureau speaks to the complainant; the other bureau writes internal notes.
  if (!input.internal && standing.relation !== "OWNER") throw new ForbiddenError("complaints.repliesByOwner");
  const cal = await calendarFor(t.ownerRegionCode);
  return prisma.$transaction(async (tx) => {
    const comment = await tx.complaintComment.create({
      data: {
        complaintId: t.id,
        kind: input.internal ? "INTERNAL_NOTE" : "COMPLAINANT_REPLY",
        body: scrubPersonalData(input.body),
        authorId: actor.id,
        authorName: actor.displayName,
        authorRegion: actor.regionCode,
        at: now,
      },
    });
    // Clock fields only, without the version: an update from the awaited side restarts the
    // "next update" clock; a first reply to the complainant is the first response.
    if (input.internal && standing.side && t.state === "AWAITING_OTHER_BUREAU" && standing.side === t.awaitingSide) {
      await tx.complaint.updateMany({
        where: { id: t.id, state: "AWAITING_OTHER_BUREAU" },
        data: {
          nextUpdateDueAt: cal.addBusinessMinutes(now, slaTargets(t.category, t.priority).update),
          updateAlertedAt: null,
        },
      });
    }
    if (!input.internal) {
      await tx.complaint.updateMany({
        where: { id: t.id, firstRespondedAt: null },
        data: { firstRespondedAt: now, firstResponseMinutes: cal.businessMinutesBetween(t.createdAt, now) },
      });
    }
    await recordAudit(tx, {
      actor,
      action: input.internal ? "INTERNAL_NOTE" : "COMPLAINANT_REPLY",
      entityType: "Complaint",
      entityId: t.number,
      entityRegion: t.ownerRegionCode,
      after: { commentId: comment.id.toString() },
    });
    return {
      id: comment.id.toString(),
      internal: input.internal,
      body: comment.body,
      authorName: comment.authorName,
      authorRegion: comment.authorRegion,
      at: comment.at,
    };
  });
}

// ---- Unmask ---------------------------------------------------------------------------------

/** The complainant's clear phone and ID number (decrypted), for the owning bureau's handlers; audited. */
export async function unmaskComplainant(actor: Actor, number: string, ip: string | null = null) {
  const { ticket } = await findVisibleTicket(actor, number);
  if (!canUnmaskComplainant(actor, ticket)) throw new ForbiddenError("complaints.noUnmaskRight");
  return prisma.$transaction(async (tx) => {
    const identity = await tx.complaintIdentity.findUnique({ where: { complaintId: ticket.id } });
    await recordAudit(tx, {
      actor,
      action: "UNMASK",
      entityType: "Complaint",
      entityId: ticket.number,
      entityRegion: ticket.ownerRegionCode,
      after: { fields: ["complainantName", "complainantPhone", "complainantIdNumber"] },
      ip,
    });
    if (!identity) return { complainantName: "", complainantPhone: null, complainantIdNumber: null };
    const clear = openIdentity(piiKeyring(), ticket.id, identity);
    return { complainantName: identity.name, complainantPhone: clear.phone, complainantIdNumber: clear.idNumber };
  });
}

// ---- Downtime notices -----------------------------------------------------------------------

export async function createDowntime(actor: Actor, rawInput: unknown) {
  requireAnyRole(actor, ["COMPLAINT_HANDLER"]);
  const input = parseInput(createDowntimeSchema, rawInput);
  const region = await prisma.region.findUnique({
    where: { code: input.regionCode },
    select: { code: true, poolingArea: true },
  });
  if (!region) throw new ValidationError({ regionCode: [{ key: "complaints.badRegion" }] });
  if (!region.poolingArea) throw new ValidationError({ regionCode: [{ key: "complaints.notPoolingArea" }] });
  if (!canRecordDowntime(actor, input.regionCode))
    throw new ValidationError({ regionCode: [{ key: "complaints.notYourRegion" }] });
  return prisma.$transaction(async (tx) => {
    const row = await tx.downtimeWindow.create({
      data: {
        regionCode: input.regionCode,
        kind: input.kind,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        services: input.services,
        reason: input.reason,
        bureauId: actor.bureauId,
        createdById: actor.id,
        createdByName: actor.displayName,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "CREATE",
      entityType: "DowntimeWindow",
      entityId: row.id,
      entityRegion: row.regionCode,
      after: row,
    });
    return row;
  });
}

// ---- SLA sweep ------------------------------------------------------------------------------

const RUNNING = OPEN_STATES.filter((s) => s !== "AWAITING_COMPLAINANT") as State[];

/**
 * Raises each overdue clock once: first response, the other bureau's update, resolution. Each
 * is claimed with one UPDATE … WHERE alerted_at IS NULL RETURNING, so concurrent or repeated
 * sweeps never notify twice. Resolution breaches also notify the supervising bureau (the
 * escalation region's handlers): the SLA escalation. The workflow state is left to people.
 */
export async function escalateOverdue(
  now = new Date(),
): Promise<{ firstResponse: number; update: number; resolution: number }> {
  const [first, upd, res] = await Promise.all([
    prisma.complaint.findMany({
      where: { state: "NEW", firstRespondedAt: null, firstResponseDueAt: { lt: now }, firstResponseAlertedAt: null },
      select: { id: true },
    }),
    prisma.complaint.findMany({
      where: { state: "AWAITING_OTHER_BUREAU", nextUpdateDueAt: { lt: now }, updateAlertedAt: null },
      select: { id: true },
    }),
    prisma.complaint.findMany({
      where: { state: { in: RUNNING }, resolutionDueAt: { lt: now }, overdueAlertedAt: null },
      select: { id: true },
    }),
  ]);
  const counts = { firstResponse: 0, update: 0, resolution: 0 };
  // One short transaction per ticket: the claim and its notifications commit together, and a
  // large backlog never holds one long transaction.
  const each = async (id: string, column: AlertColumn, work: (tx: Tx, t: TicketRow) => Promise<OutboundMessage[]>) => {
    const messages = await prisma.$transaction(async (tx) => {
      const [t] = await claim(tx, [id], column, now);
      return t ? work(tx, t) : null;
    });
    if (messages) await deliver(messages);
    return messages !== null;
  };
  for (const { id } of first) {
    if (
      await each(id, "first_response_alerted_at", async (tx, t) =>
        notify(tx, await ownerHandlers(tx, t.ownerBureauId), "FIRST_RESPONSE_OVERDUE", t),
      )
    ) {
      counts.firstResponse++;
    }
  }
  for (const { id } of upd) {
    const done = await each(id, "update_alerted_at", async (tx, t) =>
      notify(tx, await handlersFor(tx, regionOf(t, t.awaitingSide ?? otherSide(t.ownerSide))), "UPDATE_OVERDUE", t),
    );
    if (done) counts.update++;
  }
  for (const { id } of res) {
    const done = await each(id, "overdue_alerted_at", async (tx, t) => {
      const esc = escalationRegion(t);
      const supervisor = await tx.bureau.findUnique({ where: { regionCode: esc }, select: { id: true } });
      const messages = await notify(
        tx,
        [...(await ownerHandlers(tx, t.ownerBureauId)), ...(t.assigneeId ? [t.assigneeId] : [])],
        "RESOLUTION_OVERDUE",
        t,
      );
      if (supervisor) messages.push(...(await notify(tx, await ownerHandlers(tx, supervisor.id), "SLA_ESCALATED", t)));
      await recordAudit(tx, {
        actor: null,
        action: "SLA_BREACH",
        entityType: "Complaint",
        entityId: t.number,
        entityRegion: t.ownerRegionCode,
        after: { escalatedTo: esc },
      });
      return messages;
    });
    if (done) counts.resolution++;
  }
  return counts;
}

type AlertColumn = "first_response_alerted_at" | "update_alerted_at" | "overdue_alerted_at";

async function claim(tx: Tx, ids: string[], column: AlertColumn, now: Date): Promise<TicketRow[]> {
  if (!ids.length) return [];
  // The column name is one of three literals above, never input.
  const claimed = await tx.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE complaint SET ${column} = $1 WHERE id = ANY($2::uuid[]) AND ${column} IS NULL RETURNING id::text AS id`,
    now,
    ids,
  );
  if (!claimed.length) return [];
  return tx.complaint.findMany({ where: { id: { in: claimed.map((c) => c.id) } } });
}

/** Marks the actor's notifications read (all, or the given ids). */
export async function markNotificationsRead(actor: Actor, ids?: string[]): Promise<number> {
  const { count } = await prisma.notification.updateMany({
    where: {
      userId: actor.id,
      readAt: null,
      ...(ids?.length ? { id: { in: ids.filter((i) => /^[0-9a-f-]{36}$/i.test(i)) } } : {}),
    },
    data: { readAt: new Date() },
  });
  return count;
}
