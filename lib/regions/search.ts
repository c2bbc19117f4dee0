// Region search held in memory: the whole GB/T 2260 tree (~3,300 names) with each name's pinyin
// and initials, computed once per loaded tree. Matches a Chinese name fragment (河北), full
// pinyin (hebei), initials (hbs) or a code prefix (13, 1310, 131000), and ranks the hits.
// Pure: the romanizer is passed in, so the ranking is tested without the pinyin dictionary.
import type { RegionIndexEntry } from "./lookup";

export interface SearchEntry extends RegionIndexEntry {
  /** Lower-case pinyin without tones or separators: 河北省 → hebeisheng. */
  pinyin: string;
  /** First letters of each syllable: 河北省 → hbs. */
  initials: string;
}

export type Romanize = (name: string) => { pinyin: string; initials: string };

const LEVEL_ORDER: Record<RegionIndexEntry["level"], number> = { NATION: 0, PROVINCE: 1, CITY: 2, COUNTY: 3 };

/** Match classes, best first; a hit's class is the best one it satisfies. */
export const MATCH = {
  CODE: 0,
  NAME_EXACT: 1,
  NAME_PREFIX: 2,
  NAME_CONTAINS: 3,
  PINYIN_PREFIX: 4,
  INITIALS_PREFIX: 5,
  PINYIN_CONTAINS: 6,
} as const;

export function buildSearchEntries(rows: Iterable<RegionIndexEntry>, romanize: Romanize): SearchEntry[] {
  return [...rows].map((r) => ({ ...r, ...romanize(r.name) }));
}

/** The query as matched: trimmed, lower-case, without spaces or apostrophes (xi'an → xian). */
export function normalizeQuery(q: string): string {
  return q
    .trim()
    .toLowerCase()
    .replace(/[\s'’·]/g, "")
    .replace(/ü/g, "v");
}

/** The match class of `entry` for a normalized query, or null when it does not match. */
export function matchClass(entry: SearchEntry, q: string): number | null {
  if (!q) return null;
  if (/^\d{1,6}$/.test(q)) return entry.code.startsWith(q) ? MATCH.CODE : null;
  const name = entry.name.toLowerCase();
  if (name === q) return MATCH.NAME_EXACT;
  if (name.startsWith(q)) return MATCH.NAME_PREFIX;
  if (name.includes(q)) return MATCH.NAME_CONTAINS;
  if (!/^[a-z]+$/.test(q)) return null;
  if (entry.pinyin.startsWith(q)) return MATCH.PINYIN_PREFIX;
  if (entry.initials.startsWith(q)) return MATCH.INITIALS_PREFIX;
  // Inside a name only from three letters on, or "an" would match half the country.
  if (q.length >= 3 && entry.pinyin.includes(q)) return MATCH.PINYIN_CONTAINS;
  return null;
}

/**
 * Regions matching `q` whose code starts with `prefix` ("" = the whole country), best match
 * first, then by level (province before city before county), then by code; at most `limit`.
 */
export function searchEntries(
  entries: readonly SearchEntry[],
  q: string,
  { limit, prefix = "" }: { limit: number; prefix?: string },
): { hits: SearchEntry[]; truncated: boolean } {
  const term = normalizeQuery(q);
  if (!term) return { hits: [], truncated: false };
  const found: { e: SearchEntry; m: number }[] = [];
  for (const e of entries) {
    if (prefix && !e.code.startsWith(prefix)) continue;
    const m = matchClass(e, term);
    if (m !== null) found.push({ e, m });
  }
  found.sort(
    (a, b) => a.m - b.m || LEVEL_ORDER[a.e.level] - LEVEL_ORDER[b.e.level] || a.e.code.localeCompare(b.e.code),
  );
  return { hits: found.slice(0, limit).map((f) => f.e), truncated: found.length > limit };
}
