import { NATION_CODE } from "@/lib/auth/roles";

/** The page URL of a region (and optionally a search in its subtree); the root has no `code`. */
export function regionHref(code: string, q?: string): string {
  const params = new URLSearchParams();
  if (code !== NATION_CODE) params.set("code", code);
  if (q) params.set("q", q);
  const s = params.toString();
  return s ? `/regions?${s}` : "/regions";
}
