"use client";
// Create or edit an institution. The service validates everything; its field errors appear
// under the fields in the user's language, a stale version shows the conflict message, and the
// user lands on the record with the outcome (saved, or waiting for approval under maker-checker).
// Fields are the kit's (TextInput, SelectField, DateField, RegionPicker, CheckboxGroup), laid out
// in three named parts: basics, location, initial services.
import { useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Grid from "@mui/material/Grid";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";
import { useT } from "@/components/i18n/i18n-provider";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { DateField } from "@/components/ui/date-field";
import { SelectField } from "@/components/ui/select-field";
import { TextInput } from "@/components/ui/text-input";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  INSTITUTION_GRADES,
  INSTITUTION_LEVELS,
  INSTITUTION_TYPES,
  OWNERSHIPS,
  SERVICES,
} from "@/lib/facilities/codes";
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

type Edit = { code: string; version: number };
type Set = (patch: Partial<InstitutionDraft>) => void;
type Err = (field: string) => string | undefined;

function payloadOf(d: InstitutionDraft, edit?: Edit) {
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
  return {
    code: d.code,
    ...fields,
    services: d.services.map((s) => ({ service: s, openedOn: d.designatedSince || undefined })),
  };
}

/** The draft, and the submit that saves it and lands on the outcome. */
function useInstitutionForm(initial: InstitutionDraft, edit?: Edit) {
  const router = useRouter();
  const [d, setD] = useState(initial);
  const form = useActionForm();
  const set: Set = (patch) => setD({ ...d, ...patch });

  // Land on the record with the outcome shown: the institution (its pending changes listed
  // there), or for a new one waiting for approval, the pending-changes list.
  function landOn(res: { applied: boolean; code: string | null }) {
    const code = res.code ?? edit?.code ?? d.code;
    if (res.applied) router.push(`/facilities/${encodeURIComponent(code)}?saved=applied`);
    else if (edit) router.push(`/facilities/${encodeURIComponent(code)}?saved=pending`);
    else router.push("/facilities/changes?saved=created-pending");
    router.refresh();
  }
  const onSubmit = form.onSubmit(
    () => (edit ? updateInstitutionAction(edit.code, payloadOf(d, edit)) : createInstitutionAction(payloadOf(d))),
    landOn,
  );
  return { d, set, form, onSubmit, back: () => router.back() };
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="h4" component="h2" sx={{ mb: 2 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/** A text field of the draft (its name is the action's field name). */
function DraftText({
  name,
  label,
  d,
  set,
  err,
  hint,
  maxLength,
  required,
  disabled,
}: {
  name: "code" | "name" | "shortName" | "address" | "phone";
  label: string;
  d: InstitutionDraft;
  set: Set;
  err: Err;
  hint?: string;
  maxLength: number;
  required?: boolean;
  disabled?: boolean;
}) {
  return (
    <TextInput
      name={name}
      label={label}
      value={d[name]}
      onValue={(v) => set({ [name]: v })}
      error={err(name)}
      hint={hint}
      required={required}
      disabled={disabled}
      fullWidth
      slotProps={{ htmlInput: { maxLength, "data-testid": `field-${name}` } }}
    />
  );
}

/** A choice of the draft from a code list, in words (`prefix` is the catalogue's). */
function DraftSelect({
  name,
  label,
  options,
  prefix,
  d,
  set,
  err,
  empty,
}: {
  name: "type" | "level" | "grade" | "ownership";
  label: string;
  options: readonly string[];
  prefix: string;
  d: InstitutionDraft;
  set: Set;
  err: Err;
  empty?: string;
}) {
  const t = useT();
  const choices = [
    ...(empty !== undefined ? [{ value: "", label: empty }] : []),
    ...options.map((o) => ({ value: o, label: t(`${prefix}.${o}`) })),
  ];
  return (
    <SelectField
      name={name}
      label={label}
      value={d[name]}
      onChange={(v) => set({ [name]: v })}
      options={choices}
      error={err(name)}
      required={empty === undefined}
      testId={`field-${name}`}
    />
  );
}

function BasicsPart({ d, set, err, edit }: { d: InstitutionDraft; set: Set; err: Err; edit: boolean }) {
  const t = useT();
  const f = { d, set, err };
  return (
    <Part title={t("rosterUi.form.basics")}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 4 }}>
          <DraftText
            {...f}
            name="code"
            label={t("rosterUi.fields.code")}
            required
            hint={t("rosterUi.form.codeHint")}
            maxLength={12}
            disabled={edit}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <DraftText {...f} name="name" label={t("rosterUi.fields.name")} required maxLength={100} />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <DraftText {...f} name="shortName" label={t("rosterUi.fields.shortName")} maxLength={40} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <DraftSelect
            {...f}
            name="type"
            label={t("rosterUi.fields.type")}
            options={INSTITUTION_TYPES}
            prefix="facilities.types"
          />
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <DraftSelect
            {...f}
            name="level"
            label={t("rosterUi.fields.level")}
            options={INSTITUTION_LEVELS}
            prefix="facilities.levels"
          />
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <DraftSelect
            {...f}
            name="grade"
            label={t("rosterUi.fields.grade")}
            options={INSTITUTION_GRADES}
            prefix="facilities.grades"
            empty={t("rosterUi.form.noGrade")}
          />
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <DraftSelect
            {...f}
            name="ownership"
            label={t("rosterUi.fields.ownership")}
            options={OWNERSHIPS}
            prefix="facilities.ownership"
          />
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <DateField
            name="designatedSince"
            label={t("rosterUi.fields.designatedSince")}
            value={d.designatedSince}
            onChange={(v) => set({ designatedSince: v })}
            error={Boolean(err("designatedSince"))}
            helperText={err("designatedSince")}
            required
            fullWidth
            testId="field-designatedSince"
          />
        </Grid>
      </Grid>
    </Part>
  );
}

function LocationPart({ d, set, err }: { d: InstitutionDraft; set: Set; err: Err }) {
  const t = useT();
  return (
    <Part title={t("rosterUi.form.location")}>
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
        <Grid size={{ xs: 12, md: 5 }}>
          <DraftText d={d} set={set} err={err} name="address" label={t("rosterUi.fields.address")} maxLength={200} />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <DraftText d={d} set={set} err={err} name="phone" label={t("rosterUi.fields.phone")} maxLength={40} />
        </Grid>
      </Grid>
    </Part>
  );
}

export function InstitutionForm({ initial, edit }: { initial: InstitutionDraft; edit?: Edit }) {
  const t = useT();
  const { d, set, form, onSubmit, back } = useInstitutionForm(initial, edit);
  return (
    <Paper component="form" onSubmit={onSubmit} noValidate sx={{ p: 3 }} data-testid="institution-form">
      <Stack spacing={3}>
        {form.message && (
          <Alert severity="error" data-testid="form-error">
            {form.message}
          </Alert>
        )}
        <BasicsPart d={d} set={set} err={form.error} edit={Boolean(edit)} />
        <LocationPart d={d} set={set} err={form.error} />
        {!edit && (
          <CheckboxGroup
            name="services"
            label={t("rosterUi.form.initialServices")}
            options={SERVICES.map((s) => ({ value: s, label: t(`facilities.services.${s}`) }))}
            value={d.services}
            onChange={(services) => set({ services })}
            error={form.error("services")}
          />
        )}
        <Box sx={{ display: "flex", gap: 1, alignItems: "center", flexWrap: "wrap" }}>
          <Button type="submit" variant="contained" disabled={form.pending} data-testid="form-submit">
            {form.pending ? t("rosterUi.form.saving") : t("rosterUi.form.save")}
          </Button>
          <Button onClick={back}>{t("common.cancel")}</Button>
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
