// Beijing time (Asia/Shanghai) calendar of settlements. China has kept UTC+8 without daylight
// saving since 1991, so the Beijing day of an instant is its UTC time shifted by eight hours —
// whatever offset the sender wrote. Pure: no I/O.
import { beijingDay } from "../time/beijing";

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)$/;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;

export interface ParsedInstant {
  /** Milliseconds since the epoch (UTC). */
  epochMs: number;
  /** Beijing-time calendar day, YYYY-MM-DD. */
  beijingDay: string;
}

/**
 * Parses ISO 8601 with an explicit offset (2023-06-30T23:40:00+08:00, …Z, …+0000) and gives the
 * Beijing calendar day. Null when malformed, without offset, or an impossible date/time.
 */
export function parseSettledAt(text: string): ParsedInstant | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  const s = m[6] ? Number(m[6]) : 0;
  const frac = m[7] ? Number(m[7].padEnd(3, "0").slice(0, 3)) : 0;
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, s, frac);
  // Reject 2023-02-30 and the like: the date must survive a round trip.
  const check = new Date(local);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  let offsetMs = 0;
  const tz = m[8]!;
  if (tz !== "Z" && tz !== "z") {
    const sign = tz[0] === "-" ? -1 : 1;
    const digits = tz.slice(1).replace(":", "");
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 14 || om > 59) return null;
    offsetMs = sign * (oh * 60 + om) * 60_000;
  }
  const epochMs = local - offsetMs;
  return { epochMs, beijingDay: beijingDay(epochMs) };
}
