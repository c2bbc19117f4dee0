"use client";
// Client side of URL-held list state: filters and paging push new search params, and the
// server component re-renders the page from them.
import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  /** Replaces the given keys (empty → removed); other keys are kept unless `resetPage`. */
  function update(values: Record<string, string | number | undefined>, { resetPage = true } = {}) {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(values)) {
      const s = value === undefined ? "" : String(value).trim();
      if (s) next.set(key, s);
      else next.delete(key);
    }
    if (resetPage && !("page" in values)) next.delete("page");
    const query = next.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname));
  }

  function clear(keep: string[] = []) {
    const next = new URLSearchParams();
    for (const key of keep) {
      const v = searchParams.get(key);
      if (v) next.set(key, v);
    }
    const query = next.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname));
  }

  return { searchParams, update, clear, pending };
}
