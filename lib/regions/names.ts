// Region names for display: the whole GB/T 2260 tree (~3,300 rows) held once per process,
// dropped on every instance when the region table changes (trigger → lib/db/events.ts; the
// region sync at start-up is the only writer). Every domain names regions through here.
import { SharedCache } from "../cache/shared";
import { loadRegionIndex, type RegionIndexEntry } from "./lookup";
import { romanize } from "./pinyin";
import { buildSearchEntries, type SearchEntry } from "./search";

const index = new SharedCache<Map<string, RegionIndexEntry>>({
  topics: ["regions"],
  ttlMs: 3_600_000,
  keysOf: () => "all",
});

/** Every region by code, from the process cache. */
export function cachedRegionIndex(): Promise<Map<string, RegionIndexEntry>> {
  return index.get("tree", loadRegionIndex);
}

/** Names of the given codes (unknown codes are left out). */
export async function regionNames(codes: Iterable<string>): Promise<Map<string, string>> {
  const tree = await cachedRegionIndex();
  const out = new Map<string, string>();
  for (const c of codes) {
    const r = tree.get(c);
    if (r) out.set(c, r.name);
  }
  return out;
}

const nameMaps = new WeakMap<Map<string, RegionIndexEntry>, Map<string, string>>();

/** The name of every region by code (built once per loaded tree). */
export async function allRegionNames(): Promise<Map<string, string>> {
  const tree = await cachedRegionIndex();
  let names = nameMaps.get(tree);
  if (!names) nameMaps.set(tree, (names = new Map([...tree.values()].map((r) => [r.code, r.name]))));
  return names;
}

const searchIndexes = new WeakMap<Map<string, RegionIndexEntry>, SearchEntry[]>();

/** Every region with its pinyin and initials, for the search (~150 ms once per loaded tree). */
export async function regionSearchEntries(): Promise<SearchEntry[]> {
  const tree = await cachedRegionIndex();
  let entries = searchIndexes.get(tree);
  if (!entries) searchIndexes.set(tree, (entries = buildSearchEntries(tree.values(), romanize)));
  return entries;
}
