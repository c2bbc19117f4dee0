"use client";
// A yes/no question before a destructive step (disable a user, revoke a token): title, the
// question, an optional note, cancel and the step's own button in the error colour.
import type { ReactNode } from "react";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import { useId } from "react";
import { useT } from "@/components/i18n/i18n-provider";

export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  text,
  note,
  confirmLabel,
  pending = false,
  confirmTestId,
}: {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: ReactNode;
  text: ReactNode;
  note?: ReactNode;
  confirmLabel: ReactNode;
  pending?: boolean;
  confirmTestId?: string;
}) {
  const t = useT();
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{text}</DialogContentText>
        {note && (
          <DialogContentText sx={{ mt: 1.5 }} variant="body2">
            {note}
          </DialogContentText>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t("common.cancel")}</Button>
        <Button color="error" variant="contained" onClick={onConfirm} disabled={pending} data-testid={confirmTestId}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
