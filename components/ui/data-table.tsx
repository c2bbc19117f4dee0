// The kit's table: plain <table> markup styled by kit.css (the look of MUI's small Table with our
// theme), for the lists and breakdowns every page repeats. A server component — no client code,
// no per-cell styling work — usable from client components too. Columns say how to render a
// cell; a column can be the row's heading (<th scope="row">).
import type { CSSProperties, HTMLAttributes, ReactNode } from "react";

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
  /** Per-cell inline style (e.g. a heat shade); static styles belong in kit.css. */
  style?: (row: R) => CSSProperties | undefined;
  minWidth?: number;
}

function cls(c: Pick<Column<unknown>, "align" | "nowrap" | "numeric" | "rowHeader">): string | undefined {
  const out = [c.align === "right" ? "yb-right" : c.align === "center" ? "yb-center" : "", c.nowrap ? "yb-nowrap" : "", c.numeric ? "yb-num" : "", c.rowHeader ? "yb-strong" : ""].filter(Boolean).join(" ");
  return out || undefined;
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
}) {
  return (
    <div className="yb-table-wrap">
      <table className="yb-table" aria-label={label} data-testid={testId}>
        <thead>
          {head ?? (
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={cls({ align: c.align, nowrap: c.nowrap })} style={c.minWidth ? { minWidth: c.minWidth } : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          )}
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={rowKey(r, i)} className={hover ? "yb-hover" : undefined} {...rowProps?.(r)}>
              {columns.map((c) => {
                const props = { className: cls(c), style: c.style?.(r) ?? (c.minWidth ? { minWidth: c.minWidth } : undefined) };
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
        </tbody>
      </table>
    </div>
  );
}
