"use client";
// Lifecycle buttons of an agreement for an officer of a party: one dialog per step, with the
// effective date and a reason. The service decides; this only offers what it would allow.
import { useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { useT } from "@/components/i18n/i18n-provider";
import { transitionAgreementAction } from "../actions";

export function TransitionPanel({ id, version, actions, disabledActivate }: { id: string; version: number; actions: string[]; disabledActivate: boolean }) {
  const t = useT();
  const router = useRouter();
  const [action, setAction] = useState<string | null>(null);
  const [effectiveOn, setEffectiveOn] = useState("");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ severity: "error" | "success" | "info"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  async function submit() {
    if (!action) return;
    setPending(true);
    const res = await transitionAgreementAction(id, { action, version, ...(effectiveOn && { effectiveOn }), ...(reason && { reason }) });
    setPending(false);
    if (res.ok) {
      setAction(null);
      setMessage(
        action === "ACTIVATE" && res.data.pending > 0
          ? { severity: "info", text: t("agreements.transitions.approvedWaiting") }
          : { severity: "success", text: t("agreements.transitions.done") },
      );
      router.refresh();
    } else {
      setMessage({ severity: "error", text: res.message });
      setFieldErrors(res.fieldErrors);
    }
  }

  return (
    <Stack spacing={1.5}>
      {message && !action && (
        <Alert severity={message.severity} data-testid="transition-message">
          {message.text}
        </Alert>
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }}>
        {actions.map((a) => (
          <Button
            key={a}
            variant={a === "ACTIVATE" || a === "RESUME" ? "contained" : "outlined"}
            color={a === "TERMINATE" ? "error" : a === "SUSPEND" ? "warning" : "primary"}
            disabled={a === "ACTIVATE" && disabledActivate}
            onClick={() => (setAction(a), setEffectiveOn(""), setReason(""), setFieldErrors({}), setMessage(null))}
            data-testid={`action-${a}`}
          >
            {t(`agreements.actions.${a}`)}
          </Button>
        ))}
      </Stack>
      <Dialog open={action !== null} onClose={() => setAction(null)} fullWidth maxWidth="xs">
        <DialogTitle>{action && t(`agreements.actions.${action}`)}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {message?.severity === "error" && <Alert severity="error">{message.text}</Alert>}
            <TextField
              type="date"
              label={t("agreements.transitions.effectiveOn")}
              value={effectiveOn}
              onChange={(e) => setEffectiveOn(e.target.value)}
              error={Boolean(fieldErrors.effectiveOn)}
              helperText={fieldErrors.effectiveOn?.join("；")}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField label={t("agreements.transitions.reason")} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAction(null)}>{t("common.cancel")}</Button>
          <Button variant="contained" onClick={submit} disabled={pending} data-testid="confirm-transition">
            {t("common.confirm")}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
