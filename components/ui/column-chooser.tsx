"use client";
// The optional column chooser of a DataTable: the hidden optional columns are listed in the URL
// ("cols"), so the server renders only the chosen ones and a link keeps the choice.
import { useState } from "react";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import ListItemText from "@mui/material/ListItemText";
import Menu from "@mui/material/Menu";
import MenuItem from "@mui/material/MenuItem";
import ViewColumnIcon from "@mui/icons-material/ViewColumn";
import { useT } from "@/components/i18n/i18n-provider";
import { useUrlState } from "./use-url-state";
import { hiddenColumns } from "./url-query";

export function ColumnChooser({
  columns,
  param = "cols",
}: {
  columns: { key: string; label: string }[];
  param?: string;
}) {
  const t = useT();
  const { searchParams, update } = useUrlState({ replace: true });
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const hidden = hiddenColumns(searchParams.get(param) ?? undefined);
  const toggle = (key: string) => {
    const next = hidden.includes(key) ? hidden.filter((k) => k !== key) : [...hidden, key];
    update({ [param]: next.join(",") }, { resetPage: false });
  };
  return (
    <>
      <Button
        size="small"
        startIcon={<ViewColumnIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        data-testid="column-chooser"
      >
        {t("ui.table.columns")}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {columns.map((c) => (
          <MenuItem
            key={c.key}
            onClick={() => toggle(c.key)}
            dense
            role="menuitemcheckbox"
            aria-checked={!hidden.includes(c.key)}
          >
            <Checkbox size="small" checked={!hidden.includes(c.key)} tabIndex={-1} disableRipple sx={{ p: 0, mr: 1 }} />
            <ListItemText primary={c.label} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
