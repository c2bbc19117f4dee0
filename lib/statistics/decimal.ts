// Exact decimal arithmetic for money and ratios: amounts are integer fen (分) as bigint, never
// floats; division rounds half-up (half away from zero) once, at the requested scale. Pure.

// The settlement file's amount rule lives with the file format; statistics builds on it.
export { yuanToFen } from "../settlements/amount";

/** A PostgreSQL numeric with scale ≤ 2 as text ("123.4", "-5.00", "0") → fen. */
export function fenOf(text: string | null | undefined): bigint {
  if (text === null || text === undefined || text === "") return 0n;
  const neg = text.startsWith("-");
  const body = neg ? text.slice(1) : text;
  const [int = "0", frac = ""] = body.split(".");
  if (!/^\d+$/.test(int) || !/^\d{0,2}$/.test(frac)) throw new Error(`not an amount: ${text}`);
  const fen = BigInt(int) * 100n + BigInt((frac + "00").slice(0, 2));
  return neg ? -fen : fen;
}

/** fen → "952.28" (always two decimals). */
export function fenToYuan(fen: bigint): string {
  return divRound(fen, 100n, 2);
}

const abs = (n: bigint) => (n < 0n ? -n : n);

/** n ÷ d rounded half away from zero to `scale` decimals, as a decimal string. d ≠ 0. */
export function divRound(n: bigint, d: bigint, scale: number): string {
  if (d === 0n) throw new Error("division by zero");
  const negative = n < 0n !== d < 0n && n !== 0n;
  const a = abs(n);
  const b = abs(d);
  const factor = 10n ** BigInt(scale);
  // half-up on magnitudes: floor((2·a·10^s + b) / 2b)
  const q = (2n * a * factor + b) / (2n * b);
  const int = q / factor;
  const frac = (q % factor).toString().padStart(scale, "0");
  const text = scale > 0 ? `${int}.${frac}` : `${int}`;
  return negative && q !== 0n ? `-${text}` : text;
}

/** numerator ÷ denominator to 6 places, or null when the denominator is 0 (e.g. fund ratio). */
export function ratio6(numerator: bigint, denominator: bigint): string | null {
  return denominator === 0n ? null : divRound(numerator, denominator, 6);
}

/** (current − previous) ÷ previous to 6 places; null when there was nothing the previous period. */
export function growth6(current: bigint, previous: bigint): string | null {
  return previous === 0n ? null : divRound(current - previous, previous, 6);
}

/** numerator ÷ denominator as a percentage with `decimals` places ("58.90"), null when den is 0. */
export function percentOf(numerator: bigint, denominator: bigint, decimals = 2): string | null {
  return denominator === 0n ? null : divRound(numerator * 100n, denominator, decimals);
}

export type AmountUnit = "yuan" | "wan" | "yi";
const FEN_PER: Record<AmountUnit, bigint> = { yuan: 100n, wan: 1_000_000n, yi: 10_000_000_000n };

/** fen in 元 / 万元 / 亿元 with a fixed number of decimals, e.g. (95228000000000n, "yi", 2) → "952.28". */
export function formatAmount(fen: bigint, unit: AmountUnit, decimals = 2): string {
  return divRound(fen, FEN_PER[unit], decimals);
}

/** A count in 人次 or 万人次 with a fixed number of decimals. */
export function formatCount(count: bigint, unit: "one" | "wan", decimals = unit === "wan" ? 2 : 0): string {
  return divRound(count, unit === "wan" ? 10_000n : 1n, decimals);
}

/** Groups the integer part with thousands separators ("1234567.80" → "1,234,567.80"). */
export function groupThousands(text: string): string {
  const [int, frac] = text.split(".");
  const sign = int!.startsWith("-") ? "-" : "";
  const digits = sign ? int!.slice(1) : int!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}
