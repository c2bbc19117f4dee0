// The kit's table: plain <table> markup styled by kit.css and data-table.css (the look of MUI's
// small Table with our theme), for the lists and breakdowns every page repeats. A server
// component — no client code, no per-cell styling work — usable from client components too.
// Columns say how to render a cell; a column can be the row's heading (<th scope="row">).
// Sorting is links (the sort lives in the URL, url-query.ts), the empty state is a row, and on
// narrow screens the table scrolls inside its card with the first column held in place.
import type { CSSProperties, HTMLAttributes, ReactNode } from "react";
import { sortHref, type SortState } from "./url-query";
import "./data-table.css";

export interface Column<R> {
  key: string;
  header: ReactNode;
  cell: (row: R, index: number) => ReactNode;
  align?: "left" | "right" | "center";
  nowrap?: boolean;
  /** Tabular figures (numbers line up). */
  numeric?: boolean;
  /** The cell names its row: <th scope="row">, bold. */
  rowHeader?: boolean;
  /** Extra attributes of a cell (data-* for tests). */
  cellProps?: (row: R) => Record<`data-${string}`, string | undefined>;
  /** Per-cell inline style (e.g. a heat shade); static styles belong in kit.css. */
  style?: (row: R) => CSSProperties | undefined;
  minWidth?: number;
  /** The server sorts on this column (its key is the sort param's value). */
  sortable?: boolean;
  /** Header width (e.g. a fixed time column). */
  width?: number;
  /** A column the column chooser may hide. */
  optional?: boolean;
}

export type { SortState };

function cls(c: Pick<Column<unknown>, "align" | "nowrap" | "numeric" | "rowHeader">): string | undefined {
  const out = [
    c.align === "right" ? "yb-right" : c.align === "center" ? "yb-center" : "",
    c.nowrap ? "yb-nowrap" : "",
    c.numeric ? "yb-num" : "",
    c.rowHeader ? "yb-strong" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return out || undefined;
}

function HeaderCell<R>({ c, sort }: { c: Column<R>; sort?: SortState }) {
  const style = c.minWidth || c.width ? { minWidth: c.minWidth, width: c.width } : undefined;
  const active = sort && c.sortable && sort.by === c.key;
  return (
    <th
      scope="col"
      className={cls({ align: c.align, nowrap: c.nowrap })}
      style={style}
      aria-sort={active ? (sort.order === "desc" ? "descending" : "ascending") : undefined}
    >
      {sort && c.sortable ? (
        <a
          href={sortHref(sort, c.key)}
          className={active ? "yb-sort yb-sort-active" : "yb-sort"}
          data-testid={`sort-${c.key}`}
        >
          {c.header}
          <span className="yb-sort-arrow" aria-hidden="true">
            {active && sort.order === "desc" ? "↓" : "↑"}
          </span>
        </a>
      ) : (
        c.header
      )}
    </th>
  );
}

export function DataTable<R>({
  columns,
  rows,
  rowKey,
  label,
  testId,
  hover = true,
  rowProps,
  head,
  empty,
  sort,
  hidden,
  sticky = true,
  className,
}: {
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R, index: number) => string;
  /** Accessible name of the table. */
  label: string;
  testId?: string;
  /** Shade the row under the pointer (rows that link somewhere). */
  hover?: boolean;
  /** Extra attributes of a row (data-* for tests, aria-*). */
  rowProps?: (row: R) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
  /** Replaces the header row (e.g. a header cell with a unit note). */
  head?: ReactNode;
  /** Shown in one full-width row when there are no rows. */
  empty?: ReactNode;
  /** Server-side sort kept in the URL: sortable columns become links. */
  sort?: SortState;
  /** Keys of optional columns the column chooser hid. */
  hidden?: readonly string[];
  /** Hold the first column while the table scrolls sideways on a narrow screen. */
  sticky?: boolean;
  className?: string;
}) {
  const shown = hidden?.length ? columns.filter((c) => !(c.optional && hidden.includes(c.key))) : columns;
  const tableClass = ["yb-table", sticky ? "yb-sticky-first" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    // A named, focusable region: on a phone the table scrolls sideways inside it, and a keyboard
    // user scrolls it with the arrow keys once it has focus (WCAG 2.1.1; axe scrollable-region-focusable).
    <div className="yb-table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className={tableClass} aria-label={label} data-testid={testId}>
        <thead>
          {head ?? (
            <tr>
              {shown.map((c) => (
                <HeaderCell key={c.key} c={c} sort={sort} />
              ))}
            </tr>
          )}
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={rowKey(r, i)} className={hover ? "yb-hover" : undefined} {...rowProps?.(r)}>
              {shown.map((c) => {
                const props = {
                  ...c.cellProps?.(r),
                  className: cls(c),
                  style: c.style?.(r) ?? (c.minWidth ? { minWidth: c.minWidth } : undefined),
                };
                return c.rowHeader ? (
                  <th key={c.key} scope="row" {...props}>
                    {c.cell(r, i)}
                  </th>
                ) : (
                  <td key={c.key} {...props}>
                    {c.cell(r, i)}
                  </td>
                );
              })}
            </tr>
          ))}
          {rows.length === 0 && empty !== undefined && (
            <tr className="yb-empty-row">
              <td colSpan={shown.length}>
                <p className="yb-body1 yb-empty" data-testid={testId ? `${testId}-empty` : undefined}>
                  {empty}
                </p>
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The loading state of a list (a route's loading.tsx): the header and grey bars in the table's shape. */
export function DataTableSkeleton({
  columns = 5,
  rows = 8,
  label,
}: {
  columns?: number;
  rows?: number;
  label: string;
}) {
  return (
    <div className="yb-table-wrap" aria-busy="true" aria-label={label} role="status">
      <table className="yb-table">
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              {Array.from({ length: columns }, (_, c) => (
                <td key={c}>
                  <span className="yb-skeleton" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
