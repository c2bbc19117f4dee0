"use client";
// A dashboard panel: title with its definition (口径), an export menu (CSV and XLSX from the
// server with the same filters; PNG drawn here from the chart's SVG or from the panel's table).
// The card, its head and title are plain elements with static classes (dashboard.module.css,
// kit.css) in the look of the MUI Paper, Box and Typography they replace; the export button and
// menu stay MUI, the menu mounted on first use and kept (for its closing transition) — seven
// closed menus otherwise cost render time on every request.
import { useRef, useState, type ReactNode } from "react";
import Button from "@mui/material/Button";
import Menu from "@mui/material/Menu";
import MenuItem from "@mui/material/MenuItem";
import { useT } from "@/components/i18n/i18n-provider";
import { useChartTable } from "@/components/ui/chart-frame";
import { Definition } from "./definition";
import { Icon } from "@/components/ui/svg-icon";
import { downloadPng, type PanelTable } from "./png";
import { CARD } from "@/components/ui/card-grid";
import css from "./dashboard.module.css";

export function Panel({
  id,
  title,
  definition,
  exportHref,
  table,
  actions,
  isTable = false,
  children,
}: {
  id: string;
  title: string;
  definition: string;
  /** /statistics/export?panel=…&… without the format. */
  exportHref: string;
  table: PanelTable;
  actions?: ReactNode;
  /** The panel's body is itself a table: no "view as table" toggle under it. */
  isTable?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [used, setUsed] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  // The chart's text alternative (decision 019): the panel's own table, the one its PNG draws.
  const text = useChartTable({
    columns: table.columns.map((label, i) => ({ key: String(i), label, align: i > 0 ? "right" : "left" })),
    rows: table.rows.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v]))),
  });
  return (
    <section className={`${CARD} ${css.panel}`} aria-labelledby={`${id}-title`} data-testid={`panel-${id}`}>
      <div className={css.head}>
        <h2 id={`${id}-title`} className="yb-h4">
          {title}
        </h2>
        <Definition label={t("statistics.definitions.button", { label: title })} text={definition} />
        <div className={css.spacer} />
        {actions}
        <Button
          size="small"
          className={css.export}
          startIcon={<Icon name="fileDownloadOutlined" />}
          onClick={(e) => {
            setAnchor(e.currentTarget);
            setUsed(true);
          }}
          data-testid={`export-${id}`}
        >
          {t("statistics.export.label")}
        </Button>
        {used && (
          <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
            <MenuItem component="a" href={`${exportHref}&format=csv`} onClick={() => setAnchor(null)}>
              {t("statistics.export.csv")}
            </MenuItem>
            <MenuItem component="a" href={`${exportHref}&format=xlsx`} onClick={() => setAnchor(null)}>
              {t("statistics.export.xlsx")}
            </MenuItem>
            <MenuItem
              onClick={() => {
                setAnchor(null);
                void downloadPng(body.current, title, table, `${id}.png`);
              }}
            >
              {t("statistics.export.png")}
            </MenuItem>
          </Menu>
        )}
      </div>
      <div ref={body} className={css.body}>
        {children}
        {!isTable && <div className="yb-chart-foot">{text.toggle}</div>}
        {!isTable && text.view}
      </div>
    </section>
  );
}
