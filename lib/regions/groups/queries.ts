// Reads of region groups, and the resolution of `group:<slug>` tokens in region parameters into
// the smallest set of code prefixes — the one step every filter (statistics, roster, complaints,
// agreements) takes before its own query. Groups are few (tens): held once per process, dropped
// on every instance when the table changes (trigger → lib/db/events.ts, topic regionGroups).
import { prisma } from "../../db/client";
import { SharedCache } from "../../cache/shared";
import type { Actor } from "../../auth/actor";
import type { Locale } from "../../i18n";
import { NotFoundError, ValidationError } from "../../errors";
import { regionNames } from "../names";
import { romanize } from "../pinyin";
import { normalizeQuery } from "../search";
import { groupSlugOf, groupToken, minimalPrefixes } from "./normalize";
import { canSeeRegionGroup } from "./policy";
import { listRegionGroupsSchema, type RegionGroupVisibility } from "./schemas";
import { parseInput } from "../../validation";

export interface RegionGroupRecord {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  description: string;
  members: string[];
  /** minimalPrefixes(members) */
  prefixes: string[];
  /** Pinyin and initials of the Chinese name, for the picker's search (hebei, jjj). */
  pinyin: string;
  initials: string;
  ownerBureauId: string;
  ownerRegion: string;
  ownerName: string;
  ownerNameEn: string;
  visibility: RegionGroupVisibility;
  retired: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const groups = new SharedCache<Map<string, RegionGroupRecord>>({
  topics: ["regionGroups", "bureaus"],
  ttlMs: 600_000,
  keysOf: () => "all",
});

async function loadGroups(): Promise<Map<string, RegionGroupRecord>> {
  const rows = await prisma.regionGroup.findMany({ orderBy: { slug: "asc" } });
  const owners = await prisma.bureau.findMany({
    where: { id: { in: [...new Set(rows.map((g) => g.ownerBureauId))] } },
    select: { id: true, regionCode: true, name: true, nameEn: true },
  });
  const ownerOf = new Map(owners.map((b) => [b.id, b]));
  return new Map(
    rows.map((g) => {
      const owner = ownerOf.get(g.ownerBureauId);
      // The owner is a foreign key: it exists. Its region decides who sees OWNER_REGION groups.
      return [
        g.slug,
        {
          ...g,
          ...romanize(g.nameZh),
          prefixes: minimalPrefixes(g.members),
          ownerRegion: owner!.regionCode,
          ownerName: owner!.name,
          ownerNameEn: owner!.nameEn,
        },
      ];
    }),
  );
}

/** Every group by slug, from the process cache (visibility not applied). */
export function allRegionGroups(): Promise<Map<string, RegionGroupRecord>> {
  return groups.get("all", loadGroups);
}

/** The groups the actor may see and use, retired ones included, by slug. */
export async function visibleRegionGroups(actor: Actor): Promise<RegionGroupRecord[]> {
  return [...(await allRegionGroups()).values()].filter((g) => canSeeRegionGroup(actor, g));
}

/** The names of the groups the actor may see, keyed by their token (group:<slug>), in the user's language. */
export async function regionGroupNames(actor: Actor, locale: Locale): Promise<Map<string, string>> {
  return new Map(
    (await visibleRegionGroups(actor)).map((g) => [groupToken(g.slug), locale === "en" ? g.nameEn : g.nameZh]),
  );
}

/** One group the actor may see, by slug; NotFound otherwise (another region's private group too). */
export async function requireRegionGroup(actor: Actor, slug: string): Promise<RegionGroupRecord> {
  const g = (await allRegionGroups()).get(slug);
  if (!g || !canSeeRegionGroup(actor, g)) throw new NotFoundError();
  return g;
}

/** Whether a group answers a search: its Chinese or English name, slug, pinyin or initials. */
export function groupMatches(
  g: Pick<RegionGroupRecord, "slug" | "nameZh" | "nameEn" | "pinyin" | "initials">,
  query: string,
): boolean {
  const q = normalizeQuery(query);
  if (!q) return true;
  return (
    g.nameZh.includes(q) ||
    // Inside a name only from three letters on, as the region search (decision 014).
    (q.length >= 3 &&
      g.nameEn
        .toLowerCase()
        .replace(/[\s'’·]/g, "")
        .includes(q)) ||
    g.slug.startsWith(q) ||
    (q.length >= 3 && g.slug.replaceAll("-", "").includes(q.replaceAll("-", ""))) ||
    (/^[a-z]+$/.test(q) &&
      (g.pinyin.startsWith(q) || g.initials.startsWith(q) || (q.length >= 3 && g.pinyin.includes(q))))
  );
}

export async function listRegionGroups(actor: Actor, raw: unknown) {
  const input = parseInput(listRegionGroupsSchema, raw);
  const matches = (await visibleRegionGroups(actor)).filter(
    (g) => (input.retired === "INCLUDE" || (input.retired === "ONLY") === g.retired) && groupMatches(g, input.q ?? ""),
  );
  const start = (input.page - 1) * input.pageSize;
  return {
    total: matches.length,
    page: input.page,
    pageSize: input.pageSize,
    items: matches.slice(start, start + input.pageSize),
  };
}

/**
 * A region parameter's values (codes, prefixes and `group:<slug>` tokens) as the smallest set of
 * prefixes covering their union. A group the actor cannot see, or that does not exist, is a 400
 * on `field`. Retired groups still resolve, so a saved link keeps its meaning.
 */
export async function resolveRegionTokens(actor: Actor, values: readonly string[], field: string): Promise<string[]> {
  if (!values.some((v) => groupSlugOf(v))) return values.length ? minimalPrefixes(values) : [];
  const all = await allRegionGroups();
  const codes: string[] = [];
  for (const v of values) {
    const slug = groupSlugOf(v);
    if (!slug) {
      codes.push(v);
      continue;
    }
    const g = all.get(slug);
    if (!g || !canSeeRegionGroup(actor, g))
      throw new ValidationError({ [field]: [{ key: "regionGroups.errors.unknown", params: { slug } }] });
    codes.push(...g.prefixes);
  }
  return minimalPrefixes(codes);
}

/** Names of group tokens (`group:<slug>` → its zh and en names) for labels and pickers. */
export async function groupNames(
  actor: Actor,
  tokens: readonly string[],
): Promise<Record<string, { zh: string; en: string }>> {
  const all = await allRegionGroups();
  const out: Record<string, { zh: string; en: string }> = {};
  for (const t of tokens) {
    const g = all.get(groupSlugOf(t) ?? "");
    if (g && canSeeRegionGroup(actor, g)) out[t] = { zh: g.nameZh, en: g.nameEn };
  }
  return out;
}

export async function toRegionGroupDto(g: RegionGroupRecord) {
  const names = await regionNames(g.members);
  return {
    id: g.id,
    slug: g.slug,
    token: groupToken(g.slug),
    nameZh: g.nameZh,
    nameEn: g.nameEn,
    description: g.description,
    members: g.members.map((code) => ({ code, name: names.get(code) ?? code })),
    prefixes: g.prefixes,
    ownerBureau: { id: g.ownerBureauId, name: g.ownerName, nameEn: g.ownerNameEn, regionCode: g.ownerRegion },
    visibility: g.visibility,
    retired: g.retired,
    version: g.version,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

/** A single region parameter (a 6-digit code or `group:<slug>`) as prefixes; null when absent. */
export async function regionParamPrefixes(
  actor: Actor,
  value: string | undefined,
  field: string,
): Promise<string[] | null> {
  return value ? resolveRegionTokens(actor, [value], field) : null;
}
