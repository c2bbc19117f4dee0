"use client";
// A chart with its text alternative (decision 019): a titled card whose chart can be switched
// to show the table of the same figures under it ("查看表格 / View as table") — what a screen
// reader reads, what an analyst copies from, and what is left when the chart cannot be seen.
// The table is rendered only when asked for. Any chart of the console — recharts, a tile map, a
// Sankey — is the `children`; `actions` holds its other buttons (export, PNG). A card that draws
// its own head (the dashboard's panels) uses `useChartTable` for the same toggle and table.
import { useId, useState, type ReactNode } from "react";
import { useT } from "@/components/i18n/i18n-provider";
import { Section } from "./section";

export interface ChartTableColumn {
  key: string;
  label: string;
  align?: "left" | "right";
}

export interface ChartTable {
  columns: ChartTableColumn[];
  rows: Record<string, ReactNode>[];
}

/** The toggle button and the table it shows, for a chart card that draws its own head. */
export function useChartTable(table: ChartTable) {
  const t = useT();
  const id = useId();
  const [shown, setShown] = useState(false);
  const toggle = (
    <button
      type="button"
      className="yb-chart-toggle"
      aria-expanded={shown}
      aria-controls={id}
      onClick={() => setShown((s) => !s)}
      data-testid="chart-table-toggle"
    >
      {shown ? t("ui.chart.viewChart") : t("ui.chart.viewTable")}
    </button>
  );
  const view = (
    <div id={id} className="yb-table-wrap" hidden={!shown}>
      {shown && <ChartDataTable table={table} />}
    </div>
  );
  return { shown, toggle, view };
}

function ChartDataTable({ table }: { table: ChartTable }) {
  const t = useT();
  return (
    <table className="yb-table" data-testid="chart-table">
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.key} scope="col" className={c.align === "right" ? "yb-num" : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.length === 0 ? (
          <tr>
            <td colSpan={table.columns.length}>{t("ui.chart.empty")}</td>
          </tr>
        ) : (
          table.rows.map((r, i) => (
            <tr key={i}>
              {table.columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row">
                    {r[c.key]}
                  </th>
                ) : (
                  <td key={c.key} className={c.align === "right" ? "yb-num" : undefined}>
                    {r[c.key]}
                  </td>
                ),
              )}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

export function ChartFrame({
  title,
  subtitle,
  table,
  actions,
  children,
  testId,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  table: ChartTable;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  const { toggle, view } = useChartTable(table);
  return (
    <Section title={title} subtitle={subtitle} action={actions} testId={testId} padded>
      <div className="yb-chart-body">{children}</div>
      <div className="yb-chart-foot">{toggle}</div>
      {view}
    </Section>
  );
}
