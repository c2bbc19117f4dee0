// SQL building blocks of the roster reads: the summary columns and their row shape, the filter
// and sort of the institution list (the fragment search on search_grams(search_text), rechecked
// with LIKE), and the open services of a page of institutions.
import { prisma, type Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { regionPrefix } from "../auth/roles";
import {
  SERVICES,
  type ChronicDisease,
  type InstitutionGrade,
  type InstitutionLevel,
  type InstitutionStatus,
  type InstitutionType,
  type Ownership,
  type ServiceKind,
} from "./codes";
import { type InstitutionFilter } from "./schemas";
import type { InstitutionSummary, OpenServiceView } from "./views";

export interface SummaryRow {
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

export const SUMMARY_COLUMNS = Prisma.sql`
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
  if (prefixes && !prefixes.includes(""))
    conds.push(Prisma.sql`i.region_code LIKE ANY(${prefixes.map((p) => `${p}%`)}::text[])`);
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

export const SORT_SQL: Record<InstitutionFilter["sort"][number]["field"], Prisma.Sql> = {
  code: Prisma.sql`i.code`,
  name: Prisma.sql`i.name COLLATE "C"`,
  region: Prisma.sql`i.region_code`,
  level: Prisma.sql`i.level`,
  designatedSince: Prisma.sql`i.designated_since`,
  updatedAt: Prisma.sql`i.updated_at`,
};

/**
 * ORDER BY of a roster filter: the sort's keys in turn (`expr` of each: a column, or `k0, k1…` of
 * a materialized search), then the code (unique, ascending) unless the sort has it already.
 */
export function orderBy(
  f: Pick<InstitutionFilter, "sort">,
  expr: (field: keyof typeof SORT_SQL, i: number) => Prisma.Sql = (field) => SORT_SQL[field],
): Prisma.Sql {
  const keys = f.sort.map((k, i) => Prisma.sql`${expr(k.field, i)} ${k.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`}`);
  if (!f.sort.some((k) => k.field === "code")) keys.push(Prisma.sql`${expr("code", f.sort.length)} ASC`);
  return Prisma.join(keys, ", ");
}

export async function openServicesOf(ids: string[], db: Db = prisma): Promise<Map<string, OpenServiceView[]>> {
  const out = new Map<string, OpenServiceView[]>();
  if (!ids.length) return out;
  const rows = await db.$queryRaw<
    { institution_id: string; service: ServiceKind; diseases: ChronicDisease[]; opened_on: string }[]
  >`
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

export function toSummary(r: SummaryRow, services: OpenServiceView[]): InstitutionSummary {
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
