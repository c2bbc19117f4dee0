"use client";
// Client side of the roster's URL-held state: filters, sort and paging replace the search
// params and the Server Component re-renders the page from them.
import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

export function useRosterUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  /** Sets the given keys (empty → removed); the page goes back to 1 unless it is set too. */
  function update(values: Record<string, string | number | undefined | null>) {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(values)) {
      const s = value === undefined || value === null ? "" : String(value).trim();
      if (s) next.set(key, s);
      else next.delete(key);
    }
    if (!("page" in values)) next.delete("page");
    const query = next.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  function reset(keep: string[] = []) {
    const next = new URLSearchParams();
    for (const k of keep) {
      const v = searchParams.get(k);
      if (v) next.set(k, v);
    }
    const query = next.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  return { searchParams, update, reset, pending };
}
