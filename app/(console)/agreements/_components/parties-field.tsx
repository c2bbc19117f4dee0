"use client";
// The agreement form's parties: one row per party with the region picked by name and its role
// in words — no region code or role code is typed. A mutual agreement's roles are all "both"
// (the service sets them), so the role is asked only for a one-way agreement.
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import FormHelperText from "@mui/material/FormHelperText";
import FormLabel from "@mui/material/FormLabel";
import IconButton from "@mui/material/IconButton";
import DeleteOutlined from "@mui/icons-material/DeleteOutlined";
import { RegionPicker } from "@/components/ui/region-picker";
import { SelectField } from "@/components/ui/select-field";
import type { Translate } from "@/lib/i18n";

export interface PartyDraft {
  regionCode: string;
  role: string;
}

const ROLES = ["HOME", "VISIT", "BOTH"] as const;

export function PartiesField({
  value,
  onChange,
  mutual,
  disabled,
  error,
  t,
}: {
  value: PartyDraft[];
  onChange: (v: PartyDraft[]) => void;
  mutual: boolean;
  disabled: boolean;
  error?: string;
  t: Translate;
}) {
  const put = (i: number, patch: Partial<PartyDraft>) =>
    onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }} data-testid="field-parties">
      <FormLabel component="legend" error={Boolean(error)} sx={{ mb: 1 }}>
        {t("agreements.form.parties")}
      </FormLabel>
      {value.map((p, i) => (
        <Box key={i} sx={{ display: "flex", gap: 1, alignItems: "flex-start", flexWrap: "wrap", mb: 1 }}>
          <RegionPicker
            label={t("agreements.form.partyRegion")}
            value={p.regionCode ? { code: p.regionCode } : null}
            onChange={(o) => put(i, { regionCode: o?.code ?? "" })}
            disabled={disabled}
            width={260}
            testId={`party-${i}`}
          />
          {!mutual && (
            <Box sx={{ width: 140 }}>
              <SelectField
                label={t("agreements.form.partyRole")}
                value={p.role}
                onChange={(role) => put(i, { role })}
                disabled={disabled}
                options={ROLES.map((r) => ({ value: r, label: t(`agreements.roles.${r}`) }))}
              />
            </Box>
          )}
          <IconButton
            aria-label={t("agreements.form.removeParty", { n: i + 1 })}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            disabled={disabled || value.length <= 1}
          >
            <DeleteOutlined />
          </IconButton>
        </Box>
      ))}
      {error && <FormHelperText error>{error}</FormHelperText>}
      <Button size="small" onClick={() => onChange([...value, { regionCode: "", role: "BOTH" }])} disabled={disabled}>
        + {t("agreements.form.addParty")}
      </Button>
    </Box>
  );
}
