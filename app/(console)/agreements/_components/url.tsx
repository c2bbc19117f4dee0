"use client";
// URL-held list state for the agreement pages: filters and paging push new search params and
// the server component re-renders from them.
import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import TablePagination from "@mui/material/TablePagination";

export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
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
  return { searchParams, update, pending };
}

export function UrlPagination({ total, page, pageSize }: { total: number; page: number; pageSize: number }) {
  const { update } = useUrlState();
  return (
    <TablePagination
      component="div"
      count={total}
      page={Math.max(0, Math.min(page - 1, Math.max(0, Math.ceil(total / pageSize) - 1)))}
      rowsPerPage={pageSize}
      rowsPerPageOptions={[20, 50, 100]}
      onPageChange={(_, p) => update({ page: p + 1 }, { resetPage: false })}
      onRowsPerPageChange={(e) => update({ pageSize: Number(e.target.value), page: undefined })}
    />
  );
}
