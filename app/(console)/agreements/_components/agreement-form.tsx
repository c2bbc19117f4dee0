"use client";
// Create or edit an agreement. Parties are rows of a region picked by name and a role; listed
// institutions and attachments are one-per-line text; the edit page loads every listed code,
// since saving replaces the whole list. Everything
// is validated by the service, whose field errors appear under the fields.
import { useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import FormLabel from "@mui/material/FormLabel";
import Grid from "@mui/material/Grid";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import { useT } from "@/components/i18n/i18n-provider";
import { TextInput } from "@/components/ui/text-input";
import { useActionForm } from "@/components/ui/use-action-form";
import { AGREEMENT_TYPES, DIRECTIONS, FILING_TYPES } from "@/lib/agreements/codes";
import { CHRONIC_DISEASES, INSTITUTION_LEVELS, INSTITUTION_TYPES, SERVICES } from "@/lib/facilities/codes";
import { RegionPicker } from "@/components/ui/region-picker";
import { createAgreementAction, updateAgreementAction } from "../actions";
import { codeList, toPayload, type AgreementDraft } from "./agreement-draft";
import { Boxes, Cell, Choice, DatePart, Flag, Text, type PartProps } from "./agreement-form-fields";
import { PartiesField } from "./parties-field";

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
