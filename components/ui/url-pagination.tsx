"use client";
// Server-side paging with the page number in the URL (1-based there): a reload or a shared link
// opens the same page. `pageKey` lets a second list on a page keep its own page.
import TablePagination from "@mui/material/TablePagination";
import { useUrlState } from "./use-url-state";
import { zeroBasedPage } from "./url-query";

const PAGE_SIZES = [20, 50, 100];

export function UrlPagination({
  total,
  page,
  pageSize,
  pageKey = "page",
  sizeKey = pageKey === "page" ? "pageSize" : `${pageKey}Size`,
  options = PAGE_SIZES,
}: {
  total: number;
  page: number;
  pageSize: number;
  pageKey?: string;
  sizeKey?: string;
  options?: number[];
}) {
  const { update } = useUrlState({ replace: pageKey !== "page" });
  const sizes = options.includes(pageSize) ? options : [...options, pageSize].sort((a, b) => a - b);
  return (
    <TablePagination
      component="div"
      count={total}
      page={zeroBasedPage(page, total, pageSize)}
      rowsPerPage={pageSize}
      rowsPerPageOptions={sizes}
      onPageChange={(_, p) => update({ [pageKey]: p + 1 }, { pageKey })}
      onRowsPerPageChange={(e) => update({ [sizeKey]: Number(e.target.value) }, { pageKey })}
      showFirstButton
      showLastButton
      data-testid={`pagination-${pageKey}`}
    />
  );
}
