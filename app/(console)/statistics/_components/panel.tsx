"use client";
// A dashboard panel: title with its definition (口径), an export menu (CSV and XLSX from the
// server with the same filters; PNG drawn here from the chart's SVG or from the panel's table).
import { useRef, useState, type ReactNode } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Menu from "@mui/material/Menu";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import FileDownloadOutlined from "@mui/icons-material/FileDownloadOutlined";
import { useT } from "@/components/i18n/i18n-provider";
import { Definition } from "./definition";
import { downloadPng, type PanelTable } from "./png";

export function Panel({
  id,
  title,
  definition,
  exportHref,
  table,
  actions,
  children,
}: {
  id: string;
  title: string;
  definition: string;
  /** /statistics/export?panel=…&… without the format. */
  exportHref: string;
  table: PanelTable;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const body = useRef<HTMLDivElement>(null);
  return (
    <Paper component="section" aria-labelledby={`${id}-title`} data-testid={`panel-${id}`} sx={{ p: 2, height: "100%", display: "flex", flexDirection: "column" }}>
      <Box sx={{ display: "flex", alignItems: "center", gap: 0.5, mb: 1, flexWrap: "wrap" }}>
        <Typography id={`${id}-title`} variant="h4" component="h2">
          {title}
        </Typography>
        <Definition label={t("statistics.definitions.button", { label: title })} text={definition} />
        <Box sx={{ flex: 1 }} />
        {actions}
        <Button size="small" startIcon={<FileDownloadOutlined />} onClick={(e) => setAnchor(e.currentTarget)} data-testid={`export-${id}`}>
          {t("statistics.export.label")}
        </Button>
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
      </Box>
      <Box ref={body} sx={{ flex: 1, minHeight: 0 }}>
        {children}
      </Box>
    </Paper>
  );
}
