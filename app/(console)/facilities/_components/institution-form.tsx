"use client";
// Create or edit an institution. The service validates everything; its field errors appear
// under the fields in the user's language, a stale version shows the conflict message, and the
// user lands on the record with the outcome (saved, or waiting for approval under maker-checker).
import { useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormGroup from "@mui/material/FormGroup";
import Grid from "@mui/material/Grid";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useT } from "@/components/i18n/i18n-provider";
import { DateField } from "@/components/ui/date-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { INSTITUTION_GRADES, INSTITUTION_LEVELS, INSTITUTION_TYPES, OWNERSHIPS, SERVICES } from "@/lib/facilities/codes";
import { createInstitutionAction, updateInstitutionAction } from "../actions";
import { RegionPicker, type RegionOption } from "@/components/ui/region-picker";

export interface InstitutionDraft {
  code: string;
  name: string;
  shortName: string;
  type: string;
  level: string;
  grade: string;
  ownership: string;
  region: RegionOption | null;
  address: string;
  phone: string;
  designatedSince: string;
  services: string[];
}

export function InstitutionForm({ initial, edit }: { initial: InstitutionDraft; edit?: { code: string; version: number } }) {
  const t = useT();
  const router = useRouter();
  const [d, setD] = useState(initial);
  const form = useActionForm();
  const set = (patch: Partial<InstitutionDraft>) => setD({ ...d, ...patch });
  const err = form.error;

  function payload() {
    const fields = {
      name: d.name,
      shortName: d.shortName.trim() || null,
      type: d.type,
      level: d.level,
      grade: d.grade || null,
      ownership: d.ownership,
      regionCode: d.region?.code ?? "",
      address: d.address.trim() || null,
      phone: d.phone.trim() || null,
      designatedSince: d.designatedSince,
    };
    if (edit) return { ...fields, version: edit.version };
    return { code: d.code, ...fields, services: d.services.map((s) => ({ service: s, openedOn: d.designatedSince || undefined })) };
  }

  // Land on the record with the outcome shown: the institution (its pending changes listed
  // there), or for a new one waiting for approval, the pending-changes list.
  function landOn(res: { applied: boolean; code: string | null }) {
    const code = res.code ?? edit?.code ?? d.code;
    if (res.applied) router.push(`/facilities/${encodeURIComponent(code)}?saved=applied`);
    else if (edit) router.push(`/facilities/${encodeURIComponent(code)}?saved=pending`);
    else router.push("/facilities/changes?saved=created-pending");
    router.refresh();
  }
  const onSubmit = form.onSubmit(() => (edit ? updateInstitutionAction(edit.code, payload()) : createInstitutionAction(payload())), landOn);

  const text = (name: keyof InstitutionDraft & string, label: string, extra: { required?: boolean; helper?: string; maxLength?: number; disabled?: boolean } = {}) => (
    <TextField
      name={name}
      label={label}
      value={d[name] as string}
      onChange={(e) => set({ [name]: e.target.value } as Partial<InstitutionDraft>)}
      error={Boolean(err(name))}
      helperText={err(name) ?? extra.helper}
      required={extra.required}
      disabled={extra.disabled}
      fullWidth
      slotProps={{ htmlInput: { maxLength: extra.maxLength, "data-testid": `field-${name}` } }}
    />
  );
  const select = (name: "type" | "level" | "grade" | "ownership", label: string, options: readonly string[], prefix: string, extra: { required?: boolean; empty?: string } = {}) => (
    <TextField
      select
      name={name}
      label={label}
      value={d[name]}
      onChange={(e) => set({ [name]: e.target.value } as Partial<InstitutionDraft>)}
      error={Boolean(err(name))}
      helperText={err(name)}
      required={extra.required}
      fullWidth
      data-testid={`field-${name}`}
      slotProps={{ select: { displayEmpty: extra.empty !== undefined }, inputLabel: extra.empty !== undefined ? { shrink: true } : undefined }}
    >
      {extra.empty !== undefined && <MenuItem value="">{extra.empty}</MenuItem>}
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {t(`${prefix}.${o}`)}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Paper component="form" onSubmit={onSubmit} noValidate sx={{ p: 3 }} data-testid="institution-form">
      <Stack spacing={3}>
        {form.message && (
          <Alert severity="error" data-testid="form-error">
            {form.message}
          </Alert>
        )}
        <Box>
          <Typography variant="h4" component="h2" sx={{ mb: 2 }}>
            {t("rosterUi.form.basics")}
          </Typography>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 4 }}>{text("code", t("rosterUi.fields.code"), { required: true, helper: t("rosterUi.form.codeHint"), maxLength: 12, disabled: Boolean(edit) })}</Grid>
            <Grid size={{ xs: 12, md: 5 }}>{text("name", t("rosterUi.fields.name"), { required: true, maxLength: 100 })}</Grid>
            <Grid size={{ xs: 12, md: 3 }}>{text("shortName", t("rosterUi.fields.shortName"), { maxLength: 40 })}</Grid>
            <Grid size={{ xs: 12, md: 4 }}>{select("type", t("rosterUi.fields.type"), INSTITUTION_TYPES, "facilities.types", { required: true })}</Grid>
            <Grid size={{ xs: 6, md: 2 }}>{select("level", t("rosterUi.fields.level"), INSTITUTION_LEVELS, "facilities.levels", { required: true })}</Grid>
            <Grid size={{ xs: 6, md: 2 }}>{select("grade", t("rosterUi.fields.grade"), INSTITUTION_GRADES, "facilities.grades", { empty: t("rosterUi.form.noGrade") })}</Grid>
            <Grid size={{ xs: 6, md: 2 }}>{select("ownership", t("rosterUi.fields.ownership"), OWNERSHIPS, "facilities.ownership", { required: true })}</Grid>
            <Grid size={{ xs: 6, md: 2 }}><DateField name="designatedSince" label={t("rosterUi.fields.designatedSince")} value={d.designatedSince} onChange={(v) => set({ designatedSince: v })} error={Boolean(err("designatedSince"))} helperText={err("designatedSince")} required fullWidth testId="field-designatedSince" /></Grid>
          </Grid>
        </Box>
        <Box>
          <Typography variant="h4" component="h2" sx={{ mb: 2 }}>
            {t("rosterUi.form.location")}
          </Typography>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 4 }}>
              <RegionPicker
                value={d.region}
                onChange={(region) => set({ region })}
                label={t("rosterUi.fields.regionCode")}
                placeholder={t("rosterUi.filters.regionPlaceholder")}
                error={Boolean(err("regionCode"))}
                helperText={err("regionCode")}
                width="100%"
                testId="field-region"
                required
              />
            </Grid>
            <Grid size={{ xs: 12, md: 5 }}>{text("address", t("rosterUi.fields.address"), { maxLength: 200 })}</Grid>
            <Grid size={{ xs: 12, md: 3 }}>{text("phone", t("rosterUi.fields.phone"), { maxLength: 40 })}</Grid>
          </Grid>
        </Box>
        {!edit && (
          <Box>
            <Typography variant="h4" component="h2" sx={{ mb: 1 }}>
              {t("rosterUi.form.initialServices")}
            </Typography>
            <FormGroup row>
              {SERVICES.map((s) => (
                <FormControlLabel
                  key={s}
                  control={
                    <Checkbox
                      checked={d.services.includes(s)}
                      onChange={() => set({ services: d.services.includes(s) ? d.services.filter((x) => x !== s) : [...d.services, s] })}
                    />
                  }
                  label={t(`facilities.services.${s}`)}
                />
              ))}
            </FormGroup>
            {err("services") && (
              <Typography variant="caption" color="error">
                {err("services")}
              </Typography>
            )}
          </Box>
        )}
        <Box sx={{ display: "flex", gap: 1, alignItems: "center" }}>
          <Button type="submit" variant="contained" disabled={form.pending} data-testid="form-submit">
            {form.pending ? t("rosterUi.form.saving") : t("rosterUi.form.save")}
          </Button>
          <Button onClick={() => router.back()}>{t("common.cancel")}</Button>
          {edit && (
            <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
              {t("rosterUi.form.versionHint")}
            </Typography>
          )}
        </Box>
      </Stack>
    </Paper>
  );
}
