"use client";
// Filter bar of the roster: text search, region, type, level, status, open service. Every
// filter lives in the URL; selects apply at once, the text on Enter or "查询".
import { useState, type FormEvent } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import SearchIcon from "@mui/icons-material/Search";
import { useT } from "@/components/i18n/i18n-provider";
import { INSTITUTION_LEVELS, INSTITUTION_STATUSES, INSTITUTION_TYPES, SERVICES } from "@/lib/facilities/codes";
import { RegionPicker, type RegionOption } from "@/components/ui/region-picker";
import { NATIONAL } from "@/components/ui/url-query";
import { useUrlState } from "@/components/ui/use-url-state";

interface Values {
  q?: string;
  type?: string;
  level?: string;
  status?: string;
  service?: string;
}

export function RosterFilters({ values, region }: { values: Values; region: RegionOption | null }) {
  const t = useT();
  const { update, clear, pending } = useUrlState({ replace: true });
  const [q, setQ] = useState(values.q ?? "");

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    update({ q });
  }

  const select = (name: keyof Values, label: string, options: readonly string[], labelOf: (v: string) => string, width: number) => (
    <TextField
      select
      name={name}
      label={label}
      value={values[name] ?? ""}
      onChange={(e) => update({ [name]: e.target.value, q })}
      sx={{ width }}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      data-testid={`filter-${name}`}
    >
      <MenuItem value="">{t("rosterUi.filters.all")}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {labelOf(o)}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Box
      component="form"
      role="search"
      onSubmit={onSubmit}
      sx={{ display: "flex", flexWrap: "wrap", gap: 1.5, p: 2, alignItems: "flex-start", borderBottom: 1, borderColor: "divider" }}
    >
      <TextField
        name="q"
        label={t("rosterUi.filters.q")}
        placeholder={t("rosterUi.filters.qPlaceholder")}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        sx={{ width: 220 }}
        slotProps={{ htmlInput: { maxLength: 40, "data-testid": "filter-q" }, inputLabel: { shrink: true } }}
      />
      <RegionPicker
        key={region?.code ?? "none"}
        value={region}
        onChange={(r) => update({ region: r?.code ?? NATIONAL, q })}
        label={t("rosterUi.filters.region")}
        placeholder={t("rosterUi.filters.regionPlaceholder")}
        width={250}
        testId="filter-region"
        groups
      />
      {select("type", t("rosterUi.filters.type"), INSTITUTION_TYPES, (v) => t(`facilities.types.${v}`), 170)}
      {select("level", t("rosterUi.filters.level"), INSTITUTION_LEVELS, (v) => t(`facilities.levels.${v}`), 110)}
      {select("status", t("rosterUi.filters.status"), INSTITUTION_STATUSES, (v) => t(`facilities.statuses.${v}`), 110)}
      {select("service", t("rosterUi.filters.service"), SERVICES, (v) => t(`facilities.services.${v}`), 160)}
      <Button type="submit" variant="contained" startIcon={<SearchIcon />} disabled={pending} data-testid="filter-submit">
        {t("rosterUi.filters.search")}
      </Button>
      <Button
        type="button"
        onClick={() => {
          setQ("");
          clear(["pageSize"]);
        }}
      >
        {t("rosterUi.filters.reset")}
      </Button>
    </Box>
  );
}
