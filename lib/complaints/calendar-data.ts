// Loads a bureau's calendar: the national calendar with the region's overrides on top. The
// overrides table is tiny and rarely changes: kept per process, dropped on every instance when
// it changes (trigger → lib/db/events.ts), with a TTL as the safety net.
import { prisma } from "../db/client";
import { SharedCache } from "../cache/shared";
import { nationalCalendar, type BusinessCalendar } from "./calendar";

const cache = new SharedCache<BusinessCalendar>({ topics: ["calendars"], ttlMs: 600_000, keysOf: () => "all" });

async function loadCalendar(regionCode: string): Promise<BusinessCalendar> {
  const rows = await prisma.businessDayOverride.findMany({
    where: { regionCode },
    select: { day: true, workday: true },
  });
  return rows.length
    ? nationalCalendar().withOverrides(new Map(rows.map((r) => [r.day.toISOString().slice(0, 10), r.workday])))
    : nationalCalendar();
}

export function calendarFor(regionCode: string): Promise<BusinessCalendar> {
  return cache.get(regionCode, () => loadCalendar(regionCode));
}

export async function calendarsFor(regionCodes: string[]): Promise<Map<string, BusinessCalendar>> {
  const unique = [...new Set(regionCodes)];
  const calendars = await Promise.all(unique.map((c) => calendarFor(c)));
  return new Map(unique.map((c, i) => [c, calendars[i]!]));
}

/** Forget cached calendars (after an override changes, and in tests). */
export function clearCalendarCache(): void {
  cache.clear();
}
