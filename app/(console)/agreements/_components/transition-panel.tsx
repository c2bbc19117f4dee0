"use client";
// Lifecycle buttons of an agreement for an officer of a party: one dialog per step, with the
// effective date and a reason. The service decides; this only offers what it would allow.
import { useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { useT } from "@/components/i18n/i18n-provider";
import { DateField } from "@/components/ui/date-field";
import { FormDialog } from "@/components/ui/form-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import { transitionAgreementAction } from "../actions";

/**
 * The panel's state: which step's dialog is open, its date and reason, and the outcome of the
 * last step; `open` starts a step afresh, `onSubmit` sends it and refreshes the page.
 */
function useTransitionDialog(id: string, version: number) {
  const t = useT();
  const router = useRouter();
  const form = useActionForm();
  const [action, setAction] = useState<string | null>(null);
  const [effectiveOn, setEffectiveOn] = useState("");
  const [reason, setReason] = useState("");
  const [outcome, setOutcome] = useState<{ severity: "success" | "info"; text: string } | null>(null);

  function open(a: string) {
    setAction(a);
    setEffectiveOn("");
    setReason("");
    setOutcome(null);
    form.reset();
  }

  const onSubmit = form.onSubmit(
    () =>
      transitionAgreementAction(id, {
        action: action ?? "",
        version,
        ...(effectiveOn && { effectiveOn }),
        ...(reason && { reason }),
      }),
    (data) => {
      setOutcome(
        action === "ACTIVATE" && data.pending > 0
          ? { severity: "info", text: t("agreements.transitions.approvedWaiting") }
          : { severity: "success", text: t("agreements.transitions.done") },
      );
      setAction(null);
      router.refresh();
    },
  );
  return { form, action, setAction, effectiveOn, setEffectiveOn, reason, setReason, outcome, open, onSubmit };
}

/** One button per step the service would allow, coloured by what the step does. */
function ActionButtons({
  actions,
  disabledActivate,
  onOpen,
}: {
  actions: string[];
  disabledActivate: boolean;
  onOpen: (action: string) => void;
}) {
  const t = useT();
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }}>
      {actions.map((a) => (
        <Button
          key={a}
          variant={a === "ACTIVATE" || a === "RESUME" ? "contained" : "outlined"}
          color={a === "TERMINATE" ? "error" : a === "SUSPEND" ? "warning" : "primary"}
          disabled={a === "ACTIVATE" && disabledActivate}
          onClick={() => onOpen(a)}
          data-testid={`action-${a}`}
        >
          {t(`agreements.actions.${a}`)}
        </Button>
      ))}
    </Stack>
  );
}

export function TransitionPanel({
  id,
  version,
  actions,
  disabledActivate,
}: {
  id: string;
  version: number;
  actions: string[];
  disabledActivate: boolean;
}) {
  const t = useT();
  const { form, action, setAction, effectiveOn, setEffectiveOn, reason, setReason, outcome, open, onSubmit } =
    useTransitionDialog(id, version);

  return (
    <Stack spacing={1.5}>
      {outcome && !action && (
        <Alert severity={outcome.severity} data-testid="transition-message">
          {outcome.text}
        </Alert>
      )}
      <ActionButtons actions={actions} disabledActivate={disabledActivate} onOpen={open} />
      <FormDialog
        open={action !== null}
        onClose={() => setAction(null)}
        title={action && t(`agreements.actions.${action}`)}
        form={form}
        onSubmit={onSubmit}
        submitLabel={t("common.confirm")}
        submitTestId="confirm-transition"
        maxWidth="xs"
      >
        <DateField
          name="effectiveOn"
          label={t("agreements.transitions.effectiveOn")}
          value={effectiveOn}
          onChange={setEffectiveOn}
          error={Boolean(form.error("effectiveOn"))}
          helperText={form.error("effectiveOn")}
          fullWidth
        />
        <TextField
          label={t("agreements.transitions.reason")}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          multiline
          minRows={2}
        />
      </FormDialog>
    </Stack>
  );
}
