"use client";
// The roster manager's commands on one institution: edit (own page), change status, open and
// close a service (dialogs). Shown only to managers in scope; the services check again.
import { useState, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormGroup from "@mui/material/FormGroup";
import FormLabel from "@mui/material/FormLabel";
import TextField from "@mui/material/TextField";
import EditOutlined from "@mui/icons-material/EditOutlined";
import { useT } from "@/components/i18n/i18n-provider";
import { DateField } from "@/components/ui/date-field";
import { FormDialog } from "@/components/ui/form-dialog";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm } from "@/components/ui/use-action-form";
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
          {...{ code, version, status, openable, openServices, today }}
          kind={open}
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
  const form = useActionForm();
  const err = form.error;
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });

  function input() {
    return kind === "changeStatus"
      ? { action: ACTION[kind], status: values.status, effectiveOn: values.date, reason: values.reason, version }
      : kind === "openService"
        ? { action: ACTION[kind], service: values.service, openedOn: values.date, version, ...(values.service === "CHRONIC" && { diseases: values.diseases }) }
        : { action: ACTION[kind], service: values.service, closedOn: values.date, reason: values.reason, version };
  }
  const onSubmit = form.onSubmit(
    () => institutionCommandAction(code, input()),
    (data) => {
      onDone(data.applied);
      router.refresh();
    },
  );

  const title = t(`rosterUi.actions.${kind}`);
  const dateField = (name: string, label: string): ReactNode => (
    <DateField name={name} label={label} value={values.date} onChange={(date) => set({ date })} error={Boolean(err(name))} helperText={err(name)} max={today} fullWidth testId="command-date" />
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
    <SelectField label={t("rosterUi.actions.service")} value={values.service} onChange={(service) => set({ service })} error={err("service")} testId="command-service" options={options.map((s) => ({ value: s, label: t(`facilities.services.${s}`) }))} />
  );

  return (
    <FormDialog open onClose={onClose} title={title} form={form} onSubmit={onSubmit} submitLabel={t("rosterUi.actions.submit")} submitTestId="command-submit" testId={`dialog-${kind}`} maxWidth="xs">
      {kind === "changeStatus" && (
        <>
          <SelectField label={t("rosterUi.actions.newStatus")} value={values.status} onChange={(status) => set({ status })} error={err("status")} testId="command-status" options={statuses.map((s) => ({ value: s, label: t(`facilities.statuses.${s}`) }))} />
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
    </FormDialog>
  );
}
