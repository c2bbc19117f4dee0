"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import { SelectField } from "@/components/ui/select-field";
import Snackbar from "@mui/material/Snackbar";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useT } from "@/components/i18n/i18n-provider";
import { ROOT_CAUSES } from "@/lib/complaints/codes";
import { fieldError } from "../../../_components/field-error";
import { transitionAction } from "../../actions";

export interface AllowedTransition {
  to: string;
  action: string;
  requires: string[];
}

/** The actions the signed-in handler may take now; each opens a dialog with its required fields. */
export function ActionPanel({ number, version, allowed, suggestedRootCause }: { number: string; version: number; allowed: AllowedTransition[]; suggestedRootCause: string | null }) {
  const t = useT();
  const router = useRouter();
  const [open, setOpen] = useState<AllowedTransition | null>(null);
  const [draft, setDraft] = useState({ note: "", reply: "", rootCause: "", mergeInto: "" });
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);

  function start(tr: AllowedTransition) {
    setOpen(tr);
    setDraft({ note: "", reply: "", rootCause: tr.requires.includes("rootCause") ? (suggestedRootCause ?? "") : "", mergeInto: "" });
    setMessage(null);
    setFieldErrors({});
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!open) return;
    setPending(true);
    const res = await transitionAction(number, {
      to: open.to,
      version,
      ...(draft.note && { note: draft.note }),
      ...(draft.reply && { reply: draft.reply }),
      ...(draft.rootCause && { rootCause: draft.rootCause }),
      ...(open.action === "MERGE" && { mergeInto: draft.mergeInto }),
    });
    setPending(false);
    if (!res.ok) {
      setMessage(res.message);
      setFieldErrors(res.fieldErrors);
      return;
    }
    setDone(t("complaints.detail.done", { action: t(`complaints.action.${open.action}`) }));
    setOpen(null);
    router.refresh();
  }

  const needs = (r: string) => open?.requires.includes(r) ?? false;
  const err = (f: string) => fieldError(fieldErrors, f);
  // Hand-over and escalation take an optional-looking note that is in fact required; other
  // steps accept a note too.
  return (
    <>
      {allowed.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t("complaints.detail.noActions")}
        </Typography>
      ) : (
        <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }} data-testid="actions">
          {allowed.map((a) => (
            <Button
              key={`${a.action}-${a.to}`}
              variant={a.action === "RESOLVE" || a.action === "TRIAGE" ? "contained" : "outlined"}
              color={a.action === "ESCALATE" ? "error" : a.action === "MERGE" ? "inherit" : "primary"}
              size="small"
              onClick={() => start(a)}
              data-testid={`action-${a.action}`}
            >
              {t(`complaints.action.${a.action}`)}
            </Button>
          ))}
        </Box>
      )}
      <Dialog open={Boolean(open)} onClose={pending ? undefined : () => setOpen(null)} maxWidth="sm" fullWidth>
        <form onSubmit={onSubmit} noValidate data-testid="transition-form">
          <DialogTitle>{open ? t(`complaints.action.${open.action}`) : ""}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              {message && (
                <Alert severity="error" role="alert">
                  {message}
                </Alert>
              )}
              {needs("rootCause") && (
                <SelectField
                  name="rootCause"
                  label={t("complaints.detail.rootCause")}
                  value={draft.rootCause}
                  onChange={(rootCause) => setDraft({ ...draft, rootCause })}
                  error={err("rootCause")}
                  required
                  fullWidth={false}
                  testId="root-cause"
                  options={ROOT_CAUSES.map((r) => ({ value: r, label: t(`complaints.rootCause.${r}`) }))}
                />
              )}
              {needs("reply") && (
                <TextField
                  name="reply"
                  label={t("complaints.detail.reply")}
                  value={draft.reply}
                  onChange={(e) => setDraft({ ...draft, reply: e.target.value })}
                  error={Boolean(err("reply"))}
                  helperText={err("reply") ?? t("complaints.detail.repliesHint")}
                  required
                  multiline
                  minRows={3}
                />
              )}
              {needs("mergeInto") && (
                <TextField
                  name="mergeInto"
                  label={t("complaints.detail.mergeInto")}
                  placeholder="TS-2026-000001"
                  value={draft.mergeInto}
                  onChange={(e) => setDraft({ ...draft, mergeInto: e.target.value })}
                  error={Boolean(err("mergeInto"))}
                  helperText={err("mergeInto")}
                  required
                />
              )}
              <TextField
                name="note"
                label={t("complaints.detail.note")}
                value={draft.note}
                onChange={(e) => setDraft({ ...draft, note: e.target.value })}
                error={Boolean(err("note"))}
                helperText={err("note") ?? t("complaints.detail.notesHint")}
                required={needs("note")}
                multiline
                minRows={2}
              />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(null)} disabled={pending}>
              {t("complaints.detail.cancel")}
            </Button>
            <Button type="submit" variant="contained" disabled={pending} data-testid="transition-submit">
              {t("complaints.detail.confirm")}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
      <Snackbar open={Boolean(done)} autoHideDuration={4000} onClose={() => setDone(null)} message={done} />
    </>
  );
}
