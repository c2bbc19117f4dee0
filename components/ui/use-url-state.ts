"use client";
// The one client hook for a list's URL state (filters, sort, page): changes replace search
// params and the Server Component renders the list from them, so a link or a reload shows the
// same page. The rules are in url-query.ts (pure, unit-tested).
import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepOnly, nextQuery, withQuery, type UpdateOptions, type UrlValues } from "./url-query";

export interface UrlStateOptions {
  /** Replace the history entry instead of adding one (filters typed on a live list). */
  replace?: boolean;
}

export function useUrlState({ replace = false }: UrlStateOptions = {}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  function go(query: string) {
    const href = withQuery(pathname, query);
    startTransition(() => (replace ? router.replace(href, { scroll: false }) : router.push(href)));
  }

  /** Sets the given keys (empty → removed); back to page 1 unless the page is set or `resetPage: false`. */
  function update(values: UrlValues, options?: UpdateOptions) {
    go(nextQuery(searchParams, values, options));
  }

  /** Removes every key but `keep`. */
  function clear(keep: string[] = []) {
    go(keepOnly(searchParams, keep));
  }

  return { searchParams, update, clear, pending };
}
