"use client";
// A form in a dialog around one server action: title, the action's refusal message on top,
// the fields, cancel and submit (disabled while pending). Fields show their own errors through
// `form.error(name)` (use-action-form.ts). Enter submits; the dialog stays open on a refusal.
import type { FormEvent, ReactNode } from "react";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import Stack from "@mui/material/Stack";
import { useId } from "react";
import { useT } from "@/components/i18n/i18n-provider";
import type { ActionFormState } from "./use-action-form";

export function FormDialog({
  open,
  onClose,
  title,
  form,
  onSubmit,
  submitLabel,
  children,
  testId,
  maxWidth = "sm",
  submitTestId = "dialog-submit",
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  form: Pick<ActionFormState, "pending" | "message">;
  onSubmit: (e: FormEvent) => void;
  submitLabel?: ReactNode;
  children: ReactNode;
  testId?: string;
  maxWidth?: "xs" | "sm" | "md";
  submitTestId?: string;
}) {
  const t = useT();
  const titleId = useId();
  return (
    <Dialog
      open={open}
      onClose={form.pending ? undefined : onClose}
      fullWidth
      maxWidth={maxWidth}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {form.message && (
              <Alert severity="error" data-testid="form-error" role="alert">
                {form.message}
              </Alert>
            )}
            {children}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={form.pending}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" variant="contained" disabled={form.pending} data-testid={submitTestId}>
            {submitLabel ?? t("common.save")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
