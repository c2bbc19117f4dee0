"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormGroup from "@mui/material/FormGroup";
import FormHelperText from "@mui/material/FormHelperText";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { useT } from "@/components/i18n/i18n-provider";
import { RegionPicker } from "@/components/ui/region-picker";
import { DOWNTIME_KINDS, SERVICE_TYPES } from "@/lib/complaints/codes";
import { fieldError } from "../../../_components/field-error";
import { createDowntimeAction } from "../../actions";

/** Posts a downtime window; times are entered in Beijing time. */
export function DowntimeDialog({ defaultRegion }: { defaultRegion: string }) {
  const t = useT();
  const router = useRouter();
  const empty = { regionCode: defaultRegion, kind: "PLANNED", startsAt: "", endsAt: "", services: ["INPATIENT", "OUTPATIENT"] as string[], reason: "" };
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(empty);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const err = (f: string) => fieldError(fieldErrors, f);
  const iso = (v: string) => (v ? new Date(`${v}:00+08:00`).toISOString() : "");

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    const res = await createDowntimeAction({ ...draft, startsAt: iso(draft.startsAt), endsAt: iso(draft.endsAt) });
    setPending(false);
    if (!res.ok) {
      setMessage(res.message);
      setFieldErrors(res.fieldErrors);
      return;
    }
    setOpen(false);
    setDraft(empty);
    router.refresh();
  }

  return (
    <>
      <Button variant="contained" onClick={() => setOpen(true)} data-testid="new-downtime">
        {t("complaints.downtime.create")}
      </Button>
      <Dialog open={open} onClose={pending ? undefined : () => setOpen(false)} maxWidth="sm" fullWidth>
        <form onSubmit={onSubmit} noValidate data-testid="downtime-form">
          <DialogTitle>{t("complaints.downtime.create")}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              {message && <Alert severity="error">{message}</Alert>}
              <RegionPicker name="regionCode" testId="field-regionCode" within={defaultRegion || undefined} label={t("complaints.downtime.regionCode")} value={draft.regionCode ? { code: draft.regionCode } : null} onChange={(o) => setDraft({ ...draft, regionCode: o?.code ?? "" })} error={Boolean(err("regionCode"))} helperText={err("regionCode")} width="100%" required />
              <TextField select name="kind" label={t("complaints.downtime.kindLabel")} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
                {DOWNTIME_KINDS.map((k) => (
                  <MenuItem key={k} value={k}>
                    {t(`complaints.downtime.kind.${k}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField name="startsAt" type="datetime-local" label={t("complaints.downtime.start")} value={draft.startsAt} onChange={(e) => setDraft({ ...draft, startsAt: e.target.value })} error={Boolean(err("startsAt"))} helperText={err("startsAt")} slotProps={{ inputLabel: { shrink: true } }} required />
              <TextField name="endsAt" type="datetime-local" label={t("complaints.downtime.end")} value={draft.endsAt} onChange={(e) => setDraft({ ...draft, endsAt: e.target.value })} error={Boolean(err("endsAt"))} helperText={err("endsAt")} slotProps={{ inputLabel: { shrink: true } }} required />
              <FormGroup row>
                {SERVICE_TYPES.map((s) => (
                  <FormControlLabel
                    key={s}
                    label={t(`complaints.service.${s}`)}
                    control={
                      <Checkbox
                        size="small"
                        checked={draft.services.includes(s)}
                        onChange={(e) => setDraft({ ...draft, services: e.target.checked ? [...draft.services, s] : draft.services.filter((x) => x !== s) })}
                      />
                    }
                  />
                ))}
              </FormGroup>
              {err("services") && <FormHelperText error>{err("services")}</FormHelperText>}
              <TextField name="reason" label={t("complaints.downtime.reason")} value={draft.reason} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} error={Boolean(err("reason"))} helperText={err("reason")} required multiline minRows={2} />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={pending}>
              {t("complaints.detail.cancel")}
            </Button>
            <Button type="submit" variant="contained" disabled={pending} data-testid="downtime-submit">
              {t("complaints.downtime.submit")}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
