// The roster's coverage panel: which pooling areas and counties of a region have networked
// institutions for each cross-region service, and the gaps. Cached per region for ten minutes,
// dropped when the roster or the regions change.
import { prisma, type Db } from "../db/client";
import { onReadClient } from "../db/replicas";
import { SharedCache } from "../cache/shared";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { regionPrefix } from "../auth/roles";
import { ValidationError } from "../errors";
import { requireRegion, listChildren, listRegionsIn } from "../regions/queries";
import { beijingDayStart } from "../time/beijing";
import { CHRONIC_DISEASES, INSTITUTION_STATUSES, INSTITUTION_TYPES, SERVICES, todayCn } from "./codes";

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
const coverageCache = new SharedCache<Awaited<ReturnType<typeof computeCoverage>>>({
  topics: ["roster", "regions"],
  ttlMs: 600_000,
  max: 2_000,
  keysOf: () => "all",
});

/**
 * The coverage panel of a region: institutions by type and status, ACTIVE institutions per
 * open service and chronic disease, the same per direct sub-region, counties where no ACTIVE
 * institution offers a service, and this month's changes. Public like the roster.
 */
export async function coverage(actor: Actor | null, regionCode: string) {
  if (!/^\d{6}$/.test(regionCode)) throw new ValidationError({ region: [{ key: "validation.invalidRegionCode" }] });
  return coverageCache.get(`${regionCode}|${monthStartCn().at.toISOString()}`, () =>
    computeCoverage(actor, regionCode),
  );
}

async function computeCoverage(actor: Actor | null, regionCode: string) {
  if (!/^\d{6}$/.test(regionCode)) throw new ValidationError({ region: [{ key: "validation.invalidRegionCode" }] });
  const region = await requireRegion(regionCode);
  const prefix = regionPrefix(regionCode);
  const inRegion = prefix ? Prisma.sql`i.region_code LIKE ${prefix + "%"}` : Prisma.sql`TRUE`;
  const month = monthStartCn();
  // A dashboard: the counts from a read replica when one is fit (lib/db/replicas.ts).
  const [[byRegionType, byRegionService, byDisease, changes], children, counties] = await Promise.all([
    actor
      ? onReadClient({ recentWrite: actor.recentWrite, topics: ["roster"] }, (db) =>
          coverageCounts(db, inRegion, month.at),
        )
      : coverageCounts(prisma, inRegion, month.at),
    region.level === "COUNTY" ? Promise.resolve([]) : listChildren(regionCode),
    listRegionsIn(regionCode, ["COUNTY"]),
  ]);
  const { totals, perChild, servedCounties } = tally(children, byRegionType, byRegionService, byDisease);
  const gaps = Object.fromEntries(
    SERVICES.map((s) => {
      const missing = counties.filter((c) => !servedCounties.get(s)!.has(c.code));
      return [
        s,
        { count: missing.length, counties: missing.slice(0, GAPS_LIMIT).map((c) => ({ code: c.code, name: c.name })) },
      ];
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

/** The four counts of a region's coverage: by region/type/status, by region/service, by disease, this month's changes. */
function coverageCounts(db: Db, inRegion: Prisma.Sql, monthStart: Date) {
  return Promise.all([
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
       WHERE h.at >= ${monthStart} AND ${inRegion}`,
  ]);
}

type Counts = Awaited<ReturnType<typeof coverageCounts>>;

/** The region's totals, the same per direct sub-region, and the counties where each service is offered. */
function tally<C extends { code: string; name: string; level: string }>(
  children: C[],
  byRegionType: Counts[0],
  byRegionService: Counts[1],
  byDisease: Counts[2],
) {
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
    children.map((c) => [
      c.code,
      {
        code: c.code,
        name: c.name,
        level: c.level,
        institutions: 0,
        active: 0,
        byType: zeroCounts(INSTITUTION_TYPES),
        byService: zeroCounts(SERVICES),
      },
    ]),
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
  return { totals, perChild, servedCounties };
}
