"use client";
// Server-side paging of a secondary list on a page (e.g. the history on the detail page): its
// page lives in the URL under its own key so the main state is untouched.
import TablePagination from "@mui/material/TablePagination";
import { useRosterUrl } from "./url-state";

export function KeyPagination({ total, page, pageSize, pageKey, options = [10, 20, 50] }: { total: number; page: number; pageSize: number; pageKey: string; options?: number[] }) {
  const { searchParams, update } = useRosterUrl();
  const sizeKey = `${pageKey}Size`;
  return (
    <TablePagination
      component="div"
      count={total}
      page={Math.max(0, Math.min(page - 1, Math.max(0, Math.ceil(total / pageSize) - 1)))}
      rowsPerPage={pageSize}
      rowsPerPageOptions={options}
      onPageChange={(_, p) => update({ [pageKey]: p + 1, page: searchParams.get("page") ?? undefined })}
      onRowsPerPageChange={(e) => update({ [sizeKey]: e.target.value, [pageKey]: undefined, page: searchParams.get("page") ?? undefined })}
      showFirstButton
      showLastButton
    />
  );
}
