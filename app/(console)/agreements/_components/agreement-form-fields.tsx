"use client";
// The agreement form's fields: each a cell of the form's grid bound to one field of the draft,
// disabled on a locked (active) agreement unless the field stays editable.
import { type ComponentProps, type ReactNode } from "react";
import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import Grid from "@mui/material/Grid";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { DateField } from "@/components/ui/date-field";
import { SelectField } from "@/components/ui/select-field";
import { TextInput } from "@/components/ui/text-input";
import type { ActionForm } from "@/components/ui/use-action-form";
import type { Translate } from "@/lib/i18n";
import type { AgreementDraft } from "./agreement-draft";

/** The fields that stay editable on a locked agreement. */
const UNLOCKED: readonly (keyof AgreementDraft)[] = ["notes", "documentRef", "titleEn", "attachments"];

export interface PartProps {
  d: AgreementDraft;
  set: (patch: Partial<AgreementDraft>) => void;
  form: ActionForm;
  t: Translate;
  locked: boolean;
}

/** A field's cell in the form's grid: the whole row on a phone, `md` of 12 columns from 900 px. */
export function Cell({ md = 12, children }: { md?: number; children: ReactNode }) {
  return <Grid size={{ xs: 12, md }}>{children}</Grid>;
}

/** A text field of the draft, disabled on a locked agreement unless it stays editable. */
export function Text({
  p,
  name,
  label,
  md,
  ...rest
}: { p: PartProps; name: keyof AgreementDraft; label: string; md?: number } & Omit<
  ComponentProps<typeof TextInput>,
  "name" | "label" | "value" | "onValue"
>) {
  return (
    <Cell md={md}>
      <TextInput
        label={label}
        value={p.d[name] as string}
        onValue={(v) => p.set({ [name]: v } as Partial<AgreementDraft>)}
        error={p.form.error(name)}
        fullWidth
        disabled={p.locked && !UNLOCKED.includes(name)}
        slotProps={{ htmlInput: { "data-testid": `field-${name}` } }}
        {...rest}
      />
    </Cell>
  );
}

/** A choice of the draft from codes shown in words (`ns.CODE`). */
export function Choice({
  p,
  name,
  label,
  codes,
  ns,
  withEmpty = false,
  md,
}: {
  p: PartProps;
  name: "type" | "direction" | "minLevel";
  label: string;
  codes: readonly string[];
  ns: string;
  withEmpty?: boolean;
  md?: number;
}) {
  const options = [
    ...(withEmpty ? [{ value: "", label: "—" }] : []),
    ...codes.map((c) => ({ value: c, label: p.t(`${ns}.${c}`) })),
  ];
  return (
    <Cell md={md}>
      <SelectField
        name={name}
        label={label}
        value={p.d[name]}
        onChange={(v) => p.set({ [name]: v })}
        error={p.form.error(name)}
        options={options}
        disabled={p.locked}
        testId={`field-${name}`}
      />
    </Cell>
  );
}

/** Checkboxes of the draft (services, diseases, the rule's institution types). */
export function Boxes({
  p,
  name,
  label,
  codes,
  ns,
  md,
}: {
  p: PartProps;
  name: "services" | "diseases" | "ruleTypes";
  label: string;
  codes: readonly string[];
  ns: string;
  md?: number;
}) {
  return (
    <Cell md={md}>
      <CheckboxGroup
        label={label}
        options={codes.map((c) => ({ value: c, label: p.t(`${ns}.${c}`) }))}
        value={p.d[name]}
        onChange={(v) => p.set({ [name]: v })}
        error={p.form.error(name)}
        disabled={() => p.locked}
      />
    </Cell>
  );
}

export function Flag({
  p,
  name,
  label,
  md,
}: {
  p: PartProps;
  name: "filingFree" | "useRule";
  label: string;
  md?: number;
}) {
  return (
    <Cell md={md}>
      <FormControlLabel
        disabled={p.locked}
        control={<Checkbox checked={p.d[name]} onChange={(e) => p.set({ [name]: e.target.checked })} />}
        label={label}
      />
    </Cell>
  );
}

export function DatePart({
  p,
  name,
  label,
  md,
}: {
  p: PartProps;
  name: "effectiveFrom" | "effectiveTo" | "signedOn";
  label: string;
  md?: number;
}) {
  return (
    <Cell md={md}>
      <DateField
        name={name}
        label={label}
        value={p.d[name]}
        onChange={(v) => p.set({ [name]: v })}
        error={Boolean(p.form.error(name))}
        helperText={p.form.error(name)}
        disabled={p.locked}
        fullWidth
        testId={`field-${name}`}
      />
    </Cell>
  );
}
