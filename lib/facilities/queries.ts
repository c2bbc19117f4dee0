// Reads of the roster. The roster is public information (canReadRoster): every signed-in user
// reads every region; the edges check the session. Lists are server-side filtered, sorted and
// paginated; the fragment search uses the GIN expression index on search_grams(search_text) and rechecks
// with LIKE on search_text, which works for Chinese whatever the database locale.
import { prisma, type Db } from "../db/client";
import { onReadClient } from "../db/replicas";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { canEditInstitution } from "../auth/policy";
import { regionParamPrefixes } from "../regions/groups/queries";
import { NotFoundError, ValidationError } from "../errors";
import { parseInput, safeParseInput } from "../validation";
import { requireAncestors } from "../regions/queries";
import { INSTITUTION_CODE_RE, isoDate, normalizeCode, parseDate, todayCn } from "./codes";
import { servicesOnDate, statusOnDate } from "./history";
import { historyQuerySchema, listInstitutionsSchema, type ListInstitutionsInput } from "./schemas";
import { toChangeView } from "./change-requests";
import {
  SORT_SQL,
  SUMMARY_COLUMNS,
  type SummaryRow,
  filterConditions,
  openServicesOf,
  orderBy,
  toSummary,
} from "./summary-sql";
import { type HistoryEntry, type InstitutionDetail, type InstitutionSummary, type ServicePeriodView } from "./views";

// ---- List and detail ---------------------------------------------------------------------

/**
 * One page of the roster for the grid or the API: `rawFilter` is the query (q, region, type,
 * level, grade, ownership, status, service, disease, sort, order, page, pageSize). Every
 * signed-in user may read every region.
 */
export async function listInstitutions(
  actor: Actor,
  rawFilter: unknown,
): Promise<{ total: number; page: number; pageSize: number; items: InstitutionSummary[] }> {
  const parsed = parseInput(listInstitutionsSchema, rawFilter);
  const f = { ...parsed, regionPrefixes: await regionParamPrefixes(actor, parsed.region, "region") };
  // A list: from a read replica when one is fit (lib/db/replicas.ts).
  return onReadClient(actor, (db) => listOn(db, f));
}

async function listOn(
  db: Db,
  f: ListInstitutionsInput,
): Promise<{ total: number; page: number; pageSize: number; items: InstitutionSummary[] }> {
  const where = filterConditions(f);
  const offset = (f.page - 1) * f.pageSize;
  if (f.q?.trim()) {
    // A search: the matching ids come from one bitmap scan of the bigram index, materialised,
    // then counted and paged. Left to itself the planner often walks the sort index and
    // filters row by row, which is slow for frequent fragments (its estimates for array
    // containment are poor).
    const keys = Prisma.join(
      [
        ...f.sort.map((k, i) => Prisma.sql`${SORT_SQL[k.field]} AS ${Prisma.raw(`k${i}`)}`),
        Prisma.sql`i.code AS ${Prisma.raw(`k${f.sort.length}`)}`,
      ],
      ", ",
    );
    const rows = await db.$queryRaw<(SummaryRow & { total: number })[]>`
      WITH m AS MATERIALIZED (SELECT i.id, ${keys} FROM institution i WHERE ${where}),
           p AS (SELECT id FROM m ORDER BY ${orderBy(f, (_, i) => Prisma.raw(`k${i}`))} LIMIT ${f.pageSize} OFFSET ${offset})
      SELECT ${SUMMARY_COLUMNS}, (SELECT count(*)::int FROM m) AS total
        FROM p JOIN institution i ON i.id = p.id JOIN region r ON r.code = i.region_code
       ORDER BY ${orderBy(f)}`;
    const total =
      rows[0]?.total ??
      (offset > 0
        ? ((await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM institution i WHERE ${where}`)[0]?.n ??
          0)
        : 0);
    const services = await openServicesOf(
      rows.map((r) => r.id),
      db,
    );
    return {
      total,
      page: f.page,
      pageSize: f.pageSize,
      items: rows.map((r) => toSummary(r, services.get(r.id) ?? [])),
    };
  }
  const [countRows, rows] = await Promise.all([
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM institution i WHERE ${where}`,
    db.$queryRaw<SummaryRow[]>`
      SELECT ${SUMMARY_COLUMNS}
        FROM institution i JOIN region r ON r.code = i.region_code
       WHERE ${where}
       ORDER BY ${orderBy(f)}
       LIMIT ${f.pageSize} OFFSET ${offset}`,
  ]);
  const services = await openServicesOf(
    rows.map((r) => r.id),
    db,
  );
  return {
    total: countRows[0]?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
    items: rows.map((r) => toSummary(r, services.get(r.id) ?? [])),
  };
}

/** The summary of the institution a typed code names (any case, spaces trimmed), or null. */
async function summaryOf(code: string): Promise<InstitutionSummary | null> {
  const c = normalizeCode(code);
  return INSTITUTION_CODE_RE.test(c) ? findInstitution(c) : null;
}

/** The summary of one institution, or null. */
export async function findInstitution(code: string): Promise<InstitutionSummary | null> {
  const c = normalizeCode(code);
  if (!INSTITUTION_CODE_RE.test(c)) return null;
  const rows = await prisma.$queryRaw<SummaryRow[]>`
    SELECT ${SUMMARY_COLUMNS} FROM institution i JOIN region r ON r.code = i.region_code WHERE i.code = ${c}`;
  const row = rows[0];
  if (!row) return null;
  return toSummary(row, (await openServicesOf([row.id])).get(row.id) ?? []);
}

/** The institution or NotFound. */
async function requireSummary(code: string): Promise<InstitutionSummary> {
  const found = await summaryOf(code);
  if (!found) throw new NotFoundError("facilities.notFound", { code });
  return found;
}

async function servicePeriodsOf(id: string): Promise<ServicePeriodView[]> {
  const rows = await prisma.institutionService.findMany({
    where: { institutionId: id },
    orderBy: [{ openedOn: "desc" }, { createdAt: "desc" }],
  });
  return rows.map((s) => ({
    id: s.id,
    service: s.service,
    diseases: s.diseases,
    openedOn: isoDate(s.openedOn),
    closedOn: s.closedOn ? isoDate(s.closedOn) : null,
    closeReason: s.closeReason,
  }));
}

/** A history row as the API shows it (the row's bigint id as a string). */
function toHistoryEntry(h: Omit<HistoryEntry, "id"> & { id: bigint }): HistoryEntry {
  return {
    id: h.id.toString(),
    at: h.at,
    actorName: h.actorName,
    requestedBy: h.requestedBy,
    source: h.source,
    field: h.field,
    before: h.before ?? null,
    after: h.after ?? null,
    changeRequestId: h.changeRequestId,
    importId: h.importId,
  };
}

/**
 * Everything the detail page shows: the institution, its region path, every service period,
 * status events, the latest 50 history entries, and — for roster managers whose scope covers
 * it — its pending changes.
 */
export async function getInstitution(actor: Actor, code: string): Promise<InstitutionDetail | null> {
  const inst = await summaryOf(code);
  return inst && detailWithHistory(actor, inst);
}

/** getInstitution, or NotFound. */
export async function requireInstitution(actor: Actor, code: string): Promise<InstitutionDetail> {
  return detailWithHistory(actor, await requireSummary(code));
}

async function detailWithHistory(actor: Actor, inst: InstitutionSummary): Promise<InstitutionDetail> {
  const [{ statusRows: _rows, ...detail }, history] = await Promise.all([
    detailOf(actor, inst),
    historyPage(inst.id, { page: 1, pageSize: 50 }),
  ]);
  return { ...detail, history: history.items, historyTotal: history.total };
}

/** The record with its region path, services, dated status changes and pending changes (one lookup of the institution). */
async function detailOf(
  actor: Actor,
  inst: InstitutionSummary,
): Promise<Omit<InstitutionDetail, "history" | "historyTotal"> & { statusRows: StatusRow[] }> {
  const canEdit = canEditInstitution(actor, inst.region.code);
  const [path, servicePeriods, events, pending] = await Promise.all([
    requireAncestors(inst.region.code),
    servicePeriodsOf(inst.id),
    prisma.institutionStatusEvent.findMany({
      where: { institutionId: inst.id },
      orderBy: [{ effectiveOn: "desc" }, { id: "desc" }],
    }),
    canEdit
      ? prisma.institutionChangeRequest.findMany({
          where: { institutionId: inst.id, state: "PENDING" },
          orderBy: { createdAt: "asc" },
        })
      : Promise.resolve([]),
  ]);
  return {
    ...inst,
    regionPath: path.filter((r) => r.level !== "NATION").map((r) => ({ code: r.code, name: r.name })),
    servicePeriods,
    statusEvents: events.map((e) => ({
      status: e.status,
      effectiveOn: isoDate(e.effectiveOn),
      reason: e.reason,
      actorName: e.actorName,
      at: e.createdAt,
    })),
    statusRows: events,
    pendingChanges: pending.map((c) => toChangeView(c, inst.name)),
    canEdit,
  };
}

type StatusRow = Awaited<ReturnType<typeof prisma.institutionStatusEvent.findMany>>[number];

async function historyPage(institutionId: string, paging: { page: number; pageSize: number }) {
  const [total, rows] = await Promise.all([
    prisma.institutionHistory.count({ where: { institutionId } }),
    prisma.institutionHistory.findMany({
      where: { institutionId },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (paging.page - 1) * paging.pageSize,
      take: paging.pageSize,
    }),
  ]);
  return { total, page: paging.page, pageSize: paging.pageSize, items: rows.map(toHistoryEntry) };
}

/** One page of an institution's field-level history, newest first. */
export async function listInstitutionHistory(_actor: Actor, code: string, rawPaging: unknown) {
  const paging = parseInput(historyQuerySchema, rawPaging);
  const inst = await requireSummary(code);
  return historyPage(inst.id, paging);
}

function parseOnDate(date: string | undefined): string {
  const on = date === undefined ? todayCn() : parseDate(date);
  if (!on || (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date.trim()))) {
    throw new ValidationError({ on: [{ key: "facilities.validation.date" }] });
  }
  return on;
}

function onDateOf(code: string, on: string, periods: ServicePeriodView[], events: StatusRow[]) {
  return {
    code,
    date: on,
    status: statusOnDate(
      events.map((e) => ({
        status: e.status,
        effectiveOn: isoDate(e.effectiveOn),
        reason: e.reason,
        seq: Number(e.id),
      })),
      on,
    ),
    services: servicesOnDate(periods, on),
  };
}

/** An institution's status and services on a date (today by default). */
export async function servicesOn(code: string, date?: string) {
  const on = parseOnDate(date);
  const inst = await requireSummary(code);
  const [periods, events] = await Promise.all([
    servicePeriodsOf(inst.id),
    prisma.institutionStatusEvent.findMany({ where: { institutionId: inst.id } }),
  ]);
  return onDateOf(inst.code, on, periods, events);
}

/**
 * Everything the institution page shows, with one lookup of the institution and each table read
 * once: the record, a page of its history (an invalid page falls back to the first) and its
 * services on `date` (an invalid date answers `onDate: { ok: false }`).
 */
export async function getInstitutionPage(actor: Actor, code: string, rawPaging: unknown, date: string | undefined) {
  const inst = await summaryOf(code);
  if (!inst) return null;
  const paging = safeParseInput(historyQuerySchema, rawPaging);
  const [detail, history] = await Promise.all([
    detailOf(actor, inst),
    historyPage(inst.id, paging.success ? paging.data : { page: 1, pageSize: 10 }),
  ]);
  let onDate: ({ ok: true } & ReturnType<typeof onDateOf>) | { ok: false };
  try {
    onDate = { ok: true, ...onDateOf(inst.code, parseOnDate(date), detail.servicePeriods, detail.statusRows) };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    onDate = { ok: false };
  }
  const { statusRows: _rows, ...rest } = detail;
  return { inst: { ...rest, history: [], historyTotal: history.total } satisfies InstitutionDetail, history, onDate };
}
