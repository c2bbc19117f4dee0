"use client";
// The region picker's data: searches and children lists from GET /api/v1/regions (the search
// runs on the server, where the pinyin of every name is computed once — decision 014), and the
// names of codes that arrive from a URL. Answers are kept for the page's life: the tree changes
// only with a new GB/T 2260 release.
import { useEffect, useState } from "react";

export interface RegionOption {
  /** As the URL/API takes it: a 6-digit code or a 2/4-digit prefix. */
  code: string;
  name?: string;
  /** Ancestors below the nation, for telling 朝阳区 from 朝阳区: "北京市 / 市辖区". */
  path?: string;
  childCount?: number;
  /** A region group (`code` is group:<slug>, decision 020): its English name and member count. */
  nameEn?: string;
  members?: number;
}

interface Ref {
  code: string;
  name: string;
  level: string;
}
interface Item extends Ref {
  childCount?: number;
  path?: Ref[];
}

const answers = new Map<string, Promise<Item[]>>();

function getItems(url: string): Promise<Item[]> {
  let p = answers.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => (r.ok ? (r.json() as Promise<{ items: Item[] }>) : { items: [] }))
      .then((b) => b.items)
      .catch(() => {
        answers.delete(url);
        return [];
      });
    answers.set(url, p);
  }
  return p;
}

interface GroupItem {
  token: string;
  nameZh: string;
  nameEn: string;
  members: unknown[];
}

const groupAnswers = new Map<string, Promise<RegionOption[]>>();

/** Region groups from GET /api/v1/region-groups (the search, pinyin included, runs on the server). */
function getGroups(url: string): Promise<RegionOption[]> {
  let p = groupAnswers.get(url);
  if (!p) {
    p = fetch(url)
      // A list answers { items }, one group ({slug}) the group itself.
      .then((r): Promise<{ items?: GroupItem[] } & Partial<GroupItem>> => (r.ok ? r.json() : Promise.resolve({})))
      .then((b) =>
        (b.items ?? (b.token ? [b as GroupItem] : [])).map((g: GroupItem) => ({
          code: g.token,
          name: g.nameZh,
          nameEn: g.nameEn,
          members: g.members.length,
        })),
      )
      .catch(() => {
        groupAnswers.delete(url);
        return [];
      });
    groupAnswers.set(url, p);
  }
  return p;
}

export const isGroupCode = (code: string) => code.startsWith("group:");

/** The groups matching `query` (all of them when empty), when `enabled`. */
export function useGroupOptions(query: string, open: boolean, enabled: boolean): RegionOption[] {
  const [state, setState] = useState<{ key: string; options: RegionOption[] }>({ key: "", options: [] });
  const q = query.trim();
  const key = `/api/v1/region-groups?pageSize=50${q ? `&q=${encodeURIComponent(q)}` : ""}`;
  useEffect(() => {
    if (!open || !enabled) return;
    let live = true;
    void getGroups(key).then((options) => {
      if (live) setState({ key, options });
    });
    return () => {
      live = false;
    };
  }, [key, open, enabled]);
  return enabled && state.key === key ? state.options : [];
}

function toOption(i: Item): RegionOption {
  const path = i.path
    ?.filter((p) => p.level !== "NATION")
    .map((p) => p.name)
    .join(" / ");
  return { code: i.code, name: i.name, path: path || undefined, childCount: i.childCount };
}

/** The region a code or prefix stands for: "13" → 130000, "1310" → 131000. */
export function regionCodeOf(code: string): string {
  return code.padEnd(6, "0");
}

/** Comma-separated codes (a URL value) as options without names yet. */
export function optionsOf(csv: string | undefined | null): RegionOption[] {
  return (csv ?? "")
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean)
    .map((code) => ({ code }));
}

/** Options as the URL/API value: codes joined by commas. */
export function codesOf(options: RegionOption[]): string {
  return options.map((o) => o.code).join(",");
}

const known = new Map<string, RegionOption>();

/** Keeps the names of picked options, so a value that went through a URL string keeps its name. */
export function rememberNames(options: RegionOption[]): void {
  for (const o of options) if (o.name) known.set(o.code, o);
}

/** `options` with their names: remembered ones at once, others looked up (a code search ranks the region a code stands for first). */
export function useNamed(options: RegionOption[]): RegionOption[] {
  const [names, setNames] = useState(() => new Map<string, RegionOption>());
  const key = options
    .filter((o) => !o.name && !known.has(o.code))
    .map((o) => o.code)
    .join(",");
  useEffect(() => {
    const wanted = key.split(",").filter((c) => /^(\d{2}|\d{4}|\d{6})$/.test(c) || isGroupCode(c));
    if (!wanted.length) return;
    let live = true;
    void Promise.all(
      wanted.map(async (code) => {
        if (isGroupCode(code))
          return (await getGroups(`/api/v1/region-groups/${encodeURIComponent(code.slice(6))}`))[0] ?? null;
        const [hit] = await getItems(`/api/v1/regions?q=${code}&limit=1`);
        return hit && hit.code === regionCodeOf(code) ? { ...toOption(hit), code } : null;
      }),
    ).then((found) => {
      const hits = found.filter((f) => f !== null);
      rememberNames(hits);
      if (live) setNames(new Map(hits.map((h) => [h.code, h])));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return stable(options.map((o) => (o.name ? o : (known.get(o.code) ?? names.get(o.code) ?? o))));
}

const arrays = new Map<string, RegionOption[]>();

/**
 * The same array for the same codes and names: Autocomplete resets what is being typed whenever
 * its value changes identity, and callers rebuild their options on every render.
 */
function stable(options: RegionOption[]): RegionOption[] {
  const sig = options.map((o) => `${o.code}:${o.name ?? ""}:${o.path ?? ""}`).join(",");
  let arr = arrays.get(sig);
  if (!arr) arrays.set(sig, (arr = options));
  return arr;
}

/** Search hits for `query` in the subtree of `within`, or the children of `parent` when the query is empty. */
export function useRegionOptions(
  query: string,
  parent: string,
  open: boolean,
): { options: RegionOption[]; loading: boolean } {
  const [state, setState] = useState<{ key: string; options: RegionOption[] }>({ key: "", options: [] });
  const q = query.trim();
  const key = q
    ? `/api/v1/regions?q=${encodeURIComponent(q)}&limit=20&parent=${parent}`
    : `/api/v1/regions?parent=${parent}`;
  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(
      () => {
        void getItems(key).then((items) => {
          if (live) setState({ key, options: items.map(toOption) });
        });
      },
      q ? 200 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, q, open]);
  return { options: state.key === key ? state.options : [], loading: open && state.key !== key };
}
