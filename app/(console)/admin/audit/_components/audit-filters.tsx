"use client";
import { useState, type FormEvent } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import SearchIcon from "@mui/icons-material/Search";
import { useT } from "@/components/i18n/i18n-provider";
import { useUrlState } from "../../_components/url-state";
import { actionLabel } from "../../_components/audit-table";

type Field = "actor" | "action" | "entityType" | "entityId" | "from" | "to";
type Values = Partial<Record<Field, string>>;

/** Filters of the audit log browser; all of them live in the URL. */
export function AuditFilters({ values, actions, entityTypes }: { values: Values; actions: string[]; entityTypes: string[] }) {
  const t = useT();
  const { update, clear, pending } = useUrlState();
  const [draft, setDraft] = useState<Values>(values);
  const set = (field: Field, value: string) => setDraft((d) => ({ ...d, [field]: value }));
  // A value from the URL that is not in the known lists still shows (and stays selected).
  const actionOptions = values.action && !actions.includes(values.action) ? [...actions, values.action] : actions;
  const typeOptions = values.entityType && !entityTypes.includes(values.entityType) ? [...entityTypes, values.entityType] : entityTypes;
  const typeLabel = (v: string) => {
    const key = `admin.audit.entityTypes.${v}`;
    return t(key) === key ? v : t(key);
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    update(draft);
  }
  const pick = (field: "action" | "entityType", value: string) => {
    set(field, value);
    update({ ...draft, [field]: value });
  };

  return (
    <Box
      component="form"
      role="search"
      onSubmit={onSubmit}
      sx={{ display: "flex", flexWrap: "wrap", gap: 1.5, p: 2, alignItems: "center", borderBottom: 1, borderColor: "divider" }}
    >
      <TextField
        name="actor"
        label={t("admin.audit.actor")}
        placeholder={t("admin.audit.actorPlaceholder")}
        value={draft.actor ?? ""}
        onChange={(e) => set("actor", e.target.value)}
        sx={{ width: 140 }}
        slotProps={{ htmlInput: { maxLength: 60 } }}
      />
      <TextField
        select
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        name="action"
        label={t("admin.audit.action")}
        value={draft.action ?? ""}
        onChange={(e) => pick("action", e.target.value)}
        sx={{ width: 150 }}
        data-testid="filter-action"
      >
        <MenuItem value="">{t("admin.audit.allActions")}</MenuItem>
        {actionOptions.map((a) => (
          <MenuItem key={a} value={a}>
            {actionLabel(t, a)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        name="entityType"
        label={t("admin.audit.entityType")}
        value={draft.entityType ?? ""}
        onChange={(e) => pick("entityType", e.target.value)}
        sx={{ width: 120 }}
      >
        <MenuItem value="">{t("admin.audit.allTypes")}</MenuItem>
        {typeOptions.map((v) => (
          <MenuItem key={v} value={v}>
            {typeLabel(v)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        name="entityId"
        label={t("admin.audit.entityId")}
        value={draft.entityId ?? ""}
        onChange={(e) => set("entityId", e.target.value)}
        sx={{ width: 170 }}
        slotProps={{ htmlInput: { maxLength: 64, spellCheck: false } }}
      />
      <TextField
        name="from"
        type="date"
        label={t("admin.audit.from")}
        value={draft.from ?? ""}
        onChange={(e) => set("from", e.target.value)}
        sx={{ width: 150 }}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        name="to"
        type="date"
        label={t("admin.audit.to")}
        value={draft.to ?? ""}
        onChange={(e) => set("to", e.target.value)}
        sx={{ width: 150 }}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <Button type="submit" variant="contained" startIcon={<SearchIcon />} disabled={pending} data-testid="filter-submit">
        {t("admin.users.search")}
      </Button>
      <Button
        type="button"
        onClick={() => {
          setDraft({});
          clear();
        }}
      >
        {t("admin.users.reset")}
      </Button>
    </Box>
  );
}
