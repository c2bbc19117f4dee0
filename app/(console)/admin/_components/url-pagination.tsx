"use client";
import TablePagination from "@mui/material/TablePagination";
import { useUrlState } from "./url-state";

const PAGE_SIZES = [20, 50, 100];

/** Server-side paging: page and pageSize live in the URL (page is 1-based there). */
export function UrlPagination({ total, page, pageSize }: { total: number; page: number; pageSize: number }) {
  const { update } = useUrlState();
  const options = PAGE_SIZES.includes(pageSize) ? PAGE_SIZES : [...PAGE_SIZES, pageSize].sort((a, b) => a - b);
  return (
    <TablePagination
      component="div"
      count={total}
      page={Math.max(0, Math.min(page - 1, Math.max(0, Math.ceil(total / pageSize) - 1)))}
      rowsPerPage={pageSize}
      rowsPerPageOptions={options}
      onPageChange={(_, p) => update({ page: p + 1 }, { resetPage: false })}
      onRowsPerPageChange={(e) => update({ pageSize: Number(e.target.value), page: undefined })}
      showFirstButton
      showLastButton
    />
  );
}
