"use client";
// A chart with its title, a "view as table" toggle (the same figures as an accessible table)
// and the caller's actions (e.g. PngButton). Shared contract with the accessibility work:
// ChartFrame({ title, subtitle?, table: { columns, rows }, actions?, children }).
import { useId, useState, type ReactNode } from "react";
import Button from "@mui/material/Button";
import { useT } from "@/components/i18n/i18n-provider";
import css from "./chart-frame.module.css";

export interface ChartTable {
  columns: { key: string; label: string; align?: "left" | "right" }[];
  rows: Record<string, ReactNode>[];
}

export function ChartFrame({ title, subtitle, table, actions, children }: { title: string; subtitle?: string; table: ChartTable; actions?: ReactNode; children: ReactNode }) {
  const t = useT();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <section className={css.frame} aria-labelledby={`${id}-title`}>
      <div className={css.head}>
        <div>
          <h2 id={`${id}-title`} className="yb-h4">
            {title}
          </h2>
          {subtitle && <p className="yb-body2 yb-muted">{subtitle}</p>}
        </div>
        <div className={css.actions}>
          {actions}
          <Button size="small" aria-pressed={asTable} onClick={() => setAsTable(!asTable)} data-testid="chart-table-toggle">
            {asTable ? t("ui.chart.showChart") : t("ui.chart.showTable")}
          </Button>
        </div>
      </div>
      {asTable ? (
        <div className="yb-table-wrap">
          <table className="yb-table">
            <caption className={css.hidden}>{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c.key} scope="col" className={c.align === "right" ? "yb-right" : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  {table.columns.map((c) => (
                    <td key={c.key} className={c.align === "right" ? "yb-right yb-num" : undefined}>
                      {r[c.key]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        children
      )}
    </section>
  );
}
