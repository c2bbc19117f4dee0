"use client";
// Create or edit an agreement. Parties are rows of a region picked by name and a role; listed
// institutions and attachments are one-per-line text; the edit page loads every listed code,
// since saving replaces the whole list. Everything
// is validated by the service, whose field errors appear under the fields.
import { useState, type ComponentProps, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormLabel from "@mui/material/FormLabel";
import Grid from "@mui/material/Grid";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import { useT } from "@/components/i18n/i18n-provider";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { DateField } from "@/components/ui/date-field";
import { SelectField } from "@/components/ui/select-field";
import { TextInput } from "@/components/ui/text-input";
import { useActionForm, type ActionForm } from "@/components/ui/use-action-form";
import type { Translate } from "@/lib/i18n";
import { AGREEMENT_TYPES, DIRECTIONS, FILING_TYPES } from "@/lib/agreements/codes";
import { CHRONIC_DISEASES, INSTITUTION_LEVELS, INSTITUTION_TYPES, SERVICES } from "@/lib/facilities/codes";
import { RegionPicker } from "@/components/ui/region-picker";
import { createAgreementAction, updateAgreementAction } from "../actions";
import { PartiesField, type PartyDraft } from "./parties-field";

export interface AgreementDraft {
  id?: string;
  version?: number;
  locked?: boolean;
  number: string;
  title: string;
  titleEn: string;
  type: string;
  direction: string;
  parties: PartyDraft[];
  services: string[];
  diseases: string[];
  filingFree: boolean;
  effectiveFrom: string;
  effectiveTo: string;
  signedOn: string;
  documentRef: string;
  notes: string;
  institutionCodes: string;
  useRule: boolean;
  minLevel: string;
  ruleTypes: string[];
  ruleRegions: string[];
  ratio: Record<string, string>;
  attachments: string;
}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
// Codes contain no separators, so a pasted comma- or space-separated list is read as well.
const codeList = (s: string) => s.split(/[\s,，;；、]+/).filter(Boolean);

/** What the service takes: a locked (active) agreement changes only its notes, reference, English title and attachments. */
function toPayload(d: AgreementDraft) {
  const attachments = lines(d.attachments).map((l) => {
    const [name, ref] = l.split("|").map((x) => x.trim());
    return { name: name!, ...(ref && { ref }) };
  });
  if (d.locked) return { notes: d.notes, documentRef: d.documentRef, titleEn: d.titleEn, attachments };
  const ratioRules = Object.fromEntries(
    Object.entries(d.ratio)
      .filter(([, v]) => v.trim() !== "")
      .map(([k, v]) => [k, Number(v)]),
  );
  return {
    number: d.number,
    title: d.title,
    titleEn: d.titleEn,
    type: d.type,
    direction: d.direction,
    parties: d.parties.filter((p) => p.regionCode),
    services: d.services,
    diseases: d.diseases,
    filingFree: d.filingFree,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: d.effectiveTo || null,
    signedOn: d.signedOn || null,
    documentRef: d.documentRef,
    notes: d.notes,
    institutionCodes: codeList(d.institutionCodes),
    scopeRule: d.useRule
      ? {
          ...(d.minLevel && { minLevel: d.minLevel }),
          types: d.ruleTypes,
          regionCodes: d.ruleRegions,
        }
      : null,
    ratioRules,
    attachments,
  };
}

/** The fields that stay editable on a locked agreement. */
const UNLOCKED: readonly (keyof AgreementDraft)[] = ["notes", "documentRef", "titleEn", "attachments"];

interface PartProps {
  d: AgreementDraft;
  set: (patch: Partial<AgreementDraft>) => void;
  form: ActionForm;
  t: Translate;
  locked: boolean;
}

/** A field's cell in the form's grid: the whole row on a phone, `md` of 12 columns from 900 px. */
function Cell({ md = 12, children }: { md?: number; children: ReactNode }) {
  return <Grid size={{ xs: 12, md }}>{children}</Grid>;
}

/** A text field of the draft, disabled on a locked agreement unless it stays editable. */
function Text({
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
function Choice({
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
function Boxes({
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

function Flag({ p, name, label, md }: { p: PartProps; name: "filingFree" | "useRule"; label: string; md?: number }) {
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

function DatePart({
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

function Terms(p: PartProps) {
  const { t } = p;
  return (
    <>
      <Text md={4} p={p} name="number" label={t("agreements.form.number")} />
      <Text md={8} p={p} name="title" label={t("agreements.form.titleField")} />
      <Text p={p} name="titleEn" label={t("agreements.form.titleEn")} />
      <Choice
        md={4}
        p={p}
        name="type"
        label={t("agreements.form.type")}
        codes={AGREEMENT_TYPES}
        ns="agreements.types"
      />
      <Choice
        md={4}
        p={p}
        name="direction"
        label={t("agreements.form.direction")}
        codes={DIRECTIONS}
        ns="agreements.directions"
      />
      <Flag md={4} p={p} name="filingFree" label={t("agreements.form.filingFree")} />
      <Cell>
        <PartiesField
          value={p.d.parties}
          onChange={(parties) => p.set({ parties })}
          mutual={p.d.direction === "MUTUAL"}
          disabled={p.locked}
          error={p.form.error("parties")}
          t={t}
        />
      </Cell>
      <Boxes
        md={6}
        p={p}
        name="services"
        label={t("agreements.form.services")}
        codes={SERVICES}
        ns="agreements.services"
      />
      <Boxes
        md={6}
        p={p}
        name="diseases"
        label={t("agreements.form.diseases")}
        codes={CHRONIC_DISEASES}
        ns="agreements.diseases"
      />
      {(["effectiveFrom", "effectiveTo", "signedOn"] as const).map((name) => (
        <DatePart key={name} md={4} p={p} name={name} label={t(`agreements.form.${name}`)} />
      ))}
      <Text md={6} p={p} name="documentRef" label={t("agreements.form.documentRef")} />
      <Text md={6} p={p} name="attachments" label={t("agreements.form.attachments")} multiline minRows={1} />
    </>
  );
}

/** The listed institutions and the rule that adds institutions by level, type and region. */
function Scope(p: PartProps) {
  const { t, d, form } = p;
  return (
    <>
      {/* Hundreds of codes scroll inside the box instead of stretching the page. */}
      <Text
        p={p}
        name="institutionCodes"
        label={t("agreements.form.institutionCodes")}
        multiline
        minRows={2}
        maxRows={12}
        hint={t("agreements.form.institutionCodesCount", { count: new Set(codeList(d.institutionCodes)).size })}
      />
      <Flag p={p} name="useRule" label={t("agreements.form.useRule")} />
      {form.error("scopeRule") && (
        <Cell>
          <Alert severity="error">{form.error("scopeRule")}</Alert>
        </Cell>
      )}
      {d.useRule && (
        <>
          <Choice
            md={3}
            p={p}
            name="minLevel"
            label={t("agreements.form.minLevel")}
            codes={INSTITUTION_LEVELS.filter((l) => l !== "UNRATED")}
            ns="agreements.levels"
            withEmpty
          />
          <Boxes
            md={5}
            p={p}
            name="ruleTypes"
            label={t("agreements.form.ruleTypes")}
            codes={INSTITUTION_TYPES}
            ns="agreements.institutionTypes"
          />
          <Cell md={4}>
            <RegionPicker
              multiple
              label={t("agreements.form.ruleRegions")}
              value={d.ruleRegions.map((code) => ({ code }))}
              onChange={(v) => p.set({ ruleRegions: v.map((o) => o.code) })}
              disabled={p.locked}
              width="100%"
              testId="field-ruleRegions"
            />
          </Cell>
        </>
      )}
    </>
  );
}

function RatioRules({ d, set, form, t, locked }: PartProps) {
  return (
    <Grid size={{ xs: 12 }}>
      <FormLabel>{t("agreements.form.ratio")}</FormLabel>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: "wrap", mt: 1 }}>
        {FILING_TYPES.map((f) => (
          <TextInput
            key={f}
            label={t(`agreements.filingTypes.${f}`)}
            value={d.ratio[f] ?? ""}
            disabled={locked}
            onValue={(v) => set({ ratio: { ...d.ratio, [f]: v } })}
            error={form.error(`ratioRules.${f}`)}
            sx={{ width: 150 }}
            slotProps={{ htmlInput: { inputMode: "numeric", "data-testid": `ratio-${f}` } }}
          />
        ))}
      </Stack>
    </Grid>
  );
}

export function AgreementForm({ initial }: { initial: AgreementDraft }) {
  const t = useT();
  const router = useRouter();
  const [d, setD] = useState(initial);
  const form = useActionForm();
  const p: PartProps = { d, set: (patch) => setD({ ...d, ...patch }), form, t, locked: Boolean(d.locked) };
  const onSubmit = form.onSubmit<unknown>(
    () =>
      d.id ? updateAgreementAction(d.id, { ...toPayload(d), version: d.version }) : createAgreementAction(toPayload(d)),
    (data) => {
      router.push(`/agreements/${d.id ?? (data as { id: string }).id}`);
      router.refresh();
    },
  );

  return (
    <Paper component="form" onSubmit={onSubmit} noValidate sx={{ p: 3 }}>
      <Stack spacing={2.5}>
        {p.locked && <Alert severity="info">{t("agreements.form.lockedHint")}</Alert>}
        {form.message && (
          <Alert severity="error" data-testid="form-error">
            {form.message}
          </Alert>
        )}
        <Grid container spacing={2}>
          <Terms {...p} />
          <Scope {...p} />
          <RatioRules {...p} />
          <Text p={p} name="notes" label={t("agreements.form.notes")} multiline minRows={2} />
        </Grid>
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained" disabled={form.pending} data-testid="save-agreement">
            {t("common.save")}
          </Button>
          <Button onClick={() => router.back()}>{t("common.cancel")}</Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
