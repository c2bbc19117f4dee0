"use client";
import { useState, type FormEvent } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import SearchIcon from "@mui/icons-material/Search";
import { useT } from "@/components/i18n/i18n-provider";
import { ROLES } from "@/lib/auth/roles";
import { useUrlState } from "../../_components/url-state";

const STATUSES = ["active", "disabled", "locked"] as const;
const STATUS_KEY = { active: "admin.users.statusActive", disabled: "admin.users.statusDisabled", locked: "admin.users.statusLocked" } as const;

interface Values {
  q?: string;
  bureauId?: string;
  role?: string;
  status?: string;
}

/** Filter bar of the user list; every filter lives in the URL. */
export function UserFilters({ values, bureaus }: { values: Values; bureaus: { id: string; name: string }[] }) {
  const t = useT();
  const { update, clear, pending } = useUrlState();
  const [q, setQ] = useState(values.q ?? "");
  const [bureauId, setBureauId] = useState(values.bureauId ?? "");
  const [role, setRole] = useState(values.role ?? "");
  const [status, setStatus] = useState(values.status ?? "");

  const current = { q, bureauId, role, status };
  const apply = (patch: Partial<Values> = {}) => update({ ...current, ...patch });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    apply();
  }

  return (
    <Box
      component="form"
      role="search"
      onSubmit={onSubmit}
      sx={{ display: "flex", flexWrap: "wrap", gap: 1.5, p: 2, alignItems: "center", borderBottom: 1, borderColor: "divider" }}
    >
      <TextField
        name="q"
        label={t("admin.users.q")}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        sx={{ width: 200 }}
        slotProps={{ htmlInput: { maxLength: 40 } }}
      />
      <TextField
        select
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        name="bureauId"
        label={t("admin.users.bureau")}
        value={bureauId}
        onChange={(e) => {
          setBureauId(e.target.value);
          apply({ bureauId: e.target.value });
        }}
        sx={{ width: 220 }}
        data-testid="filter-bureau"
      >
        <MenuItem value="">{t("admin.users.allBureaus")}</MenuItem>
        {bureaus.map((b) => (
          <MenuItem key={b.id} value={b.id}>
            {b.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        name="role"
        label={t("admin.users.role")}
        value={role}
        onChange={(e) => {
          setRole(e.target.value);
          apply({ role: e.target.value });
        }}
        sx={{ width: 160 }}
      >
        <MenuItem value="">{t("admin.users.allRoles")}</MenuItem>
        {ROLES.map((r) => (
          <MenuItem key={r} value={r}>
            {t(`roles.${r}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        name="status"
        label={t("admin.users.status")}
        value={status}
        onChange={(e) => {
          setStatus(e.target.value);
          apply({ status: e.target.value });
        }}
        sx={{ width: 140 }}
      >
        <MenuItem value="">{t("admin.users.allStatuses")}</MenuItem>
        {STATUSES.map((s) => (
          <MenuItem key={s} value={s}>
            {t(STATUS_KEY[s])}
          </MenuItem>
        ))}
      </TextField>
      <Button type="submit" variant="contained" startIcon={<SearchIcon />} disabled={pending} data-testid="filter-submit">
        {t("admin.users.search")}
      </Button>
      <Button
        type="button"
        onClick={() => {
          setQ("");
          setBureauId("");
          setRole("");
          setStatus("");
          clear();
        }}
      >
        {t("admin.users.reset")}
      </Button>
    </Box>
  );
}
