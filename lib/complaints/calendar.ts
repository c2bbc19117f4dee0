// Business time on the Chinese public calendar: working days are Monday–Friday, minus public
// holidays, plus make-up workdays (调休), from the maintained `chinese-days` package, then a
// bureau's own overrides. Working hours 08:30–12:00 and 13:30–17:30 Beijing time (UTC+8, no
// daylight saving, so plain arithmetic). Pure: the data is passed in.
import chineseDays from "chinese-days/dist/chinese-days.json";
import { BEIJING_OFFSET_MS as OFFSET } from "../time/beijing";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Working periods as [start, end) minutes after midnight, Beijing time. */
export const WORK_PERIODS: readonly (readonly [number, number])[] = [
  [8 * 60 + 30, 12 * 60],
  [13 * 60 + 30, 17 * 60 + 30],
];
export const WORKDAY_MINUTES = WORK_PERIODS.reduce((n, [s, e]) => n + (e - s), 0);

export interface CalendarData {
  /** Official days off (YYYY-MM-DD), including the weekend days inside a holiday. */
  holidays: ReadonlySet<string>;
  /** Make-up workdays on a Saturday or Sunday (调休). */
  makeupWorkdays: ReadonlySet<string>;
  /** A bureau's own decisions: day → working or not. Win over everything else. */
  overrides?: ReadonlyMap<string, boolean>;
}

/** The national calendar as published in the package (holidays and 调休 days). */
export function nationalCalendarData(): CalendarData {
  const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
  return { holidays: new Set(Object.keys(data.holidays)), makeupWorkdays: new Set(Object.keys(data.workdays)) };
}

function dayString(dayIndex: number): string {
  return new Date(dayIndex * DAY).toISOString().slice(0, 10);
}

export type DayKind = "WORKDAY" | "WEEKEND" | "HOLIDAY" | "MAKEUP_WORKDAY" | "OVERRIDE_WORKDAY" | "OVERRIDE_OFF";

export class BusinessCalendar {
  constructor(private readonly data: CalendarData) {}

  /** With a bureau's overrides on top of this calendar. */
  withOverrides(overrides: ReadonlyMap<string, boolean>): BusinessCalendar {
    return new BusinessCalendar({ ...this.data, overrides });
  }

  dayKind(day: string): DayKind {
    const o = this.data.overrides?.get(day);
    if (o !== undefined) return o ? "OVERRIDE_WORKDAY" : "OVERRIDE_OFF";
    if (this.data.makeupWorkdays.has(day)) return "MAKEUP_WORKDAY";
    if (this.data.holidays.has(day)) return "HOLIDAY";
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday === 0 || weekday === 6 ? "WEEKEND" : "WORKDAY";
  }

  isWorkday(day: string): boolean {
    const k = this.dayKind(day);
    return k === "WORKDAY" || k === "MAKEUP_WORKDAY" || k === "OVERRIDE_WORKDAY";
  }

  private workdayIndex(dayIndex: number): boolean {
    return this.isWorkday(dayString(dayIndex));
  }

  /** The instant `minutes` business minutes after `start` (the end of a period, not the next start). */
  addBusinessMinutes(start: Date, minutes: number): Date {
    if (minutes <= 0) return new Date(start);
    let remaining = minutes * MINUTE;
    const local = start.getTime() + OFFSET;
    let day = Math.floor(local / DAY);
    let pos = local - day * DAY;
    // Ten years of days is far beyond any SLA; the bound only guards against a bad calendar.
    for (let guard = 0; guard < 3660; guard++, day++, pos = 0) {
      if (!this.workdayIndex(day)) continue;
      for (const [s, e] of WORK_PERIODS) {
        const ps = s * MINUTE;
        const pe = e * MINUTE;
        if (pos >= pe) continue;
        const from = Math.max(pos, ps);
        const available = pe - from;
        if (remaining <= available) return new Date(day * DAY + from + remaining - OFFSET);
        remaining -= available;
        pos = pe;
      }
    }
    throw new Error("calendar has no working time");
  }

  /** Whole business minutes in [a, b); 0 when b is not after a. */
  businessMinutesBetween(a: Date, b: Date): number {
    const from = a.getTime() + OFFSET;
    const to = b.getTime() + OFFSET;
    if (to <= from) return 0;
    let total = 0;
    for (let day = Math.floor(from / DAY); day * DAY < to; day++) {
      if (!this.workdayIndex(day)) continue;
      for (const [s, e] of WORK_PERIODS) {
        const ps = day * DAY + s * MINUTE;
        const pe = day * DAY + e * MINUTE;
        const overlap = Math.min(pe, to) - Math.max(ps, from);
        if (overlap > 0) total += overlap;
      }
    }
    return Math.floor(total / MINUTE);
  }
}

let national: BusinessCalendar | undefined;

/** The national calendar without bureau overrides. */
export function nationalCalendar(): BusinessCalendar {
  national ??= new BusinessCalendar(nationalCalendarData());
  return national;
}
