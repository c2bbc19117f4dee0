// Loads a bureau's calendar: the national calendar with the region's overrides on top. The
// overrides table is tiny and rarely changes; a one-minute cache keeps list pages cheap.
import { prisma } from "../db/client";
import { nationalCalendar, type BusinessCalendar } from "./calendar";

const TTL_MS = 60_000;
const cache = new Map<string, { at: number; calendar: BusinessCalendar }>();

export async function calendarFor(regionCode: string): Promise<BusinessCalendar> {
  const hit = cache.get(regionCode);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.calendar;
  const rows = await prisma.businessDayOverride.findMany({ where: { regionCode }, select: { day: true, workday: true } });
  const calendar = rows.length
    ? nationalCalendar().withOverrides(new Map(rows.map((r) => [r.day.toISOString().slice(0, 10), r.workday])))
    : nationalCalendar();
  cache.set(regionCode, { at: Date.now(), calendar });
  return calendar;
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
