// Reads of agreements. Agreements are public (canReadAgreements): every signed-in user reads
// every agreement; the edges check the session. Lists are server-side filtered and paginated.
// The view derives EXPIRED from effective-to, so a reader never sees an agreement "active" past
// its end, whenever the expiry job (lib/jobs/scheduler.ts) last persisted it.
import { groupSlugOf } from "../regions/groups/normalize";
import { regionParamPrefixes } from "../regions/groups/queries";
import { prisma } from "../db/client";
import { onReadClient } from "../db/replicas";
import { SharedCache } from "../cache/shared";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { canEditAgreement, partiesApprovableBy } from "../auth/policy";
import { NATION_CODE, regionPrefix } from "../auth/roles";
import { NotFoundError } from "../errors";
import { todayCn } from "../facilities/codes";
import { addDays, allowedActions, type TransitionAction } from "./codes";
import { coveredQuerySchema, listAgreementsSchema } from "./schemas";
import { AGREEMENT_INCLUDE, toView, type AgreementRow, type AgreementView } from "./views";
import { parseInput } from "../validation";
import { regionNames } from "../regions/names";

export { regionNames };

async function views(rows: AgreementRow[]): Promise<AgreementView[]> {
  const names = await regionNames(rows.flatMap((r) => r.parties.map((p) => p.regionCode)));
  return rows.map((r) => toView(r, names));
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

// Agreements are few, public and rarely written: their rows are kept per process, per id and per
// list query, and dropped on every instance when any agreement table changes (trigger →
// lib/db/events.ts, topic "agreements"; this process's own writes drop them at once).
const rowsCache = new SharedCache<unknown>({ topics: ["agreements"], ttlMs: 600_000, max: 2_000, keysOf: () => "all" });

/**
 * The row, or null (also for ids that are not UUIDs). `fresh` reads the primary past the cache:
 * writes check their preconditions on it, and a user who just wrote sees the row as it is now
 * even on an instance whose notification is still on its way.
 */
export async function findAgreementRow(id: string, opts: { fresh?: boolean } = {}): Promise<AgreementRow | null> {
  if (!isUuid(id)) return null;
  const load = () => prisma.agreement.findUnique({ where: { id }, include: AGREEMENT_INCLUDE });
  if (opts.fresh) return load();
  return rowsCache.get(`row|${id}`, load) as Promise<AgreementRow | null>;
}

/** One agreement, or null. Public to every signed-in user. */
export async function getAgreement(actor: Actor, id: string): Promise<AgreementView | null> {
  const row = await findAgreementRow(id, { fresh: actor.recentWrite });
  return row && (await views([row]))[0]!;
}

/** getAgreement, or NotFound. */
export async function requireAgreement(actor: Actor, id: string): Promise<AgreementView> {
  const a = await getAgreement(actor, id);
  if (!a) throw new NotFoundError("agreements.notFound");
  return a;
}

/**
 * Every institution code the agreement lists explicitly, sorted, or NotFound. Public like
 * getAgreement. Unpaginated on purpose: the edit form sends the whole list back and the update
 * replaces it, so a partial list would silently drop the rest (the schema allows 5,000 codes).
 */
export async function listedInstitutionCodes(_actor: Actor, id: string): Promise<string[]> {
  if (!isUuid(id)) throw new NotFoundError("agreements.notFound");
  const row = await prisma.agreement.findUnique({
    where: { id },
    select: { institutions: { select: { institutionCode: true }, orderBy: { institutionCode: "asc" } } },
  });
  if (!row) throw new NotFoundError("agreements.notFound");
  return row.institutions.map((i) => i.institutionCode);
}

/** What the actor may do with an agreement (for the detail page's buttons; the service re-checks). */
export function agreementPermissions(actor: Actor, v: AgreementView) {
  const partyCodes = v.parties.map((p) => p.regionCode);
  const canEdit = canEditAgreement(actor, partyCodes);
  const approvable = partiesApprovableBy(actor, partyCodes);
  const actions: TransitionAction[] = canEdit ? allowedActions(v.status).filter((a) => a !== "EXPIRE") : [];
  return {
    canEdit,
    canEditSubstance: canEdit && v.status === "DRAFT",
    actions,
    approvesFor: approvable,
    alreadyApproved: approvable.length > 0 && approvable.every((c) => v.approvals.some((a) => a.regionCode === c)),
  };
}

/** Agreements with a party at, above or below `code`: "those that concern this region". */
function partyFilter(code: string): Prisma.AgreementWhereInput {
  const prefix = regionPrefix(code);
  const ancestors = [NATION_CODE, `${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
  return {
    parties: {
      some: { OR: [...(prefix ? [{ regionCode: { startsWith: prefix } }] : [{}]), { regionCode: { in: ancestors } }] },
    },
  };
}

/** Agreements with a party inside a region group (decision 020): a party region within any member. */
async function partyInGroup(actor: Actor, token: string): Promise<Prisma.AgreementWhereInput> {
  const prefixes = (await regionParamPrefixes(actor, token, "party")) ?? [];
  return { parties: { some: { OR: prefixes.map((p) => ({ regionCode: { startsWith: p } })) } } };
}

/** One page of agreements: filters q (number/title), party region, type, status, date in force window. */
export async function listAgreements(actor: Actor, rawFilter: unknown) {
  const f = parseInput(listAgreementsSchema, rawFilter);
  const and: Prisma.AgreementWhereInput[] = [];
  if (f.q)
    and.push({
      OR: [
        { number: { contains: f.q, mode: "insensitive" } },
        { title: { contains: f.q } },
        { titleEn: { contains: f.q, mode: "insensitive" } },
      ],
    });
  if (f.party) and.push(groupSlugOf(f.party) ? await partyInGroup(actor, f.party) : partyFilter(f.party));
  if (f.type) and.push({ type: f.type });
  if (f.status) and.push({ status: f.status });
  if (f.date) {
    const d = new Date(`${f.date}T00:00:00.000Z`);
    and.push({ effectiveFrom: { lte: d } }, { OR: [{ effectiveTo: null }, { effectiveTo: { gte: d } }] });
  }
  const where: Prisma.AgreementWhereInput = { AND: and };
  // A list: kept per query until an agreement changes; filled from a read replica when one is fit.
  const load = () =>
    onReadClient({ recentWrite: actor.recentWrite, topics: ["agreements"] }, (db) =>
      Promise.all([
        db.agreement.count({ where }),
        db.agreement.findMany({
          where,
          include: AGREEMENT_INCLUDE,
          orderBy: [{ effectiveFrom: "desc" }, { number: "asc" }],
          skip: (f.page - 1) * f.pageSize,
          take: f.pageSize,
        }),
      ]),
    );
  const [total, rows] = actor.recentWrite
    ? await load()
    : ((await rowsCache.get(`list|${JSON.stringify(f)}`, load)) as [number, AgreementRow[]]);
  return { total, page: f.page, pageSize: f.pageSize, items: await views(rows) };
}

/** Agreements in force whose effective-to falls within `days` from today; `party`: only those concerning that region (as the list's party filter). */
export async function listExpiring(_actor: Actor, days = 60, party?: string) {
  const today = todayCn();
  const rows = await prisma.agreement.findMany({
    where: {
      status: { in: ["ACTIVE", "SUSPENDED"] },
      effectiveTo: { gte: new Date(`${today}T00:00:00.000Z`), lte: new Date(`${addDays(today, days)}T00:00:00.000Z`) },
      ...(party ? partyFilter(party) : {}),
    },
    include: AGREEMENT_INCLUDE,
    orderBy: [{ effectiveTo: "asc" }, { number: "asc" }],
  });
  const items = await views(rows);
  return items.map((v) => ({
    ...v,
    daysLeft: Math.round((Date.parse(v.effectiveTo!) - Date.parse(today)) / 86400_000),
  }));
}

export interface CoveredInstitution {
  code: string;
  name: string;
  level: string;
  type: string;
  regionCode: string;
  regionName: string;
  status: string;
  listed: boolean;
  byRule: boolean;
}

/**
 * Institutions the agreement covers: listed explicitly, or matched by its rule (ACTIVE
 * institutions of the visit parties meeting the level/type/area conditions). Paginated.
 */
export async function listCoveredInstitutions(actor: Actor, id: string, rawQuery: unknown) {
  const q = parseInput(coveredQuerySchema, rawQuery);
  const a = await requireAgreement(actor, id);
  const visit = a.parties
    .filter((p) => a.direction === "MUTUAL" || p.role !== "HOME")
    .map((p) => regionPrefix(p.regionCode));
  const rule = a.scopeRule;
  const within = (prefixes: string[]) =>
    prefixes.some((p) => p === "")
      ? Prisma.sql`TRUE`
      : Prisma.join(
          prefixes.map((p) => Prisma.sql`i.region_code LIKE ${p + "%"}`),
          " OR ",
        );
  const ruleSql = rule
    ? Prisma.sql`(i.status = 'ACTIVE' AND (${within(visit)})
        ${rule.regionCodes?.length ? Prisma.sql`AND (${within(rule.regionCodes.map(regionPrefix))})` : Prisma.empty}
        ${rule.minLevel ? Prisma.sql`AND i.level::text = ANY(${levelsAtLeast(rule.minLevel)}::text[])` : Prisma.empty}
        ${rule.types?.length ? Prisma.sql`AND i.type::text = ANY(${rule.types}::text[])` : Prisma.empty})`
    : Prisma.sql`FALSE`;
  const listedSql = Prisma.sql`EXISTS (SELECT 1 FROM agreement_institution ai WHERE ai.agreement_id = ${a.id}::uuid AND ai.institution_code = i.code)`;
  const where = Prisma.sql`(${listedSql}) OR ${ruleSql}`;
  const [count, rows] = await Promise.all([
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM institution i WHERE ${where}`,
    prisma.$queryRaw<
      {
        code: string;
        name: string;
        level: string;
        type: string;
        region_code: string;
        region_name: string;
        status: string;
        listed: boolean;
        by_rule: boolean;
      }[]
    >`
      SELECT i.code, i.name, i.level::text AS level, i.type::text AS type, i.region_code, r.name AS region_name, i.status::text AS status,
             ${listedSql} AS listed, ${ruleSql} AS by_rule
        FROM institution i JOIN region r ON r.code = i.region_code
       WHERE ${where}
       ORDER BY i.region_code, i.level DESC, i.code
       LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  ]);
  return {
    total: count[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map<CoveredInstitution>((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      type: r.type,
      regionCode: r.region_code,
      regionName: r.region_name,
      status: r.status,
      listed: r.listed,
      byRule: r.by_rule,
    })),
  };
}

function levelsAtLeast(min: string): string[] {
  const order = ["LEVEL_1", "LEVEL_2", "LEVEL_3"];
  return order.slice(Math.max(0, order.indexOf(min)));
}

export interface MatrixCell {
  home: string;
  visit: string;
  agreements: { id: string; number: string; title: string; type: string; filingFree: boolean }[];
}

/**
 * Region pairs linked by agreements in force on `date` (default today): rows are home regions
 * (参保地), columns visit regions (就医地), each cell the agreements covering that direction.
 */
export async function regionPairMatrix(actor: Actor, date = todayCn()) {
  const page = await listAgreements(actor, { status: "ACTIVE", date, pageSize: 200 });
  const regions = new Map<string, string>();
  const cells = new Map<string, MatrixCell>();
  for (const a of page.items) {
    for (const p of a.parties) regions.set(p.regionCode, p.regionName);
    const homes = a.parties.filter((p) => a.direction === "MUTUAL" || p.role !== "VISIT");
    const visits = a.parties.filter((p) => a.direction === "MUTUAL" || p.role !== "HOME");
    for (const h of homes) {
      for (const v of visits) {
        if (h.regionCode === v.regionCode) continue;
        const key = `${h.regionCode}>${v.regionCode}`;
        const cell = cells.get(key) ?? { home: h.regionCode, visit: v.regionCode, agreements: [] };
        cell.agreements.push({ id: a.id, number: a.number, title: a.title, type: a.type, filingFree: a.filingFree });
        cells.set(key, cell);
      }
    }
  }
  const ordered = [...regions.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => ({ code, name }));
  return { date, regions: ordered, cells: [...cells.values()] };
}

/** Every party has an approval recorded. */
export function approvedAll(row: Pick<AgreementRow, "approvals" | "parties">): boolean {
  const approved = new Set(row.approvals.map((p) => p.regionCode));
  return row.parties.every((p) => approved.has(p.regionCode));
}
