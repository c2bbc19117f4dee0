"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Snackbar from "@mui/material/Snackbar";
import Typography from "@mui/material/Typography";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/ui/form-dialog";
import { SelectField } from "@/components/ui/select-field";
import { TextInput } from "@/components/ui/text-input";
import { useActionForm, type ActionForm } from "@/components/ui/use-action-form";
import type { Translate } from "@/lib/i18n";
import { ROOT_CAUSES } from "@/lib/complaints/codes";
import { transitionAction } from "../../actions";

export interface AllowedTransition {
  to: string;
  action: string;
  requires: string[];
}

type Draft = { note: string; reply: string; rootCause: string; mergeInto: string };

function ActionButtons({
  allowed,
  onStart,
  t,
}: {
  allowed: AllowedTransition[];
  onStart: (a: AllowedTransition) => void;
  t: Translate;
}) {
  if (allowed.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t("complaints.detail.noActions")}
      </Typography>
    );
  }
  return (
    <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }} data-testid="actions">
      {allowed.map((a) => (
        <Button
          key={`${a.action}-${a.to}`}
          variant={a.action === "RESOLVE" || a.action === "TRIAGE" ? "contained" : "outlined"}
          color={a.action === "ESCALATE" ? "error" : a.action === "MERGE" ? "inherit" : "primary"}
          size="small"
          onClick={() => onStart(a)}
          data-testid={`action-${a.action}`}
        >
          {t(`complaints.action.${a.action}`)}
        </Button>
      ))}
    </Box>
  );
}

/** The fields a step asks for; hand-over and escalation make the note required, other steps accept one. */
function TransitionFields({
  requires,
  draft,
  set,
  form,
  t,
}: {
  requires: string[];
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  form: ActionForm;
  t: Translate;
}) {
  const needs = (r: string) => requires.includes(r);
  return (
    <>
      {needs("rootCause") && (
        <SelectField
          name="rootCause"
          label={t("complaints.detail.rootCause")}
          value={draft.rootCause}
          onChange={(rootCause) => set({ rootCause })}
          error={form.error("rootCause")}
          required
          fullWidth={false}
          testId="root-cause"
          options={ROOT_CAUSES.map((r) => ({ value: r, label: t(`complaints.rootCause.${r}`) }))}
        />
      )}
      {needs("reply") && (
        <TextInput
          name="reply"
          label={t("complaints.detail.reply")}
          value={draft.reply}
          onValue={(reply) => set({ reply })}
          error={form.error("reply")}
          hint={t("complaints.detail.repliesHint")}
          required
          multiline
          minRows={3}
        />
      )}
      {needs("mergeInto") && (
        <TextInput
          name="mergeInto"
          label={t("complaints.detail.mergeInto")}
          placeholder="TS-2026-000001"
          value={draft.mergeInto}
          onValue={(mergeInto) => set({ mergeInto })}
          error={form.error("mergeInto")}
          required
        />
      )}
      <TextInput
        name="note"
        label={t("complaints.detail.note")}
        value={draft.note}
        onValue={(note) => set({ note })}
        error={form.error("note")}
        hint={t("complaints.detail.notesHint")}
        required={needs("note")}
        multiline
        minRows={2}
      />
    </>
  );
}

/** The actions the signed-in handler may take now; each opens a dialog with its required fields. */
export function ActionPanel({
  number,
  version,
  allowed,
  suggestedRootCause,
}: {
  number: string;
  version: number;
  allowed: AllowedTransition[];
  suggestedRootCause: string | null;
}) {
  const t = useT();
  const router = useRouter();
  const form = useActionForm();
  const [open, setOpen] = useState<AllowedTransition | null>(null);
  const [draft, setDraft] = useState<Draft>({ note: "", reply: "", rootCause: "", mergeInto: "" });
  const [done, setDone] = useState<string | null>(null);

  function start(tr: AllowedTransition) {
    setOpen(tr);
    setDraft({
      note: "",
      reply: "",
      rootCause: tr.requires.includes("rootCause") ? (suggestedRootCause ?? "") : "",
      mergeInto: "",
    });
    form.reset();
  }

  const onSubmit = form.onSubmit(
    () =>
      transitionAction(number, {
        to: open!.to,
        version,
        ...(draft.note && { note: draft.note }),
        ...(draft.reply && { reply: draft.reply }),
        ...(draft.rootCause && { rootCause: draft.rootCause }),
        ...(open!.action === "MERGE" && { mergeInto: draft.mergeInto }),
      }),
    () => {
      setDone(t("complaints.detail.done", { action: t(`complaints.action.${open!.action}`) }));
      setOpen(null);
      router.refresh();
    },
  );

  return (
    <>
      <ActionButtons allowed={allowed} onStart={start} t={t} />
      <FormDialog
        open={Boolean(open)}
        onClose={() => setOpen(null)}
        title={open ? t(`complaints.action.${open.action}`) : ""}
        form={form}
        onSubmit={onSubmit}
        submitLabel={t("complaints.detail.confirm")}
        testId="transition-form"
        submitTestId="transition-submit"
      >
        {open && (
          <TransitionFields
            requires={open.requires}
            draft={draft}
            set={(patch) => setDraft({ ...draft, ...patch })}
            form={form}
            t={t}
          />
        )}
      </FormDialog>
      <Snackbar open={Boolean(done)} autoHideDuration={4000} onClose={() => setDone(null)} message={done} />
    </>
  );
}
