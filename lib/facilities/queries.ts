// Reads of the roster. The roster is public information (canReadRoster): every signed-in user
// reads every region; the edges check the session. Lists are server-side filtered, sorted and
// paginated; the fragment search uses the GIN expression index on search_grams(search_text) and rechecks
// with LIKE on search_text, which works for Chinese whatever the database locale.
import { prisma, type Db } from "../db/client";
import { onReadClient } from "../db/replicas";
import { SharedCache } from "../cache/shared";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { canEditInstitution, canSeeChangeRequest } from "../auth/policy";
import { regionPrefix } from "../auth/roles";
import { regionParamPrefixes } from "../regions/groups/queries";
import { NotFoundError, ValidationError } from "../errors";
import { parseInput, safeParseInput } from "../validation";
import { getAncestors, getRegion, listChildren, listRegionsIn } from "../regions/queries";
import { beijingDayStart } from "../time/beijing";
import type { InstitutionFields } from "./fields";
import {
  CHRONIC_DISEASES,
  INSTITUTION_CODE_RE,
  INSTITUTION_STATUSES,
  INSTITUTION_TYPES,
  SERVICES,
  isoDate,
  normalizeCode,
  parseDate,
  todayCn,
  type ChronicDisease,
  type InstitutionGrade,
  type InstitutionLevel,
  type InstitutionStatus,
  type InstitutionType,
  type Ownership,
  type ServiceKind,
} from "./codes";
import { servicesOnDate, statusOnDate } from "./history";
import {
  historyQuerySchema,
  listChangesSchema,
  listInstitutionsSchema,
  type InstitutionFilter,
  type ListInstitutionsInput,
} from "./schemas";
import { requireAnyRole } from "../auth/require-role";

// ---- Shapes -------------------------------------------------------------------------------

export interface OpenServiceView {
  service: ServiceKind;
  diseases: ChronicDisease[];
  openedOn: string;
}

/** An institution as lists and pages show it: its fields (fields.ts), the region named, status and services. */
export interface InstitutionSummary extends Omit<InstitutionFields, "regionCode"> {
  id: string;
  code: string;
  region: { code: string; name: string };
  status: InstitutionStatus;
  statusSince: string;
  statusReason: string | null;
  services: OpenServiceView[];
  version: number;
  updatedAt: Date;
}

export interface ServicePeriodView {
  id: string;
  service: ServiceKind;
  diseases: ChronicDisease[];
  openedOn: string;
  closedOn: string | null;
  closeReason: string | null;
}

export interface HistoryEntry {
  id: string;
  at: Date;
  actorName: string;
  requestedBy: string | null;
  source: string;
  field: string;
  before: unknown;
  after: unknown;
  changeRequestId: string | null;
  importId: string | null;
}

export interface ChangeRequestView {
  id: string;
  kind: "CREATE" | "UPDATE" | "STATUS" | "OPEN_SERVICE" | "CLOSE_SERVICE" | "IMPORT";
  state: "PENDING" | "APPROVED" | "REJECTED";
  code: string | null;
  institutionName: string | null;
  regionCode: string;
  bureauId: string;
  makerId: string;
  makerName: string;
  payload: unknown;
  summary: unknown;
  baseVersion: number | null;
  checkerName: string | null;
  decidedAt: Date | null;
  comment: string | null;
  createdAt: Date;
}

export interface InstitutionDetail extends InstitutionSummary {
  regionPath: { code: string; name: string }[];
  servicePeriods: ServicePeriodView[];
  statusEvents: { status: InstitutionStatus; effectiveOn: string; reason: string; actorName: string; at: Date }[];
  history: HistoryEntry[];
  historyTotal: number;
  pendingChanges: ChangeRequestView[];
  canEdit: boolean;
}

// ---- SQL building blocks -----------------------------------------------------------------

interface SummaryRow {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  type: InstitutionType;
  level: InstitutionLevel;
  grade: InstitutionGrade | null;
  ownership: Ownership;
  region_code: string;
  region_name: string;
  address: string | null;
  phone: string | null;
  status: InstitutionStatus;
  status_since: string;
  status_reason: string | null;
  designated_since: string;
  version: number;
  updated_at: Date;
}

const SUMMARY_COLUMNS = Prisma.sql`
  i.id::text AS id, i.code, i.name, i.short_name, i.type::text AS type, i.level::text AS level, i.grade::text AS grade,
  i.ownership::text AS ownership, i.region_code, r.name AS region_name, i.address, i.phone, i.status::text AS status,
  to_char(i.status_since, 'YYYY-MM-DD') AS status_since, i.status_reason,
  to_char(i.designated_since, 'YYYY-MM-DD') AS designated_since, i.version, i.updated_at`;

/** LIKE pattern text with its wildcards escaped (backslash is LIKE's default escape). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The WHERE conditions of a roster filter (without "WHERE"), on alias `i`. */
export function filterConditions(f: Omit<InstitutionFilter, "sort" | "order">): Prisma.Sql {
  const conds: Prisma.Sql[] = [];
  const q = f.q?.trim();
  if (q) {
    // The bigram index needs two characters; one character is the LIKE alone (a scan).
    if ([...q].length >= 2) conds.push(Prisma.sql`search_grams(i.search_text) @> search_query_grams(lower(${q}))`);
    conds.push(Prisma.sql`i.search_text LIKE '%' || lower(${escapeLike(q)}) || '%'`);
  }
  const prefixes = f.regionPrefixes ?? (f.region ? [regionPrefix(f.region)] : null);
  if (prefixes && !prefixes.includes("")) conds.push(Prisma.sql`i.region_code LIKE ANY(${prefixes.map((p) => `${p}%`)}::text[])`);
  if (f.type?.length) conds.push(Prisma.sql`i.type::text = ANY(${f.type}::text[])`);
  if (f.level?.length) conds.push(Prisma.sql`i.level::text = ANY(${f.level}::text[])`);
  if (f.grade?.length) conds.push(Prisma.sql`i.grade::text = ANY(${f.grade}::text[])`);
  if (f.ownership?.length) conds.push(Prisma.sql`i.ownership::text = ANY(${f.ownership}::text[])`);
  if (f.status?.length) conds.push(Prisma.sql`i.status::text = ANY(${f.status}::text[])`);
  for (const s of f.service ?? []) {
    conds.push(Prisma.sql`EXISTS (SELECT 1 FROM institution_service s
      WHERE s.institution_id = i.id AND s.service = ${s}::"CrossRegionService" AND s.closed_on IS NULL)`);
  }
  if (f.disease?.length) {
    conds.push(Prisma.sql`EXISTS (SELECT 1 FROM institution_service s
      WHERE s.institution_id = i.id AND s.service = 'CHRONIC' AND s.closed_on IS NULL
        AND s.diseases @> ${f.disease}::"ChronicDisease"[])`);
  }
  return conds.length ? Prisma.join(conds, " AND ") : Prisma.sql`TRUE`;
}

const SORT_SQL: Record<InstitutionFilter["sort"], Prisma.Sql> = {
  code: Prisma.sql`i.code`,
  name: Prisma.sql`i.name COLLATE "C"`,
  region: Prisma.sql`i.region_code`,
  level: Prisma.sql`i.level`,
  designatedSince: Prisma.sql`i.designated_since`,
  updatedAt: Prisma.sql`i.updated_at`,
};

/** ORDER BY of a roster filter: the chosen column, then the code (unique) for a stable order. */
export function orderBy(f: Pick<InstitutionFilter, "sort" | "order">): Prisma.Sql {
  const dir = f.order === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  return f.sort === "code" ? Prisma.sql`i.code ${dir}` : Prisma.sql`${SORT_SQL[f.sort]} ${dir}, i.code ${dir}`;
}

async function openServicesOf(ids: string[], db: Db = prisma): Promise<Map<string, OpenServiceView[]>> {
  const out = new Map<string, OpenServiceView[]>();
  if (!ids.length) return out;
  const rows = await db.$queryRaw<{ institution_id: string; service: ServiceKind; diseases: ChronicDisease[]; opened_on: string }[]>`
    SELECT institution_id::text AS institution_id, service::text AS service, diseases::text[] AS diseases,
           to_char(opened_on, 'YYYY-MM-DD') AS opened_on
      FROM institution_service
     WHERE institution_id = ANY(${ids}::uuid[]) AND closed_on IS NULL`;
  for (const r of rows) {
    const list = out.get(r.institution_id) ?? [];
    list.push({ service: r.service, diseases: r.diseases ?? [], openedOn: r.opened_on });
    out.set(r.institution_id, list);
  }
  for (const list of out.values()) list.sort((a, b) => SERVICES.indexOf(a.service) - SERVICES.indexOf(b.service));
  return out;
}

function toSummary(r: SummaryRow, services: OpenServiceView[]): InstitutionSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    type: r.type,
    level: r.level,
    grade: r.grade,
    ownership: r.ownership,
    region: { code: r.region_code, name: r.region_name },
    address: r.address,
    phone: r.phone,
    status: r.status,
    statusSince: r.status_since,
    statusReason: r.status_reason,
    designatedSince: r.designated_since,
    services,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

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

async function listOn(db: Db, f: ListInstitutionsInput): Promise<{ total: number; page: number; pageSize: number; items: InstitutionSummary[] }> {
  const where = filterConditions(f);
  const offset = (f.page - 1) * f.pageSize;
  if (f.q?.trim()) {
    // A search: the matching ids come from one bitmap scan of the bigram index, materialised,
    // then counted and paged. Left to itself the planner often walks the sort index and
    // filters row by row, which is slow for frequent fragments (its estimates for array
    // containment are poor).
    const dir = f.order === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
    const rows = await db.$queryRaw<(SummaryRow & { total: number })[]>`
      WITH m AS MATERIALIZED (SELECT i.id, i.code, ${SORT_SQL[f.sort]} AS k FROM institution i WHERE ${where}),
           p AS (SELECT id FROM m ORDER BY k ${dir}, code ${dir} LIMIT ${f.pageSize} OFFSET ${offset})
      SELECT ${SUMMARY_COLUMNS}, (SELECT count(*)::int FROM m) AS total
        FROM p JOIN institution i ON i.id = p.id JOIN region r ON r.code = i.region_code
       ORDER BY ${orderBy(f)}`;
    const total =
      rows[0]?.total ?? (offset > 0 ? (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM institution i WHERE ${where}`)[0]?.n ?? 0 : 0);
    const services = await openServicesOf(rows.map((r) => r.id), db);
    return { total, page: f.page, pageSize: f.pageSize, items: rows.map((r) => toSummary(r, services.get(r.id) ?? [])) };
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
  const services = await openServicesOf(rows.map((r) => r.id), db);
  return {
    total: countRows[0]?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
    items: rows.map((r) => toSummary(r, services.get(r.id) ?? [])),
  };
}

function codeOrNotFound(code: string): string {
  const c = normalizeCode(code);
  if (!INSTITUTION_CODE_RE.test(c)) throw new NotFoundError("facilities.notFound", { code });
  return c;
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
export async function requireInstitution(code: string): Promise<InstitutionSummary> {
  const found = await findInstitution(codeOrNotFound(code));
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

function toHistoryEntry(h: {
  id: bigint;
  at: Date;
  actorName: string;
  requestedBy: string | null;
  source: string;
  field: string;
  before: unknown;
  after: unknown;
  changeRequestId: string | null;
  importId: string | null;
}): HistoryEntry {
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
export async function getInstitution(actor: Actor, code: string): Promise<InstitutionDetail> {
  const inst = await requireInstitution(code);
  const [{ statusRows: _rows, ...detail }, history] = await Promise.all([detailOf(actor, inst), historyPage(inst.id, { page: 1, pageSize: 50 })]);
  return { ...detail, history: history.items, historyTotal: history.total };
}

/** The record with its region path, services, dated status changes and pending changes (one lookup of the institution). */
async function detailOf(actor: Actor, inst: InstitutionSummary): Promise<Omit<InstitutionDetail, "history" | "historyTotal"> & { statusRows: StatusRow[] }> {
  const canEdit = canEditInstitution(actor, inst.region.code);
  const [path, servicePeriods, events, pending] = await Promise.all([
    getAncestors(inst.region.code),
    servicePeriodsOf(inst.id),
    prisma.institutionStatusEvent.findMany({ where: { institutionId: inst.id }, orderBy: [{ effectiveOn: "desc" }, { id: "desc" }] }),
    canEdit
      ? prisma.institutionChangeRequest.findMany({ where: { institutionId: inst.id, state: "PENDING" }, orderBy: { createdAt: "asc" } })
      : Promise.resolve([]),
  ]);
  return {
    ...inst,
    regionPath: path.filter((r) => r.level !== "NATION").map((r) => ({ code: r.code, name: r.name })),
    servicePeriods,
    statusEvents: events.map((e) => ({ status: e.status, effectiveOn: isoDate(e.effectiveOn), reason: e.reason, actorName: e.actorName, at: e.createdAt })),
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
  const inst = await requireInstitution(code);
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
      events.map((e) => ({ status: e.status, effectiveOn: isoDate(e.effectiveOn), reason: e.reason, seq: Number(e.id) })),
      on,
    ),
    services: servicesOnDate(periods, on),
  };
}

/** An institution's status and services on a date (today by default). */
export async function servicesOn(code: string, date?: string) {
  const on = parseOnDate(date);
  const inst = await requireInstitution(code);
  const [periods, events] = await Promise.all([servicePeriodsOf(inst.id), prisma.institutionStatusEvent.findMany({ where: { institutionId: inst.id } })]);
  return onDateOf(inst.code, on, periods, events);
}

/**
 * Everything the institution page shows, with one lookup of the institution and each table read
 * once: the record, a page of its history (an invalid page falls back to the first) and its
 * services on `date` (an invalid date answers `onDate: { ok: false }`).
 */
export async function getInstitutionPage(actor: Actor, code: string, rawPaging: unknown, date: string | undefined) {
  const inst = await requireInstitution(code);
  const paging = safeParseInput(historyQuerySchema, rawPaging);
  const [detail, history] = await Promise.all([detailOf(actor, inst), historyPage(inst.id, paging.success ? paging.data : { page: 1, pageSize: 10 })]);
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

// ---- Change requests (maker-checker) -----------------------------------------------------

type ChangeRow = Awaited<ReturnType<typeof prisma.institutionChangeRequest.findMany>>[number];

export function toChangeView(c: ChangeRow, institutionName: string | null): ChangeRequestView {
  return {
    id: c.id,
    kind: c.kind,
    state: c.state,
    code: c.code,
    institutionName,
    regionCode: c.regionCode,
    bureauId: c.bureauId,
    makerId: c.makerId,
    makerName: c.makerName,
    payload: c.payload,
    summary: c.summary ?? null,
    baseVersion: c.baseVersion,
    checkerName: c.checkerName,
    decidedAt: c.decidedAt,
    comment: c.comment,
    createdAt: c.createdAt,
  };
}

const changeSelect = {
  id: true,
  kind: true,
  state: true,
  institutionId: true,
  code: true,
  regionCode: true,
  bureauId: true,
  makerId: true,
  makerName: true,
  payload: true,
  baseVersion: true,
  summary: true,
  checkerId: true,
  checkerName: true,
  decidedAt: true,
  comment: true,
  createdAt: true,
  file: false,
  institution: { select: { name: true } },
} as const;

/**
 * Change requests of the actor's bureau (roster managers only), oldest first: what a checker
 * works through. `rawInput`: { state = PENDING, page, pageSize }.
 */
export async function listChangeRequests(actor: Actor, rawInput: unknown) {
  requireAnyRole(actor, ["ROSTER_MANAGER"]);
  const input = parseInput(listChangesSchema, rawInput);
  const maker = input.maker === "others" ? { makerId: { not: actor.id } } : input.maker === "me" ? { makerId: actor.id } : {};
  const where = { bureauId: actor.bureauId, state: input.state, ...maker };
  const [total, rows] = await Promise.all([
    prisma.institutionChangeRequest.count({ where }),
    prisma.institutionChangeRequest.findMany({
      where,
      select: changeSelect,
      orderBy: { createdAt: input.state === "PENDING" ? "asc" : "desc" },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((c) => toChangeView({ ...c, file: null } as ChangeRow, c.institution?.name ?? null)),
  };
}

/** The pending changes of the actor's bureau (shortcut for the checker's inbox). */
export async function listPendingChanges(actor: Actor) {
  return listChangeRequests(actor, { state: "PENDING", pageSize: 200 });
}

/** One change request visible to the actor, or NotFound. */
export async function getChangeRequest(actor: Actor, id: string): Promise<ChangeRequestView> {
  const c = /^[0-9a-f-]{36}$/i.test(id)
    ? await prisma.institutionChangeRequest.findUnique({ where: { id }, select: changeSelect })
    : null;
  if (!c || !canSeeChangeRequest(actor, c)) throw new NotFoundError("facilities.changeNotFound");
  return toChangeView({ ...c, file: null } as ChangeRow, c.institution?.name ?? null);
}

// ---- Coverage panel ----------------------------------------------------------------------

const GAPS_LIMIT = 200;

/** Midnight of the 1st of this month in China, as an instant. */
export function monthStartCn(now: Date = new Date()): { date: string; at: Date } {
  const date = `${todayCn(now).slice(0, 7)}-01`;
  return { date, at: beijingDayStart(date) };
}

const zeroCounts = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;

// Coverage is the same for every reader (the roster is public) and changes only with the roster:
// kept per process per region and month, dropped on every instance when a roster table changes
// (trigger → lib/db/events.ts, topic "roster"; this process's own roster writes drop it at once).
const coverageCache = new SharedCache<Awaited<ReturnType<typeof computeCoverage>>>({ topics: ["roster", "regions"], ttlMs: 600_000, max: 2_000, keysOf: () => "all" });

/**
 * The coverage panel of a region: institutions by type and status, ACTIVE institutions per
 * open service and chronic disease, the same per direct sub-region, counties where no ACTIVE
 * institution offers a service, and this month's changes. Public like the roster.
 */
export async function coverage(actor: Actor | null, regionCode: string) {
  if (!/^\d{6}$/.test(regionCode)) throw new ValidationError({ region: [{ key: "validation.invalidRegionCode" }] });
  return coverageCache.get(`${regionCode}|${monthStartCn().at.toISOString()}`, () => computeCoverage(actor, regionCode));
}

async function computeCoverage(actor: Actor | null, regionCode: string) {
  if (!/^\d{6}$/.test(regionCode)) throw new ValidationError({ region: [{ key: "validation.invalidRegionCode" }] });
  const region = await getRegion(regionCode);
  const prefix = regionPrefix(regionCode);
  const inRegion = prefix ? Prisma.sql`i.region_code LIKE ${prefix + "%"}` : Prisma.sql`TRUE`;
  const month = monthStartCn();

  // A dashboard: the counts from a read replica when one is fit (lib/db/replicas.ts).
  const counts = (db: Db) =>
    Promise.all([
      db.$queryRaw<{ region_code: string; type: string; status: string; n: number }[]>`
      SELECT i.region_code, i.type::text AS type, i.status::text AS status, count(*)::int AS n
        FROM institution i WHERE ${inRegion} GROUP BY 1, 2, 3`,
      db.$queryRaw<{ region_code: string; service: string; n: number }[]>`
      SELECT i.region_code, s.service::text AS service, count(DISTINCT i.id)::int AS n
        FROM institution i JOIN institution_service s ON s.institution_id = i.id AND s.closed_on IS NULL
       WHERE ${inRegion} AND i.status = 'ACTIVE'
       GROUP BY 1, 2`,
      db.$queryRaw<{ disease: string; n: number }[]>`
      SELECT d::text AS disease, count(DISTINCT i.id)::int AS n
        FROM institution i
        JOIN institution_service s ON s.institution_id = i.id AND s.closed_on IS NULL AND s.service = 'CHRONIC'
        CROSS JOIN LATERAL unnest(s.diseases) AS d
       WHERE ${inRegion} AND i.status = 'ACTIVE'
       GROUP BY 1`,
      db.$queryRaw<{ institutions: number; created: number; status: number; services: number; fields: number }[]>`
      SELECT count(DISTINCT h.institution_id)::int AS institutions,
             count(*) FILTER (WHERE h.field = '*')::int AS created,
             count(*) FILTER (WHERE h.field = 'status')::int AS status,
             count(*) FILTER (WHERE h.field LIKE 'services.%')::int AS services,
             count(*) FILTER (WHERE h.field NOT IN ('*', 'status') AND h.field NOT LIKE 'services.%')::int AS fields
        FROM institution_history h JOIN institution i ON i.id = h.institution_id
       WHERE h.at >= ${month.at} AND ${inRegion}`,
    ]);
  const [[byRegionType, byRegionService, byDisease, changes], children, counties] = await Promise.all([
    actor ? onReadClient({ recentWrite: actor.recentWrite, topics: ["roster"] }, counts) : counts(prisma),
    region.level === "COUNTY" ? Promise.resolve([]) : listChildren(regionCode),
    listRegionsIn(regionCode, ["COUNTY"]),
  ]);

  const totals = {
    institutions: 0,
    active: 0,
    byType: zeroCounts(INSTITUTION_TYPES),
    byStatus: zeroCounts(INSTITUTION_STATUSES),
    byService: zeroCounts(SERVICES),
    byDisease: zeroCounts(CHRONIC_DISEASES),
  };
  const childOf = (code: string) => children.find((c) => code.startsWith(regionPrefix(c.code)));
  const perChild = new Map(
    children.map((c) => [c.code, { code: c.code, name: c.name, level: c.level, institutions: 0, active: 0, byType: zeroCounts(INSTITUTION_TYPES), byService: zeroCounts(SERVICES) }]),
  );
  for (const r of byRegionType) {
    totals.institutions += r.n;
    totals.byType[r.type] = (totals.byType[r.type] ?? 0) + r.n;
    totals.byStatus[r.status] = (totals.byStatus[r.status] ?? 0) + r.n;
    if (r.status === "ACTIVE") totals.active += r.n;
    const child = childOf(r.region_code);
    const c = child && perChild.get(child.code);
    if (c) {
      c.institutions += r.n;
      c.byType[r.type] = (c.byType[r.type] ?? 0) + r.n;
      if (r.status === "ACTIVE") c.active += r.n;
    }
  }
  const servedCounties = new Map<string, Set<string>>(SERVICES.map((s) => [s, new Set<string>()]));
  for (const r of byRegionService) {
    totals.byService[r.service] = (totals.byService[r.service] ?? 0) + r.n;
    const child = childOf(r.region_code);
    const c = child && perChild.get(child.code);
    if (c) c.byService[r.service] = (c.byService[r.service] ?? 0) + r.n;
    servedCounties.get(r.service)?.add(r.region_code);
  }
  for (const r of byDisease) totals.byDisease[r.disease] = r.n;

  const gaps = Object.fromEntries(
    SERVICES.map((s) => {
      const missing = counties.filter((c) => !servedCounties.get(s)!.has(c.code));
      return [s, { count: missing.length, counties: missing.slice(0, GAPS_LIMIT).map((c) => ({ code: c.code, name: c.name })) }];
    }),
  );
  const ch = changes[0] ?? { institutions: 0, created: 0, status: 0, services: 0, fields: 0 };
  return {
    region: { code: region.code, name: region.name, level: region.level },
    asOf: todayCn(),
    totals,
    children: [...perChild.values()],
    gaps,
    changesThisMonth: {
      since: month.date,
      institutionsChanged: ch.institutions,
      created: ch.created,
      statusChanges: ch.status,
      serviceChanges: ch.services,
      fieldChanges: ch.fields,
    },
  };
}
