// The demo data's calendar, relative to the day it is seeded (decision 029): settlements for the
// 24 complete Beijing months before that day, so the dashboard's default (the last 12 months with
// data) always has a complete year-before base and the data never ages out of it. The e2e suite
// derives the months it expects from the same function, so it passes whatever the date.
import { beijingMonth } from "../../lib/time/beijing";
import { addMonths } from "../../lib/statistics/schemas";

export const DEMO_SETTLEMENT_MONTHS = 24;

export interface DemoPeriod {
  /** First and last month with demo settlements ("YYYY-MM"). */
  first: string;
  last: string;
  /** First and last Beijing day, inclusive ("YYYY-MM-DD"), for the generator. */
  from: string;
  to: string;
}

function lastDayOf(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

export function demoSettlementPeriod(today: Date = new Date()): DemoPeriod {
  const last = addMonths(beijingMonth(today), -1);
  const first = addMonths(last, -(DEMO_SETTLEMENT_MONTHS - 1));
  return { first, last, from: `${first}-01`, to: lastDayOf(last) };
}

export { addMonths };
