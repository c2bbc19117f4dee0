"use client";
import { useState, type FormEvent } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import SearchIcon from "@mui/icons-material/Search";
import { useT } from "@/components/i18n/i18n-provider";
import { RegionPicker } from "@/components/ui/region-picker";
import { CATEGORIES, PRIORITIES, STATES } from "@/lib/complaints/codes";
import { useUrlState } from "@/components/ui/use-url-state";

interface Values {
  q?: string;
  state?: string;
  category?: string;
  priority?: string;
  region?: string;
}

export function QueueFilters({ values }: { values: Values }) {
  const t = useT();
  const { update, clear, pending } = useUrlState();
  const [q, setQ] = useState(values.q ?? "");
  const select = (name: keyof Values, label: string, all: string, options: readonly string[], ns: string) => (
    <TextField
      select
      name={name}
      label={label}
      value={values[name] ?? ""}
      onChange={(e) => update({ [name]: e.target.value })}
      sx={{ width: 170 }}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      <MenuItem value="">{all}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {t(`${ns}.${o}`)}
        </MenuItem>
      ))}
    </TextField>
  );
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    update({ q });
  }
  return (
    <Box component="form" role="search" onSubmit={onSubmit} sx={{ display: "flex", flexWrap: "wrap", gap: 1.5, p: 2, alignItems: "center" }}>
      <TextField name="q" label={t("complaints.list.q")} value={q} onChange={(e) => setQ(e.target.value)} sx={{ width: 260 }} slotProps={{ htmlInput: { maxLength: 60 } }} />
      <RegionPicker label={t("complaints.list.region")} value={values.region ? { code: values.region } : null} onChange={(o) => update({ region: o?.code })} testId="filter-region" width={220} groups />
      {select("state", t("complaints.list.state"), t("complaints.list.allStates"), STATES, "complaints.state")}
      {select("category", t("complaints.list.category"), t("complaints.list.allCategories"), CATEGORIES, "complaints.category")}
      {select("priority", t("complaints.list.priority"), t("complaints.list.allPriorities"), PRIORITIES, "complaints.priority")}
      <Button type="submit" variant="contained" startIcon={<SearchIcon />} disabled={pending} data-testid="filter-submit">
        {t("complaints.list.search")}
      </Button>
      <Button
        type="button"
        onClick={() => {
          setQ("");
          clear(["queue"]);
        }}
      >
        {t("complaints.list.reset")}
      </Button>
    </Box>
  );
}
