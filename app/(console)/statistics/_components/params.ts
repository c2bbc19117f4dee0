// Dashboard state in the URL: filters (the API's query parameters), grain and flow level.
// Pure: used by the page (server) and by links built for drill-downs.
export type SearchParams = Record<string, string | string[] | undefined>;

export const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const FILTER_KEYS = [
  "from",
  "to",
  "visitRegion",
  "homeRegion",
  "serviceType",
  "institution",
  "grain",
  "level",
  "sankey",
] as const;
export type StateKey = (typeof FILTER_KEYS)[number];
export type DashState = Partial<Record<StateKey, string>>;

export function stateOf(sp: SearchParams): DashState {
  const out: DashState = {};
  for (const k of FILTER_KEYS) {
    const v = first(sp[k])?.trim();
    if (v) out[k] = v;
  }
  return out;
}

/** A dashboard URL with `changes` applied (undefined/empty removes a key). */
export function hrefWith(path: string, state: DashState, changes: DashState): string {
  const next = new URLSearchParams();
  const merged = { ...state, ...changes };
  for (const k of FILTER_KEYS) {
    const v = merged[k];
    if (v) next.set(k, v);
  }
  const q = next.toString();
  return q ? `${path}?${q}` : path;
}

/** Drill-down of a series bucket: its months (within the current period) as the period, one grain finer. */
export function drillBucket(bucket: string, grain: string, period: { from: string; to: string }): DashState {
  const d = drillUnclamped(bucket, grain);
  return { ...d, from: d.from! < period.from ? period.from : d.from, to: d.to! > period.to ? period.to : d.to };
}

function drillUnclamped(bucket: string, grain: string): DashState {
  if (grain === "YEAR") return { from: `${bucket}-01`, to: `${bucket}-12`, grain: "QUARTER" };
  if (grain === "QUARTER") {
    const [y, q] = bucket.split("Q") as [string, string];
    const m = (Number(q) - 1) * 3 + 1;
    return { from: `${y}-${String(m).padStart(2, "0")}`, to: `${y}-${String(m + 2).padStart(2, "0")}`, grain: "MONTH" };
  }
  if (grain === "MONTH") return { from: bucket, to: bucket, grain: "DAY" };
  return { from: bucket.slice(0, 7), to: bucket.slice(0, 7), grain: "DAY" };
}
