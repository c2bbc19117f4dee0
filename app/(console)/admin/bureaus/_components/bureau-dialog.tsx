"use client";
// Create (national admin) or edit a bureau: names and the roster's maker-checker rule.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormHelperText from "@mui/material/FormHelperText";
import Stack from "@mui/material/Stack";
import Switch from "@mui/material/Switch";
import TextField from "@mui/material/TextField";
import { useT } from "@/components/i18n/i18n-provider";
import { fieldError } from "../../../_components/field-error";
import { createBureauAction, updateBureauAction } from "../actions";

export interface BureauDraft {
  id?: string;
  regionCode: string;
  name: string;
  nameEn: string;
  makerChecker: boolean;
  version?: number;
}

export function BureauDialog({ initial, label, variant = "text" }: { initial: BureauDraft; label: string; variant?: "text" | "contained" }) {
  const t = useT();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(initial);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const editing = Boolean(initial.id);
  const err = (f: string) => fieldError(fieldErrors, f);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setMessage(null);
    const res = editing
      ? await updateBureauAction(initial.id!, { name: draft.name, nameEn: draft.nameEn, makerChecker: draft.makerChecker, version: initial.version })
      : await createBureauAction({ regionCode: draft.regionCode, name: draft.name, nameEn: draft.nameEn, makerChecker: draft.makerChecker });
    setPending(false);
    if (res.ok) {
      setOpen(false);
      router.refresh();
    } else {
      setMessage(res.message);
      setFieldErrors(res.fieldErrors);
    }
  }

  return (
    <>
      <Button variant={variant} size="small" onClick={() => (setDraft(initial), setFieldErrors({}), setMessage(null), setOpen(true))} data-testid={editing ? `edit-bureau-${initial.regionCode}` : "create-bureau"}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <form onSubmit={onSubmit} noValidate>
          <DialogTitle>{editing ? t("admin.bureaus.editTitle") : t("admin.bureaus.createTitle")}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              {message && <Alert severity="error">{message}</Alert>}
              <TextField
                label={t("admin.bureaus.regionCode")}
                value={draft.regionCode}
                disabled={editing}
                onChange={(e) => setDraft({ ...draft, regionCode: e.target.value.trim() })}
                error={Boolean(err("regionCode"))}
                helperText={err("regionCode") ?? t("admin.bureaus.regionCodeHint")}
                slotProps={{ htmlInput: { inputMode: "numeric", maxLength: 6 } }}
              />
              <TextField label={t("admin.bureaus.name")} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={Boolean(err("name"))} helperText={err("name")} />
              <TextField label={t("admin.bureaus.nameEn")} value={draft.nameEn} onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })} error={Boolean(err("nameEn"))} helperText={err("nameEn")} />
              <div>
                <FormControlLabel
                  control={<Switch checked={draft.makerChecker} onChange={(e) => setDraft({ ...draft, makerChecker: e.target.checked })} />}
                  label={t("admin.bureaus.makerChecker")}
                />
                <FormHelperText>{t("admin.bureaus.makerCheckerHint")}</FormHelperText>
              </div>
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{t("common.cancel")}</Button>
            <Button type="submit" variant="contained" disabled={pending}>
              {t("common.save")}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
