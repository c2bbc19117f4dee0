// The kit's URL state, pure: how a list's filters, sort and page are read from and written to
// search params. One rule everywhere — empty values are removed, and a change of anything but
// the page sends the list back to page 1 — so every list keeps the same URLs.
export type RawParams = Record<string, string | string[] | undefined>;
export type UrlValues = Record<string, string | number | null | undefined>;

export interface UpdateOptions {
  /** Go back to the first page unless the page itself is set (default true). */
  resetPage?: boolean;
  /** The page key of this list ("page", or e.g. "cpage" for a second list on the page). */
  pageKey?: string;
}

/** The first value of a param, trimmed; undefined when absent or blank. */
export function first(sp: RawParams, key: string): string | undefined {
  const v = sp[key];
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s : undefined;
}

/** The given keys of the params that have a value. */
export function pickParams(sp: RawParams, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const s = first(sp, k);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/** The search string after setting `values` on `current` (empty → removed). */
export function nextQuery(
  current: string | URLSearchParams,
  values: UrlValues,
  { resetPage = true, pageKey = "page" }: UpdateOptions = {},
): string {
  const next = new URLSearchParams(typeof current === "string" ? current : current.toString());
  for (const [key, value] of Object.entries(values)) {
    const s = value === undefined || value === null ? "" : String(value).trim();
    if (s) next.set(key, s);
    else next.delete(key);
  }
  if (resetPage && !(pageKey in values)) next.delete(pageKey);
  return next.toString();
}

/** Only the `keep` keys of `current`. */
export function keepOnly(current: string | URLSearchParams, keep: readonly string[]): string {
  const from = new URLSearchParams(typeof current === "string" ? current : current.toString());
  const next = new URLSearchParams();
  for (const k of keep) {
    const v = from.get(k);
    if (v) next.set(k, v);
  }
  return next.toString();
}

export function withQuery(pathname: string, query: string): string {
  return query ? `${pathname}?${query}` : pathname;
}

/** A positive whole page number from the URL, else `fallback` (1). */
export function readPage(sp: RawParams, key = "page", fallback = 1): number {
  const n = Number(first(sp, key));
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

/** The 0-based page MUI's pagination shows, clamped to the pages that exist. */
export function zeroBasedPage(page: number, total: number, pageSize: number): number {
  const last = Math.max(0, Math.ceil(total / Math.max(1, pageSize)) - 1);
  return Math.max(0, Math.min(page - 1, last));
}

export type SortOrder = "asc" | "desc";
export interface SortState {
  /** The column key sorted on now, if any. */
  by?: string;
  order?: SortOrder;
  /** The current query (sort and page are replaced in the links). */
  query: Record<string, string>;
  /** Param name (default "sort"); its value is the API's form, `name` or `-name` (docs/api.md, decision 028). */
  sortKey?: string;
  pathname?: string;
}

/** The link a sortable column header points to: the same column flips, another starts ascending; page 1. */
export function sortHref(state: SortState, column: string): string {
  const sortKey = state.sortKey ?? "sort";
  const desc = state.by === column && state.order !== "desc";
  const q = nextQuery(new URLSearchParams(state.query), { [sortKey]: desc ? `-${column}` : column });
  return withQuery(state.pathname ?? "", q) || "?";
}

/** Column keys hidden by the column chooser ("cols" param lists the hidden ones). */
export function hiddenColumns(value: string | undefined): string[] {
  return value
    ? value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/** The value of a region filter that widens a list to the whole country (`?region=all`). */
export const NATIONAL = "all";
const NATIONAL_REGION = "000000";

/**
 * A list that opens on the user's own jurisdiction: no region in the URL means `own`; `all`
 * (NATIONAL) means the whole country; any other value is the chosen region. `region` is what the
 * query takes (undefined: no region filter).
 */
export function jurisdiction(
  raw: string | undefined,
  own: string,
): { region: string | undefined; national: boolean; isOwn: boolean } {
  // A national bureau's own jurisdiction is the country.
  if (own === NATIONAL_REGION)
    return {
      region: raw && raw !== NATIONAL && raw !== own ? raw : undefined,
      national: !raw || raw === NATIONAL || raw === own,
      isOwn: !raw || raw === NATIONAL || raw === own,
    };
  if (raw === NATIONAL) return { region: undefined, national: true, isOwn: false };
  const region = raw ?? own;
  return { region, national: false, isOwn: region === own };
}
