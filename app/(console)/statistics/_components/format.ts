// Display of exact figures: 人次 / 万人次, 万元 / 亿元, percentages, each with a fixed number of
// decimals, computed from bigint (no float rounding). Pure.
import type { Translate } from "@/lib/i18n";
import { divRound, formatAmount, formatCount, groupThousands, growth6, percentOf } from "@/lib/statistics/decimal";
import type { Figures } from "@/lib/statistics/queries";

export interface Display {
  value: string;
  unit: string;
}

export function visitsDisplay(n: bigint, t: Translate): Display {
  return n >= 10_000n ? { value: groupThousands(formatCount(n, "wan", 2)), unit: t("statistics.units.wanVisits") } : { value: groupThousands(formatCount(n, "one")), unit: t("statistics.units.visits") };
}

export function amountDisplay(fen: bigint, t: Translate): Display {
  return fen >= 10_000_000_000n
    ? { value: groupThousands(formatAmount(fen, "yi", 2)), unit: t("statistics.units.yiYuan") }
    : { value: groupThousands(formatAmount(fen, "wan", 2)), unit: t("statistics.units.wanYuan") };
}

/** "58.90" from exact sums, or "—". */
export function ratioPercent(num: bigint, den: bigint, decimals = 2): string {
  return percentOf(num, den, decimals) ?? "—";
}

/** Growth as a signed percentage with 2 decimals ("+134.85"), or null without a base. */
export function growthPercent(cur: bigint, prev: bigint): string | null {
  const g = growth6(cur, prev);
  if (g === null) return null;
  const pct = divRound(cur * 100n - prev * 100n, prev, 2);
  return pct.startsWith("-") ? pct : `+${pct}`;
}

/** Change of the fund ratio in percentage points ("+1.25"), or null. */
export function ratioChangePoints(cur: Figures, prev: Figures): string | null {
  if (cur.totalCost === 0n || prev.totalCost === 0n) return null;
  // (a/b − c/d) × 100 = 100·(a·d − c·b) / (b·d), exact
  const pts = divRound(100n * (cur.fundPaid * prev.totalCost - prev.fundPaid * cur.totalCost), cur.totalCost * prev.totalCost, 2);
  return pts.startsWith("-") ? pts : `+${pts}`;
}

/** Plain numbers for charts (display only; exact figures are shown as text). */
export const wan = (n: bigint) => Number(formatCount(n, "wan", 4));
export const wanYuan = (fen: bigint) => Number(formatAmount(fen, "wan", 2));
