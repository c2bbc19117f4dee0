// The daily anomaly report (每日"异"报) of a bureau: the day's new, overdue and escalated tickets
// by region pair (within the bureau's scope), failed settlements from the settlement records when
// they exist, and the downtime windows of the day. Generated each morning by the scheduler
// (generateDueDailyReports) and on demand; the stored copy is what was sent that morning.
import type { Actor } from "../auth/actor";
import { prisma } from "../db/client";
import type { Prisma } from "../db/client";
import { ValidationError } from "../errors";
import { Prisma as P } from "../db/generated/client";
import { parseInput } from "../validation";
import { addDays, beijingDay, beijingDayEnd, beijingDayStart } from "../time/beijing";
import { regionNames } from "./queries";
import { scopeSql } from "./queue-sql";
import { dailyReportQuerySchema } from "./schemas";
import { settlementFailuresByPair } from "../statistics/failures";
import { requireAnyRole } from "../auth/require-role";
import { COMPLAINT_READER_ROLES } from "../auth/policy";

export interface PairCount {
  homeRegion: string;
  homeName: string;
  visitRegion: string;
  visitName: string;
  count: number;
}

export interface DailyReportData {
  day: string;
  bureau: { id: string; name: string; nameEn: string; regionCode: string };
  generatedAt: string;
  newByPair: PairCount[];
  overdueByPair: PairCount[];
  escalatedByPair: PairCount[];
  totals: { new: number; overdue: number; escalated: number; failures: number | null };
  failuresByPair: PairCount[] | null;
  downtimes: {
    regionCode: string;
    regionName: string;
    kind: string;
    startsAt: string;
    endsAt: string;
    services: string[];
    reason: string;
  }[];
}

type Scope = Pick<Actor, "regionCode">;

async function withNames(rows: { homeRegion: string; visitRegion: string; count: number }[]): Promise<PairCount[]> {
  const names = await regionNames(rows.flatMap((r) => [r.homeRegion, r.visitRegion]));
  return rows.map((r) => ({
    ...r,
    homeName: names.get(r.homeRegion) ?? r.homeRegion,
    visitName: names.get(r.visitRegion) ?? r.visitRegion,
  }));
}

export async function buildDailyReport(
  bureau: DailyReportData["bureau"],
  day: string,
  now = new Date(),
): Promise<DailyReportData> {
  const scope = scopeSql({ regionCode: bureau.regionCode } as Scope as Actor);
  const start = beijingDayStart(day);
  const end = beijingDayEnd(day);
  // Overdue as of the end of the day (or now, for today).
  const asOf = end.getTime() < now.getTime() ? end : now;
  const pair = (where: Prisma.Sql) =>
    prisma.$queryRaw<{ homeRegion: string; visitRegion: string; count: number }[]>`
      SELECT c.home_region_code::text AS "homeRegion", c.visit_region_code::text AS "visitRegion", count(*)::int AS count
        FROM complaint c WHERE ${scope} AND ${where} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`;
  const [created, overdue, escalated, failures, windows] = await Promise.all([
    pair(P.sql`c.created_at >= ${start} AND c.created_at < ${end}`),
    pair(P.sql`c.created_at < ${asOf} AND c.resolution_due_at < ${asOf}
               AND (c.resolved_at IS NULL OR c.resolved_at > ${asOf}) AND c.state <> 'AWAITING_COMPLAINANT'
               AND (c.closed_at IS NULL OR c.closed_at > ${asOf})`),
    pair(
      P.sql`EXISTS (SELECT 1 FROM complaint_event e WHERE e.complaint_id = c.id AND e.action = 'ESCALATE' AND e.at >= ${start} AND e.at < ${end})`,
    ),
    settlementFailuresByPair(bureau.regionCode, start, end),
    prisma.downtimeWindow.findMany({
      where: { startsAt: { lt: end }, endsAt: { gt: start } },
      orderBy: { startsAt: "asc" },
    }),
  ]);
  const names = await regionNames(windows.map((w) => w.regionCode));
  const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
  const failuresByPair = failures
    ? await withNames(
        failures.map((f) => ({ homeRegion: f.homeRegion, visitRegion: f.visitRegion, count: f.failures })),
      )
    : null;
  return {
    day,
    bureau,
    generatedAt: now.toISOString(),
    newByPair: await withNames(created),
    overdueByPair: await withNames(overdue),
    escalatedByPair: await withNames(escalated),
    totals: {
      new: sum(created),
      overdue: sum(overdue),
      escalated: sum(escalated),
      failures: failuresByPair ? sum(failuresByPair) : null,
    },
    failuresByPair,
    downtimes: windows.map((w) => ({
      regionCode: w.regionCode,
      regionName: names.get(w.regionCode) ?? w.regionCode,
      kind: w.kind,
      startsAt: w.startsAt.toISOString(),
      endsAt: w.endsAt.toISOString(),
      services: w.services,
      reason: w.reason,
    })),
  };
}

async function bureauOf(actor: Actor) {
  return prisma.bureau.findUniqueOrThrow({
    where: { id: actor.bureauId },
    select: { id: true, name: true, nameEn: true, regionCode: true },
  });
}

/** The actor's bureau's report for a day: the stored morning copy, or generated now (and stored). */
export async function getDailyReport(actor: Actor, rawInput: unknown, now = new Date()): Promise<DailyReportData> {
  requireAnyRole(actor, COMPLAINT_READER_ROLES);
  const input = parseInput(dailyReportQuerySchema, rawInput);
  const day = input.day ?? beijingDay(now);
  // A report of a day that has not begun would be a report of nothing, stored as if it were one.
  if (day > beijingDay(now)) throw new ValidationError({ day: [{ key: "validation.futureDay" }] });
  const bureau = await bureauOf(actor);
  if (input.regenerate !== "true") {
    const stored = await prisma.dailyReport.findUnique({
      where: { bureauId_day: { bureauId: bureau.id, day: new Date(`${day}T00:00:00Z`) } },
    });
    if (stored) return stored.data as unknown as DailyReportData;
  }
  const data = await buildDailyReport(bureau, day, now);
  // Only a finished day's report is kept; today's is regenerated on each request.
  if (beijingDayEnd(day).getTime() <= now.getTime() || input.regenerate === "true") {
    await storeReport(bureau.id, day, data);
  }
  return data;
}

async function storeReport(bureauId: string, day: string, data: DailyReportData) {
  const json = data as unknown as Prisma.InputJsonValue;
  const d = new Date(`${day}T00:00:00Z`);
  await prisma.dailyReport.upsert({
    where: { bureauId_day: { bureauId, day: d } },
    create: { bureauId, day: d, data: json },
    update: { data: json, generatedAt: new Date() },
  });
}

/**
 * The morning run: after 07:00 Beijing time, yesterday's report for every bureau with complaint
 * handlers, once (a stored report is not regenerated). Idempotent.
 */
export async function generateDueDailyReports(now = new Date()): Promise<number> {
  const hourBj = (now.getUTCHours() + 8) % 24;
  if (hourBj < 7) return 0;
  const day = addDays(beijingDay(now), -1);
  const bureaus = await prisma.bureau.findMany({
    where: { users: { some: { roles: { has: "COMPLAINT_HANDLER" }, disabled: false } } },
    select: { id: true, name: true, nameEn: true, regionCode: true },
  });
  const done = new Set(
    (
      await prisma.dailyReport.findMany({ where: { day: new Date(`${day}T00:00:00Z`) }, select: { bureauId: true } })
    ).map((r) => r.bureauId),
  );
  let n = 0;
  for (const b of bureaus.filter((b) => !done.has(b.id))) {
    await storeReport(b.id, day, await buildDailyReport(b, day, now));
    n++;
  }
  return n;
}

export function dailyReportRows(data: DailyReportData, t: (k: string) => string): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const section = (label: string, items: PairCount[] | null) => {
    if (!items) return;
    for (const i of items)
      rows.push([label, `${i.homeName}（${i.homeRegion}）`, `${i.visitName}（${i.visitRegion}）`, i.count]);
  };
  section(t("complaints.daily.new"), data.newByPair);
  section(t("complaints.daily.overdue"), data.overdueByPair);
  section(t("complaints.daily.escalated"), data.escalatedByPair);
  section(t("complaints.daily.failures"), data.failuresByPair);
  for (const w of data.downtimes)
    rows.push([
      t("complaints.daily.downtime"),
      `${w.regionName}（${w.regionCode}）`,
      `${w.startsAt} — ${w.endsAt}`,
      w.reason,
    ]);
  return rows;
}
