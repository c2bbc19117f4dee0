// A group's members as the smallest set of code prefixes that covers the same regions: the form
// every filter uses (河北省 + 廊坊市 → 13), so an overlap never widens a query's key level and a
// settlement matched by two members is still one row of one OR-condition. Pure.
import { prefixOfLooseCode } from "../../auth/roles";

/** The token for a group in any region parameter (URL and API): `group:<slug>`. */
export const GROUP_TOKEN_PREFIX = "group:";
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const GROUP_TOKEN_RE = /^group:([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** The slug of a `group:<slug>` token, or null for anything else. */
export function groupSlugOf(token: string): string | null {
  return GROUP_TOKEN_RE.exec(token)?.[1] ?? null;
}

export const groupToken = (slug: string) => `${GROUP_TOKEN_PREFIX}${slug}`;

/**
 * Minimal prefixes of codes (6-digit, or 2/4-digit prefixes): each code as its covering prefix,
 * without those inside another (13 and 1310 → 13), sorted. "" (national) covers everything.
 */
export function minimalPrefixes(codes: readonly string[]): string[] {
  const prefixes = [...new Set(codes.map(prefixOfLooseCode))].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const kept: string[] = [];
  for (const p of prefixes) if (!kept.some((k) => p.startsWith(k))) kept.push(p);
  return kept.sort();
}
