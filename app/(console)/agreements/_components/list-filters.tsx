"use client";
// Filter bar of the agreement list; every filter lives in the URL.
import { useState, type FormEvent } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import SearchIcon from "@mui/icons-material/Search";
import { useT } from "@/components/i18n/i18n-provider";
import { AGREEMENT_STATUSES, AGREEMENT_TYPES } from "@/lib/agreements/codes";
import { useUrlState } from "./url";

interface Values {
  q?: string;
  party?: string;
  type?: string;
  status?: string;
  date?: string;
}

export function ListFilters({ values, errors }: { values: Values; errors: Record<string, string> }) {
  const t = useT();
  const { update, pending } = useUrlState();
  const [v, setV] = useState<Values>(values);
  const set = (patch: Values, apply = false) => {
    const next = { ...v, ...patch };
    setV(next);
    if (apply) update({ ...next });
  };
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    update({ ...v });
  }
  const select = { select: { displayEmpty: true }, inputLabel: { shrink: true } };
  return (
    <Box component="form" role="search" onSubmit={onSubmit} sx={{ display: "flex", flexWrap: "wrap", gap: 1.5, p: 2, alignItems: "flex-start", borderBottom: 1, borderColor: "divider" }}>
      <TextField name="q" label={t("agreements.list.filters.q")} value={v.q ?? ""} onChange={(e) => set({ q: e.target.value })} sx={{ width: 200 }} />
      <TextField
        name="party"
        label={t("agreements.list.filters.party")}
        value={v.party ?? ""}
        onChange={(e) => set({ party: e.target.value.trim() })}
        error={Boolean(errors.party)}
        helperText={errors.party}
        sx={{ width: 160 }}
        slotProps={{ htmlInput: { inputMode: "numeric", maxLength: 6 } }}
      />
      <TextField select slotProps={select} name="type" label={t("agreements.list.filters.type")} value={v.type ?? ""} onChange={(e) => set({ type: e.target.value }, true)} sx={{ width: 170 }} data-testid="filter-type">
        <MenuItem value="">{t("common.all")}</MenuItem>
        {AGREEMENT_TYPES.map((x) => (
          <MenuItem key={x} value={x}>
            {t(`agreements.types.${x}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField select slotProps={select} name="status" label={t("agreements.list.filters.status")} value={v.status ?? ""} onChange={(e) => set({ status: e.target.value }, true)} sx={{ width: 130 }} data-testid="filter-status">
        <MenuItem value="">{t("common.all")}</MenuItem>
        {AGREEMENT_STATUSES.map((x) => (
          <MenuItem key={x} value={x}>
            {t(`agreements.statuses.${x}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        type="date"
        name="date"
        label={t("agreements.list.filters.date")}
        value={v.date ?? ""}
        onChange={(e) => set({ date: e.target.value }, true)}
        error={Boolean(errors.date)}
        helperText={errors.date}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ width: 170 }}
      />
      <Button type="submit" variant="contained" startIcon={<SearchIcon />} disabled={pending} sx={{ mt: 1 }}>
        {t("common.search")}
      </Button>
    </Box>
  );
}
