// The roster list's URL state: which keys it keeps and how they become a query for
// listInstitutions / the export link. Invalid values are dropped (and named) rather than
// turned into an error page.
import { listInstitutionsSchema } from "@/lib/facilities/schemas";
import { safeParseInput } from "@/lib/validation";
import { pickParams, type RawParams } from "@/components/ui/url-query";

export const LIST_KEYS = ["q", "region", "type", "level", "status", "service", "sort", "page", "pageSize"] as const;
export const FILTER_KEYS = ["q", "region", "type", "level", "status", "service"] as const;

export type { RawParams };
/** The given keys of the URL that have a value (the kit's one rule). */
export const pick = pickParams;

/** The valid part of the URL's list state, and the names of the keys dropped as invalid. */
export function listQuery(sp: RawParams): { query: Record<string, string>; invalid: string[] } {
  const query = pick(sp, LIST_KEYS);
  const parsed = safeParseInput(listInstitutionsSchema, query);
  if (parsed.success) return { query, invalid: [] };
  const invalid = Object.keys(parsed.fieldErrors).map((k) => k.split(".")[0]!);
  for (const k of invalid) delete query[k];
  return { query, invalid: [...new Set(invalid)] };
}

/** The export link for the current filter (no paging, same sort). */
export function exportHref(query: Record<string, string>, format: "csv" | "xlsx"): string {
  const p = new URLSearchParams({ format });
  for (const k of [...FILTER_KEYS, "sort"]) if (query[k]) p.set(k, query[k]);
  return `/api/v1/institutions/export?${p.toString()}`;
}
