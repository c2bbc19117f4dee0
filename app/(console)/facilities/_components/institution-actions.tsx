"use client";
// The roster manager's commands on one institution: edit (own page), change status, open and
// close a service (dialogs). Shown only to managers in scope; the services check again.
import { useState, type FormEvent, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormGroup from "@mui/material/FormGroup";
import FormLabel from "@mui/material/FormLabel";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import EditOutlined from "@mui/icons-material/EditOutlined";
import { useT } from "@/components/i18n/i18n-provider";
import { CHRONIC_DISEASES, INSTITUTION_STATUSES, SERVICES, serviceAllowedFor, type InstitutionType } from "@/lib/facilities/codes";
import { institutionCommandAction } from "../actions";

type Kind = "changeStatus" | "openService" | "closeService";
/** The command each dialog sends (the API's UPPER_SNAKE action names). */
const ACTION: Record<Kind, string> = { changeStatus: "CHANGE_STATUS", openService: "OPEN_SERVICE", closeService: "CLOSE_SERVICE" };

export function InstitutionActions({
  code,
  version,
  status,
  type,
  openServices,
  today,
}: {
  code: string;
  version: number;
  status: string;
  type: string;
  openServices: string[];
  today: string;
}) {
  const t = useT();
  const [open, setOpen] = useState<Kind | null>(null);
  const [notice, setNotice] = useState<{ severity: "success" | "info"; text: string } | null>(null);
  const revoked = status === "REVOKED";
  const openable = SERVICES.filter((s) => serviceAllowedFor(type as InstitutionType, s));
  return (
    <>
      <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }} data-testid="institution-actions">
        <Button component={Link} href={`/facilities/${code}/edit`} variant="contained" startIcon={<EditOutlined />} data-testid="edit-institution">
          {t("rosterUi.actions.edit")}
        </Button>
        <Button variant="outlined" disabled={revoked} onClick={() => setOpen("changeStatus")} data-testid="change-status">
          {t("rosterUi.actions.changeStatus")}
        </Button>
        <Button variant="outlined" disabled={revoked} onClick={() => setOpen("openService")} data-testid="open-service">
          {t("rosterUi.actions.openService")}
        </Button>
        <Button variant="outlined" disabled={!openServices.length} onClick={() => setOpen("closeService")} data-testid="close-service">
          {t("rosterUi.actions.closeService")}
        </Button>
      </Box>
      {notice && (
        <Alert severity={notice.severity} sx={{ mt: 1.5 }} onClose={() => setNotice(null)} data-testid="action-notice">
          {notice.text}
        </Alert>
      )}
      {open && (
        <CommandDialog
          kind={open}
          code={code}
          version={version}
          status={status}
          openable={openable}
          openServices={openServices}
          today={today}
          onClose={() => setOpen(null)}
          onDone={(applied) => {
            setOpen(null);
            setNotice({ severity: applied ? "success" : "info", text: applied ? t("rosterUi.actions.done") : t("rosterUi.actions.pending") });
          }}
        />
      )}
    </>
  );
}

function CommandDialog({
  kind,
  code,
  version,
  status,
  openable,
  openServices,
  today,
  onClose,
  onDone,
}: {
  kind: Kind;
  code: string;
  version: number;
  status: string;
  openable: string[];
  openServices: string[];
  today: string;
  onClose: () => void;
  onDone: (applied: boolean) => void;
}) {
  const t = useT();
  const router = useRouter();
  const statuses = INSTITUTION_STATUSES.filter((s) => s !== status);
  const [values, setValues] = useState({
    status: statuses[0] as string,
    service: (kind === "closeService" ? openServices[0] : openable.find((s) => !openServices.includes(s)) ?? openable[0]) ?? "",
    date: today,
    reason: "",
    diseases: [...CHRONIC_DISEASES] as string[],
  });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const err = (f: string) => (errors[f]?.length ? [...new Set(errors[f])].join("；") : undefined);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    const input =
      kind === "changeStatus"
        ? { action: ACTION[kind], status: values.status, effectiveOn: values.date, reason: values.reason, version }
        : kind === "openService"
          ? { action: ACTION[kind], service: values.service, openedOn: values.date, version, ...(values.service === "CHRONIC" && { diseases: values.diseases }) }
          : { action: ACTION[kind], service: values.service, closedOn: values.date, reason: values.reason, version };
    const res = await institutionCommandAction(code, input);
    setBusy(false);
    if (res.ok) {
      onDone(res.data.applied);
      router.refresh();
    } else {
      setMessage(res.message);
      setErrors(res.fieldErrors);
    }
  }

  const title = t(`rosterUi.actions.${kind}`);
  const dateField = (name: string, label: string): ReactNode => (
    <TextField
      type="date"
      label={label}
      value={values.date}
      onChange={(e) => set({ date: e.target.value })}
      error={Boolean(err(name))}
      helperText={err(name)}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today, "data-testid": "command-date" } }}
      fullWidth
    />
  );
  const reasonField = (
    <TextField
      label={t("rosterUi.actions.reason")}
      value={values.reason}
      onChange={(e) => set({ reason: e.target.value })}
      error={Boolean(err("reason"))}
      helperText={err("reason")}
      required
      fullWidth
      slotProps={{ htmlInput: { maxLength: 200, "data-testid": "command-reason" } }}
    />
  );
  const serviceField = (options: string[]) => (
    <TextField
      select
      label={t("rosterUi.actions.service")}
      value={values.service}
      onChange={(e) => set({ service: e.target.value })}
      error={Boolean(err("service"))}
      helperText={err("service")}
      fullWidth
      data-testid="command-service"
    >
      {options.map((s) => (
        <MenuItem key={s} value={s}>
          {t(`facilities.services.${s}`)}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="command-title">
      <Box component="form" onSubmit={onSubmit} noValidate data-testid={`dialog-${kind}`}>
        <DialogTitle id="command-title">{title}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            {message && (
              <Alert severity="error" data-testid="command-error">
                {message}
              </Alert>
            )}
            {kind === "changeStatus" && (
              <>
                <TextField
                  select
                  label={t("rosterUi.actions.newStatus")}
                  value={values.status}
                  onChange={(e) => set({ status: e.target.value })}
                  error={Boolean(err("status"))}
                  helperText={err("status")}
                  fullWidth
                  data-testid="command-status"
                >
                  {statuses.map((s) => (
                    <MenuItem key={s} value={s}>
                      {t(`facilities.statuses.${s}`)}
                    </MenuItem>
                  ))}
                </TextField>
                {values.status === "REVOKED" && <Alert severity="warning">{t("rosterUi.actions.revokeWarning")}</Alert>}
                {dateField("effectiveOn", t("rosterUi.actions.effectiveOn"))}
                {reasonField}
              </>
            )}
            {kind === "openService" && (
              <>
                {serviceField(openable)}
                {values.service === "CHRONIC" && (
                  <Box>
                    <FormLabel component="legend" sx={{ fontSize: 13 }}>
                      {t("rosterUi.actions.diseases")}
                    </FormLabel>
                    <FormGroup>
                      {CHRONIC_DISEASES.map((d) => (
                        <FormControlLabel
                          key={d}
                          control={
                            <Checkbox
                              size="small"
                              checked={values.diseases.includes(d)}
                              onChange={() => set({ diseases: values.diseases.includes(d) ? values.diseases.filter((x) => x !== d) : [...values.diseases, d] })}
                            />
                          }
                          label={t(`facilities.diseases.${d}`)}
                        />
                      ))}
                    </FormGroup>
                  </Box>
                )}
                {dateField("openedOn", t("rosterUi.actions.openedOn"))}
              </>
            )}
            {kind === "closeService" && (
              <>
                {serviceField(openServices)}
                {dateField("closedOn", t("rosterUi.actions.closedOn"))}
                {reasonField}
              </>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t("rosterUi.actions.cancel")}</Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="command-submit">
            {t("rosterUi.actions.submit")}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
