"use client";
import { useState, type ComponentProps, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import { useT } from "@/components/i18n/i18n-provider";
import { DateTimeField } from "@/components/ui/date-time-field";
import { Section } from "@/components/ui/section";
import { SelectField } from "@/components/ui/select-field";
import { TextInput } from "@/components/ui/text-input";
import { useActionForm, type ActionForm } from "@/components/ui/use-action-form";
import { InstitutionPicker } from "@/components/facilities/institution-picker";
import { RegionPicker } from "@/components/ui/region-picker";
import type { Translate } from "@/lib/i18n";
import { CATEGORIES, CHANNELS, PRIORITIES, SERVICE_TYPES } from "@/lib/complaints/codes";
import { createComplaintAction } from "../../actions";

const EMPTY = {
  channel: "HOTLINE",
  complainantName: "",
  complainantPhone: "",
  complainantIdNumber: "",
  homeRegionCode: "",
  visitRegionCode: "",
  institutionCode: "",
  institutionName: "",
  settlementId: "",
  /** An ISO instant (DateTimeField reads and writes Beijing time). */
  settlementAt: "",
  serviceType: "",
  category: "SETTLEMENT_FAILED",
  priority: "NORMAL",
  description: "",
};
type Draft = typeof EMPTY;

/** What each part of the form needs: the draft, its setter, the action's errors, the translator. */
interface PartProps {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  form: ActionForm;
  t: Translate;
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Section title={title} padded>
      <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", md: "repeat(3, 1fr)" }, gap: 2 }}>{children}</Box>
    </Section>
  );
}

/** A draft field as a text input with the action's error under it. */
function Text({
  name,
  label,
  p,
  ...rest
}: { name: keyof Draft; label: string; p: PartProps } & Omit<
  ComponentProps<typeof TextInput>,
  "name" | "label" | "value" | "onValue"
>) {
  return (
    <TextInput
      name={name}
      label={label}
      value={p.draft[name]}
      onValue={(v) => p.set({ [name]: v })}
      error={p.form.error(name)}
      {...rest}
    />
  );
}

/** A draft field chosen from codes shown in words (`ns.CODE`). */
function Choice({
  name,
  label,
  codes,
  ns,
  withEmpty = false,
  p,
}: {
  name: keyof Draft;
  label: string;
  codes: readonly string[];
  ns: string;
  withEmpty?: boolean;
  p: PartProps;
}) {
  const options = [
    ...(withEmpty ? [{ value: "", label: "—" }] : []),
    ...codes.map((c) => ({ value: c, label: p.t(`${ns}.${c}`) })),
  ];
  return (
    <SelectField
      name={name}
      label={label}
      value={p.draft[name]}
      onChange={(v) => p.set({ [name]: v })}
      error={p.form.error(name)}
      options={options}
      testId={`field-${name}`}
    />
  );
}

function ComplainantPart(p: PartProps) {
  const { t } = p;
  return (
    <Part title={t("complaints.form.complainant")}>
      <Text p={p} name="complainantName" label={t("complaints.form.name")} required />
      <Text p={p} name="complainantPhone" label={t("complaints.form.phone")} />
      <Text p={p} name="complainantIdNumber" label={t("complaints.form.idNumber")} autoComplete="off" />
      <Box sx={{ gridColumn: "1 / -1", typography: "caption", color: "text.secondary" }}>
        {t("complaints.form.personalHint")}
      </Box>
    </Part>
  );
}

function RegionsPart(p: PartProps) {
  const { t, draft, set, form } = p;
  return (
    <Part title={t("complaints.form.regions")}>
      {(["homeRegionCode", "visitRegionCode"] as const).map((k) => (
        <RegionPicker
          key={k}
          name={k}
          testId={`field-${k}`}
          label={t(k === "homeRegionCode" ? "complaints.form.homeRegion" : "complaints.form.visitRegion")}
          value={draft[k] ? { code: draft[k] } : null}
          onChange={(o) => set({ [k]: o?.code ?? "" })}
          error={Boolean(form.error(k))}
          helperText={form.error(k)}
          width="100%"
          required
        />
      ))}
      <Choice p={p} name="channel" label={t("complaints.detail.channel")} codes={CHANNELS} ns="complaints.channel" />
    </Part>
  );
}

function CasePart(p: PartProps) {
  const { t, draft, set, form } = p;
  return (
    <Part title={t("complaints.form.case")}>
      <Choice p={p} name="category" label={t("complaints.list.category")} codes={CATEGORIES} ns="complaints.category" />
      <Choice p={p} name="priority" label={t("complaints.list.priority")} codes={PRIORITIES} ns="complaints.priority" />
      <Choice
        p={p}
        name="serviceType"
        label={t("complaints.detail.service")}
        codes={SERVICE_TYPES}
        ns="complaints.service"
        withEmpty
      />
      <InstitutionPicker
        label={t("complaints.form.institution")}
        value={draft.institutionCode}
        onChange={(institutionCode, o) => set({ institutionCode, institutionName: o?.name ?? "" })}
        error={Boolean(form.error("institutionCode"))}
        helperText={form.error("institutionCode")}
        testId="field-institution"
        width="100%"
      />
      {/* An institution outside the roster is named in words; a listed one takes its name from the roster. */}
      {!draft.institutionCode && <Text p={p} name="institutionName" label={t("complaints.form.institutionName")} />}
      <Text p={p} name="settlementId" label={t("complaints.form.settlementId")} />
      <DateTimeField
        name="settlementAt"
        testId="field-settlementAt"
        label={t("complaints.form.settlementAt")}
        value={draft.settlementAt}
        onChange={(settlementAt) => set({ settlementAt })}
        error={form.error("settlementAt")}
      />
      <Box sx={{ gridColumn: "1 / -1" }}>
        <Text
          p={p}
          name="description"
          label={t("complaints.detail.description")}
          required
          multiline
          minRows={4}
          fullWidth
        />
      </Box>
    </Part>
  );
}

/** Registers a ticket; the visit region defaults to the handler's own region. */
export function ComplaintForm({ defaultVisitRegion }: { defaultVisitRegion: string }) {
  const t = useT();
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>({ ...EMPTY, visitRegionCode: defaultVisitRegion });
  const form = useActionForm();
  const onSubmit = form.onSubmit(
    () => createComplaintAction(draft),
    (data) => router.push(`/complaints/${data.number}`),
  );
  const p: PartProps = { draft, set: (patch) => setDraft({ ...draft, ...patch }), form, t };

  return (
    <Box component="form" onSubmit={onSubmit} noValidate data-testid="complaint-form">
      {form.message && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {form.message}
        </Alert>
      )}
      <ComplainantPart {...p} />
      <RegionsPart {...p} />
      <CasePart {...p} />
      <Button type="submit" variant="contained" disabled={form.pending} data-testid="complaint-submit">
        {form.pending ? t("complaints.form.submitting") : t("complaints.form.submit")}
      </Button>
    </Box>
  );
}
