// Reporting over the tickets visible to the actor (same scope as the queues): backlog by state,
// business time to first response and to resolution (p50/p90), SLA breach rate, root causes by
// region pair and by institution, weekly trend. Aggregated in SQL.
import type { Actor } from "../auth/actor";
import { onReadClient } from "../db/replicas";
import { parseInput } from "../validation";
import { addDays, beijingDay, beijingDayEnd, beijingDayStart } from "../time/beijing";
import { regionNames } from "../regions/names";
import { regionSql, scopeSql } from "./queue-sql";
import { regionParamPrefixes } from "../regions/groups/queries";
import { Prisma } from "../db/generated/client";
import { reportQuerySchema } from "./schemas";
import { ratio6 } from "../statistics/decimal";
import { requireAnyRole } from "../auth/require-role";
import { COMPLAINT_READER_ROLES } from "../auth/policy";

export interface ReportData {
  from: string;
  to: string;
  backlog: { state: string; count: number }[];
  firstResponse: { p50: number | null; p90: number | null; n: number };
  resolution: { p50: number | null; p90: number | null; n: number };
  breach: { resolved: number; breached: number; rate: number | null; openOverdue: number };
  rootCausesByPair: {
    homeRegion: string;
    homeName: string;
    visitRegion: string;
    visitName: string;
    rootCause: string;
    count: number;
  }[];
  rootCausesByInstitution: {
    institutionCode: string;
    institutionName: string | null;
    rootCause: string;
    count: number;
  }[];
  trend: { week: string; created: number; resolved: number }[];
}

export async function complaintReport(actor: Actor, rawInput: unknown, now = new Date()): Promise<ReportData> {
  requireAnyRole(actor, COMPLAINT_READER_ROLES);
  const input = parseInput(reportQuerySchema, rawInput);
  const to = input.to ?? beijingDay(now);
  const from = input.from ?? addDays(to, -89);
  const start = beijingDayStart(from);
  const end = beijingDayEnd(to);
  // The report's scope: the actor's tickets, narrowed to a region or region group when asked.
  const prefixes = await regionParamPrefixes(actor, input.region, "region");
  const scope = prefixes ? Prisma.sql`${scopeSql(actor)} AND ${regionSql(prefixes)}` : scopeSql(actor);
  // A report: from a read replica when one is fit (lib/db/replicas.ts).
  const [backlog, fr, res, breach, overdue, pairs, insts, trend] = await onReadClient(actor, (db) =>
    Promise.all([
      db.$queryRaw<{ state: string; count: number }[]>`
      SELECT c.state::text AS state, count(*)::int AS count FROM complaint c
       WHERE ${scope} AND c.state NOT IN ('RESOLVED', 'CLOSED') GROUP BY 1 ORDER BY 1`,
      db.$queryRaw<{ p50: number | null; p90: number | null; n: number }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY c.first_response_minutes)::float8 AS p50,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY c.first_response_minutes)::float8 AS p90,
             count(c.first_response_minutes)::int AS n
        FROM complaint c WHERE ${scope} AND c.created_at >= ${start} AND c.created_at < ${end}`,
      db.$queryRaw<{ p50: number | null; p90: number | null; n: number }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY c.resolution_minutes)::float8 AS p50,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY c.resolution_minutes)::float8 AS p90,
             count(c.resolution_minutes)::int AS n
        FROM complaint c WHERE ${scope} AND c.resolved_at >= ${start} AND c.resolved_at < ${end}`,
      db.$queryRaw<{ resolved: number; breached: number }[]>`
      SELECT count(*)::int AS resolved, count(*) FILTER (WHERE c.resolution_breached)::int AS breached
        FROM complaint c WHERE ${scope} AND c.resolved_at >= ${start} AND c.resolved_at < ${end}`,
      db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM complaint c
       WHERE ${scope} AND c.state NOT IN ('RESOLVED', 'CLOSED', 'AWAITING_COMPLAINANT') AND c.resolution_due_at < ${now}`,
      db.$queryRaw<{ homeRegion: string; visitRegion: string; rootCause: string; count: number }[]>`
      SELECT c.home_region_code::text AS "homeRegion", c.visit_region_code::text AS "visitRegion", c.root_cause::text AS "rootCause", count(*)::int AS count
        FROM complaint c WHERE ${scope} AND c.root_cause IS NOT NULL AND c.resolved_at >= ${start} AND c.resolved_at < ${end}
       GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3 LIMIT 200`,
      db.$queryRaw<{ institutionCode: string; institutionName: string | null; rootCause: string; count: number }[]>`
      SELECT c.institution_code::text AS "institutionCode", max(c.institution_name) AS "institutionName", c.root_cause::text AS "rootCause", count(*)::int AS count
        FROM complaint c WHERE ${scope} AND c.root_cause IS NOT NULL AND c.institution_code IS NOT NULL
         AND c.resolved_at >= ${start} AND c.resolved_at < ${end}
       GROUP BY 1, 3 ORDER BY 4 DESC, 1, 3 LIMIT 200`,
      db.$queryRaw<{ week: string; created: number; resolved: number }[]>`
      WITH weeks AS (
        SELECT generate_series(date_trunc('week', ${start}::timestamptz AT TIME ZONE 'Asia/Shanghai'),
                               date_trunc('week', (${end}::timestamptz - interval '1 second') AT TIME ZONE 'Asia/Shanghai'),
                               interval '1 week') AS w)
      SELECT to_char(w, 'YYYY-MM-DD') AS week,
             (SELECT count(*) FROM complaint c WHERE ${scope}
                 AND date_trunc('week', c.created_at AT TIME ZONE 'Asia/Shanghai') = w)::int AS created,
             (SELECT count(*) FROM complaint c WHERE ${scope}
                 AND date_trunc('week', c.resolved_at AT TIME ZONE 'Asia/Shanghai') = w)::int AS resolved
        FROM weeks ORDER BY w`,
    ]),
  );
  const names = await regionNames(pairs.flatMap((p) => [p.homeRegion, p.visitRegion]));
  const b = breach[0] ?? { resolved: 0, breached: 0 };
  return {
    from,
    to,
    backlog,
    firstResponse: fr[0] ?? { p50: null, p90: null, n: 0 },
    resolution: res[0] ?? { p50: null, p90: null, n: 0 },
    // Six places, half-up, like every ratio of the API (lib/statistics/decimal.ts).
    breach: { ...b, rate: breachRate(b.breached, b.resolved), openOverdue: overdue[0]?.n ?? 0 },
    rootCausesByPair: pairs.map((p) => ({
      ...p,
      homeName: names.get(p.homeRegion) ?? p.homeRegion,
      visitName: names.get(p.visitRegion) ?? p.visitRegion,
    })),
    rootCausesByInstitution: insts,
    trend,
  };
}

/** The report as one table for CSV/XLSX: section, label, value. */
/** breached ÷ resolved to six places (0.215278), null when nothing was resolved. */
export function breachRate(breached: number, resolved: number): number | null {
  const r = ratio6(BigInt(breached), BigInt(resolved));
  return r === null ? null : Number(r);
}

export function reportRows(
  r: ReportData,
  t: (k: string, p?: Record<string, string | number>) => string,
): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const b of r.backlog) rows.push([t("complaints.reports.backlog"), t(`complaints.state.${b.state}`), b.count]);
  const hours = (m: number | null) => (m === null ? "" : Math.round((m / 60) * 10) / 10);
  rows.push(
    [t("complaints.reports.firstResponse"), "p50 (h)", hours(r.firstResponse.p50)],
    [t("complaints.reports.firstResponse"), "p90 (h)", hours(r.firstResponse.p90)],
  );
  rows.push(
    [t("complaints.reports.resolution"), "p50 (h)", hours(r.resolution.p50)],
    [t("complaints.reports.resolution"), "p90 (h)", hours(r.resolution.p90)],
  );
  rows.push([
    t("complaints.reports.breachRate"),
    `${r.breach.breached}/${r.breach.resolved}`,
    r.breach.rate === null ? "" : `${(r.breach.rate * 100).toFixed(1)}%`,
  ]);
  for (const p of r.rootCausesByPair)
    rows.push([
      t("complaints.reports.byPair"),
      `${p.homeName} → ${p.visitName} · ${t(`complaints.rootCause.${p.rootCause}`)}`,
      p.count,
    ]);
  for (const i of r.rootCausesByInstitution)
    rows.push([
      t("complaints.reports.byInstitution"),
      `${i.institutionCode} ${i.institutionName ?? ""} · ${t(`complaints.rootCause.${i.rootCause}`)}`,
      i.count,
    ]);
  for (const w of r.trend) rows.push([t("complaints.reports.trend"), w.week, `${w.created} / ${w.resolved}`]);
  return rows;
}
