// Units of displayed figures, chosen by magnitude (decision 015): one pure module used by every
// chart and card. Counts are visits; amounts are fen (bigint, exact). A unit is a catalogue key
// (statistics.units.<key>) and a factor in base units; the text of a figure is computed from
// bigint (never a float), at most two decimals, trailing zeros dropped ("1.2 亿元", "6 人次").
// Charts get plain numbers in the chosen unit and "nice" ticks (1, 2, 2.5, 5 × 10ⁿ).
import { divRound, groupThousands } from "./decimal";

export type UnitLocale = "zh-CN" | "en";
export type FigureKind = "count" | "amount";

export interface Unit {
  /** Catalogue key under statistics.units */
  key: string;
  /** Base units (visits, or fen) per unit */
  factor: bigint;
}

/** A step of a ladder: used when the largest magnitude shown reaches `from` (base units). */
interface Step extends Unit {
  from: bigint;
}

// zh: 人次 → 万人次 from 10 万; 元 → 万元 from 10 万元 → 亿元 from 1 亿元.
// en: visits → thousand from 100,000 → million from 10 million; CNY likewise, billion from 10 billion.
const step = (key: string, factor: bigint, from: bigint): Step => ({ key, factor, from });
const LADDERS: Record<FigureKind, Record<UnitLocale, Step[]>> = {
  count: {
    "zh-CN": [step("visits", 1n, 0n), step("wanVisits", 10_000n, 100_000n)],
    en: [
      step("visits", 1n, 0n),
      step("thousandVisits", 1_000n, 100_000n),
      step("millionVisits", 1_000_000n, 10_000_000n),
    ],
  },
  // fen
  amount: {
    "zh-CN": [
      step("yuan", 100n, 0n),
      step("wanYuan", 1_000_000n, 10_000_000n),
      step("yiYuan", 10_000_000_000n, 10_000_000_000n),
    ],
    en: [
      step("yuan", 100n, 0n),
      step("thousandYuan", 100_000n, 10_000_000n),
      step("millionYuan", 100_000_000n, 1_000_000_000n),
      step("billionYuan", 100_000_000_000n, 1_000_000_000_000n),
    ],
  },
};

const abs = (n: bigint) => (n < 0n ? -n : n);

/** The unit for figures whose largest magnitude is `max` (visits or fen). */
export function pickUnit(kind: FigureKind, max: bigint, locale: UnitLocale): Unit {
  const ladder = LADDERS[kind][locale];
  let unit: Step = ladder[0]!;
  for (const s of ladder) if (abs(max) >= s.from) unit = s;
  return { key: unit.key, factor: unit.factor };
}

/** The unit for a set of figures: by the largest magnitude among them. */
export function unitFor(kind: FigureKind, values: (bigint | null)[], locale: UnitLocale): Unit {
  return pickUnit(
    kind,
    values.reduce<bigint>((m, v) => (v !== null && abs(v) > m ? abs(v) : m), 0n),
    locale,
  );
}

/**
 * `value` in `unit`, at most `decimals` decimals, trailing zeros dropped (kept with `fixed`, for
 * a table column), thousands grouped.
 */
export function inUnit(value: bigint, unit: Unit, decimals = 2, fixed = false): string {
  const text = divRound(value, unit.factor, unit.factor === 1n ? 0 : decimals);
  const trimmed = text.includes(".") && !fixed ? text.replace(/\.?0+$/, "") : text;
  return groupThousands(trimmed === "-0" ? "0" : trimmed);
}

/** `value` in `unit` as a plain number for a chart (display only; texts come from inUnit). */
export function chartNumber(value: bigint, unit: Unit): number {
  return Number(divRound(value, unit.factor, 4));
}

export interface FigureText {
  value: string;
  unitKey: string;
}

/** A single figure (a card, a cell): its own unit by its own magnitude. */
export function figureText(kind: FigureKind, value: bigint, locale: UnitLocale): FigureText {
  const unit = pickUnit(kind, value, locale);
  return { value: inUnit(value, unit), unitKey: unit.key };
}

/**
 * A card's figure and its comparison figure (last year's) in one unit, chosen by the larger, so
 * they read side by side — unless the smaller would show as less than 1 in it (then its own).
 */
export function pairText(kind: FigureKind, value: bigint, other: bigint, locale: UnitLocale): [FigureText, FigureText] {
  const unit = unitFor(kind, [value, other], locale);
  const one = (v: bigint): FigureText =>
    abs(v) !== 0n && abs(v) < unit.factor ? figureText(kind, v, locale) : { value: inUnit(v, unit), unitKey: unit.key };
  return [one(value), one(other)];
}

/**
 * Round axis ticks from 0 to at least `max`: about `count` intervals of 1, 2, 2.5 or 5 × 10ⁿ
 * (whole steps only when `integer`, e.g. visits counted one by one).
 */
export function niceTicks(max: number, opts: { count?: number; integer?: boolean } = {}): number[] {
  const count = opts.count ?? 4;
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  let step = ([1, 2, 2.5, 5, 10].find((s) => s >= norm - 1e-9) ?? 10) * mag;
  if (opts.integer && step < 1) step = 1;
  if (opts.integer && !Number.isInteger(step)) step = Math.ceil(step);
  const n = Math.ceil(max / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** A tick label: grouped, at most the decimals the tick needs ("2.5", "10,000"). */
export function tickText(n: number): string {
  const text = Number(n.toPrecision(12))
    .toFixed(4)
    .replace(/\.?0+$/, "");
  return groupThousands(text === "-0" ? "0" : text);
}

/** Everything a chart needs about its value axis: unit, ticks, and the numbers of each value. */
export interface ChartAxis {
  unitKey: string;
  ticks: number[];
}

export function chartAxis(
  kind: FigureKind,
  values: (bigint | null)[],
  locale: UnitLocale,
): { unit: Unit; axis: ChartAxis } {
  const unit = unitFor(kind, values, locale);
  const max = values.reduce<number>((m, v) => (v === null ? m : Math.max(m, chartNumber(v, unit))), 0);
  return {
    unit,
    axis: { unitKey: unit.key, ticks: niceTicks(max, { integer: kind === "count" && unit.factor === 1n }) },
  };
}
