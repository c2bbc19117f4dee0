// Reads of complaint tickets, scoped in SQL to the actor's region: a ticket is visible when the
// actor's bureau region covers its home or its visit region (lib/auth/policy complaintRelation).
// The complainant's clear data (complaint_identity) is never read here; see service.unmask. A search
// may match its keyed hashes (identity.ts identitySearch).
import { prisma } from "../db/client";
import { onReadClient } from "../db/replicas";
import { regionNames } from "../regions/names";
import { bureauRefs } from "../bureaus/queries";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { regionPrefix } from "../auth/roles";
import { parseInput } from "../validation";
import { beijingDay, beijingDayEnd, beijingDayStart } from "../time/beijing";
import { type RootCause, type Side, type State } from "./codes";
import { calendarFor, calendarsFor } from "./calendar-data";
import { slaView, type SlaView } from "./sla";
import { listComplaintsSchema, listDowntimesSchema } from "./schemas";
import { listSql, orderSql, QUEUES, queueSql, scopeSql, TICKET_COLUMNS, type Queue } from "./queue-sql";
import { availableTransitions } from "./workflow";
import { findVisibleTicket, standingOf, visibleTicket, type TicketRow, type VisibleTicket } from "./ticket-access";
import { requireAnyRole } from "../auth/require-role";
import { COMPLAINT_READER_ROLES } from "../auth/policy";
import { withRegionPrefixes } from "./list-where";

export interface ComplaintSummary {
  number: string;
  state: State;
  channel: TicketRow["channel"];
  category: TicketRow["category"];
  priority: TicketRow["priority"];
  complainantName: string;
  homeRegion: { code: string; name: string };
  visitRegion: { code: string; name: string };
  ownerBureau: { id: string; name: string; nameEn: string; regionCode: string };
  ownerSide: Side;
  awaitingSide: Side | null;
  institutionCode: string | null;
  institutionName: string | null;
  rootCause: RootCause | null;
  sla: SlaView;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export { regionNames };

export async function toSummaries(rows: TicketRow[], now = new Date()): Promise<ComplaintSummary[]> {
  const [names, bureauById, calendars] = await Promise.all([
    regionNames(rows.flatMap((r) => [r.homeRegionCode, r.visitRegionCode])),
    bureauRefs(),
    calendarsFor(rows.map((r) => r.ownerRegionCode)),
  ]);
  return rows.map((r) => ({
    number: r.number,
    state: r.state,
    channel: r.channel,
    category: r.category,
    priority: r.priority,
    complainantName: r.complainantNameMasked,
    homeRegion: { code: r.homeRegionCode, name: names.get(r.homeRegionCode) ?? r.homeRegionCode },
    visitRegion: { code: r.visitRegionCode, name: names.get(r.visitRegionCode) ?? r.visitRegionCode },
    ownerBureau: bureauById.get(r.ownerBureauId) ?? {
      id: r.ownerBureauId,
      name: "",
      nameEn: "",
      regionCode: r.ownerRegionCode,
    },
    ownerSide: r.ownerSide,
    awaitingSide: r.awaitingSide,
    institutionCode: r.institutionCode,
    institutionName: r.institutionName,
    rootCause: r.rootCause,
    sla: slaView(r, now, calendars.get(r.ownerRegionCode)!, beijingDay),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  }));
}

/** One page of a queue. Handlers and administrators only; third regions see nothing. */
export async function listComplaints(actor: Actor, rawInput: unknown, now = new Date()) {
  requireAnyRole(actor, COMPLAINT_READER_ROLES);
  const input = await withRegionPrefixes(actor, parseInput(listComplaintsSchema, rawInput));
  const where = listSql(actor, input, now);
  const offset = (input.page - 1) * input.pageSize;
  // A list: the page and its total in one query (queue-sql.ts), from a read replica when one is fit.
  const { total, rows } = await onReadClient(actor, async (db) => {
    const page = await db.$queryRaw<(TicketRow & { total: number })[]>`
      SELECT ${TICKET_COLUMNS}, count(*) OVER ()::int AS total FROM complaint c WHERE ${where}
       ORDER BY ${orderSql(input.queue)} LIMIT ${input.pageSize} OFFSET ${offset}`;
    // Past the last page there is no row to carry the total.
    const n =
      page[0]?.total ??
      (offset > 0
        ? (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM complaint c WHERE ${where}`)[0]!.n
        : 0);
    return { total: n, rows: page.map(({ total: _t, ...row }) => row as TicketRow) };
  });
  return { total, page: input.page, pageSize: input.pageSize, items: await toSummaries(rows, now) };
}

/** Counts for the queue tabs: one query (queue-sql.ts), from a read replica when one is fit. */
export async function queueCounts(actor: Actor, now = new Date()): Promise<Record<Queue, number>> {
  requireAnyRole(actor, COMPLAINT_READER_ROLES);
  const cond = queueSql(actor, now);
  const counts = Prisma.join(
    QUEUES.map((q) => Prisma.sql`count(*) FILTER (WHERE ${cond[q]})::int`),
    ", ",
  );
  const rows = await onReadClient(
    actor,
    (db) => db.$queryRaw<{ n: number[] }[]>`SELECT ARRAY[${counts}] AS n FROM complaint c WHERE ${scopeSql(actor)}`,
  );
  return Object.fromEntries(QUEUES.map((q, i) => [q, rows[0]!.n[i]!])) as Record<Queue, number>;
}

// ---- Downtime windows ----------------------------------------------------------------------

export interface DowntimeView {
  id: string;
  region: { code: string; name: string };
  kind: "PLANNED" | "UNPLANNED";
  startsAt: Date;
  endsAt: Date;
  services: string[];
  reason: string;
  createdByName: string;
  createdAt: Date;
}

type DowntimeRow = Prisma.DowntimeWindowGetPayload<object>;

async function toDowntimeViews(rows: DowntimeRow[]): Promise<DowntimeView[]> {
  const names = await regionNames(rows.map((r) => r.regionCode));
  return rows.map((r) => ({
    id: r.id,
    region: { code: r.regionCode, name: names.get(r.regionCode) ?? r.regionCode },
    kind: r.kind,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    services: r.services,
    reason: r.reason,
    createdByName: r.createdByName,
    createdAt: r.createdAt,
  }));
}

/**
 * Downtime notices are public among bureaus (the national app shows every pooling area's
 * windows): any handler or administrator reads all of them.
 */
export async function listDowntimes(actor: Actor, rawInput: unknown, now = new Date()): Promise<DowntimeView[]> {
  const where = downtimeWhere(actor, rawInput, now);
  const rows = await prisma.downtimeWindow.findMany({ where, orderBy: [{ startsAt: "asc" }], take: 500 });
  return toDowntimeViews(rows);
}

/** The same windows as a page (the API's list envelope): `{ total, page, pageSize, items }`. */
export async function pageDowntimes(
  actor: Actor,
  rawInput: unknown,
  now = new Date(),
  order: "asc" | "desc" = "asc",
): Promise<{ total: number; page: number; pageSize: number; items: DowntimeView[] }> {
  const where = downtimeWhere(actor, rawInput, now);
  const { page, pageSize } = parseInput(listDowntimesSchema, rawInput);
  const [total, rows] = await Promise.all([
    prisma.downtimeWindow.count({ where }),
    prisma.downtimeWindow.findMany({
      where,
      orderBy: [{ startsAt: order }, { id: order }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { total, page, pageSize, items: await toDowntimeViews(rows) };
}

function downtimeWhere(actor: Actor, rawInput: unknown, now: Date): Prisma.DowntimeWindowWhereInput {
  requireAnyRole(actor, COMPLAINT_READER_ROLES);
  const input = parseInput(listDowntimesSchema, rawInput);
  const and: Prisma.DowntimeWindowWhereInput[] = [];
  if (input.when === "CURRENT") and.push({ startsAt: { lte: now }, endsAt: { gt: now } });
  if (input.when === "UPCOMING") and.push({ startsAt: { gt: now } });
  if (input.when === "RECENT") and.push({ endsAt: { lte: now, gt: new Date(now.getTime() - 30 * 86_400_000) } });
  if (input.region) and.push({ regionCode: { startsWith: regionPrefix(input.region) } });
  if (input.from) and.push({ endsAt: { gt: beijingDayStart(input.from) } });
  if (input.to) and.push({ startsAt: { lt: beijingDayEnd(input.to) } });
  return { AND: and };
}

/** Windows of the ticket's home or visit region (or a region above) covering its settlement time. */
export async function downtimesForTicket(t: TicketRow): Promise<(DowntimeView & { side: Side })[]> {
  if (!t.settlementAt) return [];
  const candidates = (code: string) => [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`];
  const rows = await prisma.downtimeWindow.findMany({
    where: {
      regionCode: { in: [...candidates(t.homeRegionCode), ...candidates(t.visitRegionCode)] },
      startsAt: { lte: t.settlementAt },
      endsAt: { gte: t.settlementAt },
    },
    orderBy: { startsAt: "asc" },
  });
  const views = await toDowntimeViews(rows);
  return views.map((v) => ({ ...v, side: candidates(t.homeRegionCode).includes(v.region.code) ? "HOME" : "VISIT" }));
}

/** A home-region window at the settlement time points to the matching root cause. */
export function suggestedRootCause(windows: { side: Side }[]): RootCause | null {
  return windows.some((w) => w.side === "HOME") ? "HOME_REGION_DOWNTIME" : null;
}

// ---- Detail ---------------------------------------------------------------------------------

interface TicketHistory {
  events: {
    action: string;
    fromState: State | null;
    toState: State;
    note: string | null;
    rootCause: RootCause | null;
    actorName: string;
    actorRegion: string | null;
    at: string;
  }[];
  comments: {
    id: string;
    kind: "INTERNAL_NOTE" | "COMPLAINANT_REPLY";
    body: string;
    authorName: string;
    authorRegion: string | null;
    at: string;
  }[];
  merged: string | null;
  duplicates: string[];
}

/** A ticket's events, comments (oldest first), the ticket it was merged into and its duplicates: one query. */
async function ticketHistory(ticket: TicketRow): Promise<TicketHistory> {
  const rows = await prisma.$queryRaw<TicketHistory[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('action', e.action, 'fromState', e.from_state, 'toState', e.to_state, 'note', e.note,
                  'rootCause', e.root_cause, 'actorName', e.actor_name, 'actorRegion', e.actor_region, 'at', e.at) ORDER BY e.at, e.id), '[]')
         FROM complaint_event e WHERE e.complaint_id = ${ticket.id}::uuid) AS events,
      (SELECT coalesce(json_agg(json_build_object('id', m.id::text, 'kind', m.kind, 'body', m.body, 'authorName', m.author_name,
                  'authorRegion', m.author_region, 'at', m.at) ORDER BY m.at, m.id), '[]')
         FROM complaint_comment m WHERE m.complaint_id = ${ticket.id}::uuid) AS comments,
      (SELECT x.number FROM complaint x WHERE x.id = ${ticket.mergedIntoId}::uuid) AS merged,
      (SELECT coalesce(array_agg(d.number ORDER BY d.number), '{}') FROM complaint d WHERE d.merged_into_id = ${ticket.id}::uuid) AS duplicates`;
  return rows[0]!;
}

/** A ticket with its timeline, comments and downtimes, or null when the actor may not see it. */
export async function getComplaintDetail(actor: Actor, number: string, now = new Date()) {
  const found = await visibleTicket(actor, number);
  return found && detailOf(actor, found, now);
}

/** getComplaintDetail, or NotFound. */
export async function requireComplaintDetail(actor: Actor, number: string, now = new Date()) {
  return detailOf(actor, await findVisibleTicket(actor, number), now);
}

async function detailOf(actor: Actor, { ticket, relation }: VisibleTicket, now: Date) {
  const [summary] = await toSummaries([ticket], now);
  const [history, downtimes] = await Promise.all([ticketHistory(ticket), downtimesForTicket(ticket)]);
  const { events, comments, merged, duplicates } = history;
  const comment = (c: (typeof comments)[number]) => ({
    id: c.id,
    internal: c.kind === "INTERNAL_NOTE",
    body: c.body,
    authorName: c.authorName,
    authorRegion: c.authorRegion,
    at: new Date(c.at),
  });
  const standing = standingOf(actor, ticket);
  return {
    ...summary!,
    complainantPhone: ticket.phoneMasked,
    complainantIdNumber: ticket.idNumberMasked,
    unmasked: false,
    settlementId: ticket.settlementId,
    settlementAt: ticket.settlementAt,
    serviceType: ticket.serviceType,
    description: ticket.description,
    attachments: (ticket.attachments ?? []) as { name: string; mimeType?: string; size?: number; ref?: string }[],
    relation,
    escalatedToRegion: ticket.escalatedToRegion,
    mergedInto: merged,
    duplicates,
    events: events.map((e) => ({
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      note: e.note,
      rootCause: e.rootCause,
      actorName: e.actorName,
      actorRegion: e.actorRegion,
      at: new Date(e.at),
    })),
    internalNotes: comments.filter((c) => c.kind === "INTERNAL_NOTE").map(comment),
    replies: comments.filter((c) => c.kind === "COMPLAINANT_REPLY").map(comment),
    downtimes,
    suggestedRootCause: suggestedRootCause(downtimes),
    allowedTransitions: availableTransitions(standing, ticket).map((r) => ({
      to: r.to,
      action: r.action,
      requires: [...r.requires],
    })),
    ownerRegionCode: ticket.ownerRegionCode,
  };
}
export type ComplaintDetail = Awaited<ReturnType<typeof requireComplaintDetail>>;

// ---- Notifications ---------------------------------------------------------------------------

/** The actor's latest notifications and the unread count: one raw query (no query compilation on every queue page). */
export async function listNotifications(actor: Actor, { unreadOnly = false, take = 20 } = {}) {
  const rows = await prisma.$queryRaw<
    {
      id: string;
      kind: string;
      params: Record<string, string>;
      created_at: Date;
      read_at: Date | null;
      unread: number;
    }[]
  >`
    SELECT n.id::text AS id, n.kind, n.params, n.created_at, n.read_at,
           (SELECT count(*)::int FROM notification u WHERE u.user_id = ${actor.id}::uuid AND u.read_at IS NULL) AS unread
      FROM (SELECT 1) one
      LEFT JOIN LATERAL (
        SELECT * FROM notification x WHERE x.user_id = ${actor.id}::uuid AND (${!unreadOnly} OR x.read_at IS NULL)
         ORDER BY x.created_at DESC LIMIT ${take}
      ) n ON TRUE`;
  const unread = rows[0]?.unread ?? 0;
  return {
    unread,
    items: rows
      .filter((r) => r.id !== null)
      .map((r) => ({ id: r.id, kind: r.kind, params: r.params, createdAt: r.created_at, readAt: r.read_at })),
  };
}

/** Business calendar days kinds for a month (for the downtime calendar's shading). */
export async function calendarMonth(regionCode: string, month: string) {
  const cal = await calendarFor(regionCode);
  const [y, m] = month.split("-").map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: days }, (_, i) => {
    const day = `${month}-${String(i + 1).padStart(2, "0")}`;
    return { day, kind: cal.dayKind(day) };
  });
}

export async function getDowntimeView(id: string): Promise<DowntimeView | null> {
  const row = await prisma.downtimeWindow.findUnique({ where: { id } });
  return row ? (await toDowntimeViews([row]))[0]! : null;
}
