// Display of exact figures: units by magnitude (lib/statistics/units.ts, decision 015),
// percentages with a fixed number of decimals, chart axes and tooltip texts, all computed from
// bigint (no float rounding). Pure.
import type { Locale, Translate } from "@/lib/i18n";
import { divRound, growth6, percentOf } from "@/lib/statistics/decimal";
import type { Figures } from "@/lib/statistics/queries";
import { chartAxis, chartNumber, inUnit, pairText, type FigureKind } from "@/lib/statistics/units";

export interface Display {
  value: string;
  unit: string;
}

/** A card's figure, and its last-year figure as a line ("2,472 人次"), in the card's unit. */
export function cardFigures(
  kind: FigureKind,
  n: bigint,
  lastYear: bigint,
  t: Translate,
  locale: Locale,
): { display: Display; lastYear: string } {
  const [cur, ly] = pairText(kind, n, lastYear, locale);
  return {
    display: { value: cur.value, unit: t(`statistics.units.${cur.unitKey}`) },
    lastYear: `${ly.value} ${t(`statistics.units.${ly.unitKey}`)}`,
  };
}

/** A chart's value axis (unit label, round ticks) and each value as a number and as exact text. */
export function chartValues(kind: FigureKind, values: (bigint | null)[], t: Translate, locale: Locale) {
  const { unit, axis } = chartAxis(kind, values, locale);
  const unitLabel = t(`statistics.units.${axis.unitKey}`);
  return {
    axis: { unit: unitLabel, ticks: axis.ticks },
    number: (v: bigint | null) => (v === null ? null : chartNumber(v, unit)),
    text: (v: bigint | null) => (v === null ? t("statistics.chart.noData") : `${inUnit(v, unit)} ${unitLabel}`),
  };
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
  const pts = divRound(
    100n * (cur.fundPaid * prev.totalCost - prev.fundPaid * cur.totalCost),
    cur.totalCost * prev.totalCost,
    2,
  );
  return pts.startsWith("-") ? pts : `+${pts}`;
}
