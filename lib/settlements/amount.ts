// Amounts in the settlement file: yuan text → integer fen. Pure; lib/statistics/decimal.ts holds
// the rest of the money arithmetic and builds on this (settlements never import statistics).
const AMOUNT_RE = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/**
 * Yuan text with at most 2 decimals and at most 12 integer digits (numeric(14,2)) → fen as a
 * Number, which is exact below 2^53 (here < 10^14). Null when malformed. Hot path of imports.
 */
export function yuanToFen(text: string): number | null {
  const m = AMOUNT_RE.exec(text);
  if (!m) return null;
  const frac = m[2] ? (m[2].length === 1 ? Number(m[2]) * 10 : Number(m[2])) : 0;
  return Number(m[1]) * 100 + frac;
}
