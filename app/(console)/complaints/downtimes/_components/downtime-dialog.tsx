"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Button from "@mui/material/Button";
import { useT } from "@/components/i18n/i18n-provider";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { DateTimeField } from "@/components/ui/date-time-field";
import { FormDialog } from "@/components/ui/form-dialog";
import { RegionPicker } from "@/components/ui/region-picker";
import { SelectField } from "@/components/ui/select-field";
import { TextInput } from "@/components/ui/text-input";
import { useActionForm, type ActionForm } from "@/components/ui/use-action-form";
import { DOWNTIME_KINDS, SERVICE_TYPES } from "@/lib/complaints/codes";
import { createDowntimeAction } from "../../actions";

/** A new window's fields: the user's region, planned, both services ticked. */
function emptyDraft(defaultRegion: string) {
  return {
    regionCode: defaultRegion,
    kind: "PLANNED",
    startsAt: "",
    endsAt: "",
    services: ["INPATIENT", "OUTPATIENT"] as string[],
    reason: "",
  };
}
type DowntimeDraft = ReturnType<typeof emptyDraft>;

/** The window's region, kind, start and end (Beijing time), services and reason. */
function DowntimeFields({
  draft,
  set,
  form,
  defaultRegion,
}: {
  draft: DowntimeDraft;
  set: (patch: Partial<DowntimeDraft>) => void;
  form: ActionForm;
  defaultRegion: string;
}) {
  const t = useT();
  return (
    <>
      <RegionPicker
        name="regionCode"
        testId="field-regionCode"
        within={defaultRegion || undefined}
        label={t("complaints.downtime.regionCode")}
        value={draft.regionCode ? { code: draft.regionCode } : null}
        onChange={(o) => set({ regionCode: o?.code ?? "" })}
        error={Boolean(form.error("regionCode"))}
        helperText={form.error("regionCode")}
        width="100%"
        required
      />
      <SelectField
        name="kind"
        label={t("complaints.downtime.kindLabel")}
        value={draft.kind}
        onChange={(kind) => set({ kind })}
        options={DOWNTIME_KINDS.map((k) => ({ value: k, label: t(`complaints.downtime.kind.${k}`) }))}
      />
      <DateTimeField
        name="startsAt"
        testId="field-startsAt"
        label={t("complaints.downtime.start")}
        value={draft.startsAt}
        onChange={(startsAt) => set({ startsAt })}
        error={form.error("startsAt")}
        required
      />
      <DateTimeField
        name="endsAt"
        testId="field-endsAt"
        label={t("complaints.downtime.end")}
        value={draft.endsAt}
        onChange={(endsAt) => set({ endsAt })}
        error={form.error("endsAt")}
        required
      />
      <CheckboxGroup
        label={t("complaints.downtime.services")}
        options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`complaints.service.${s}`) }))}
        value={draft.services}
        onChange={(services) => set({ services })}
        error={form.error("services")}
      />
      <TextInput
        name="reason"
        label={t("complaints.downtime.reason")}
        value={draft.reason}
        onValue={(reason) => set({ reason })}
        error={form.error("reason")}
        required
        multiline
        minRows={2}
      />
    </>
  );
}

/** Posts a downtime window; times are entered in Beijing time (DateTimeField posts ISO instants). */
export function DowntimeDialog({ defaultRegion }: { defaultRegion: string }) {
  const t = useT();
  const router = useRouter();
  const empty = emptyDraft(defaultRegion);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(empty);
  const form = useActionForm();
  const set = (patch: Partial<DowntimeDraft>) => setDraft({ ...draft, ...patch });
  const close = () => {
    setOpen(false);
    form.reset();
  };
  const onSubmit = form.onSubmit(
    () => createDowntimeAction(draft),
    () => {
      close();
      setDraft(empty);
      router.refresh();
    },
  );

  return (
    <>
      <Button variant="contained" onClick={() => setOpen(true)} data-testid="new-downtime">
        {t("complaints.downtime.create")}
      </Button>
      <FormDialog
        open={open}
        onClose={close}
        title={t("complaints.downtime.create")}
        form={form}
        onSubmit={onSubmit}
        submitLabel={t("complaints.downtime.submit")}
        testId="downtime-form"
        submitTestId="downtime-submit"
      >
        <DowntimeFields draft={draft} set={set} form={form} defaultRegion={defaultRegion} />
      </FormDialog>
    </>
  );
}
