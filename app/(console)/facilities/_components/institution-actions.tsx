"use client";
// The roster manager's commands on one institution: edit (own page), change status, open and
// close a service (dialogs). Shown only to managers in scope; the services check again.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import EditOutlined from "@mui/icons-material/EditOutlined";
import { useT } from "@/components/i18n/i18n-provider";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { TextInput } from "@/components/ui/text-input";
import { DateField } from "@/components/ui/date-field";
import { FormDialog } from "@/components/ui/form-dialog";
import { SelectField } from "@/components/ui/select-field";
import { useActionForm, type ActionForm } from "@/components/ui/use-action-form";
import {
  CHRONIC_DISEASES,
  INSTITUTION_STATUSES,
  SERVICES,
  serviceAllowedFor,
  type InstitutionType,
} from "@/lib/facilities/codes";
import { institutionCommandAction } from "../actions";

type Kind = "changeStatus" | "openService" | "closeService";
/** The command each dialog sends (the API's UPPER_SNAKE action names). */
const ACTION: Record<Kind, string> = {
  changeStatus: "CHANGE_STATUS",
  openService: "OPEN_SERVICE",
  closeService: "CLOSE_SERVICE",
};

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
        <Button
          component={Link}
          href={`/facilities/${code}/edit`}
          variant="contained"
          startIcon={<EditOutlined />}
          data-testid="edit-institution"
        >
          {t("rosterUi.actions.edit")}
        </Button>
        <Button
          variant="outlined"
          disabled={revoked}
          onClick={() => setOpen("changeStatus")}
          data-testid="change-status"
        >
          {t("rosterUi.actions.changeStatus")}
        </Button>
        <Button variant="outlined" disabled={revoked} onClick={() => setOpen("openService")} data-testid="open-service">
          {t("rosterUi.actions.openService")}
        </Button>
        <Button
          variant="outlined"
          disabled={!openServices.length}
          onClick={() => setOpen("closeService")}
          data-testid="close-service"
        >
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
            setNotice({
              severity: applied ? "success" : "info",
              text: applied ? t("rosterUi.actions.done") : t("rosterUi.actions.pending"),
            });
          }}
        />
      )}
    </>
  );
}

interface CommandValues {
  status: string;
  service: string;
  date: string;
  reason: string;
  diseases: string[];
}

/** The command a dialog sends, from its values. */
function commandInput(kind: Kind, v: CommandValues, version: number) {
  if (kind === "changeStatus")
    return { action: ACTION[kind], status: v.status, effectiveOn: v.date, reason: v.reason, version };
  if (kind === "openService")
    return {
      action: ACTION[kind],
      service: v.service,
      openedOn: v.date,
      version,
      ...(v.service === "CHRONIC" && { diseases: v.diseases }),
    };
  return { action: ACTION[kind], service: v.service, closedOn: v.date, reason: v.reason, version };
}

interface FieldsProps {
  values: CommandValues;
  set: (patch: Partial<CommandValues>) => void;
  form: ActionForm;
  today: string;
}

function CommandDate({ name, label, values, set, form, today }: FieldsProps & { name: string; label: string }) {
  return (
    <DateField
      name={name}
      label={label}
      value={values.date}
      onChange={(date) => set({ date })}
      error={Boolean(form.error(name))}
      helperText={form.error(name)}
      max={today}
      fullWidth
      testId="command-date"
    />
  );
}

function ReasonField({ values, set, form }: FieldsProps) {
  const t = useT();
  return (
    <TextInput
      label={t("rosterUi.actions.reason")}
      value={values.reason}
      onValue={(reason) => set({ reason })}
      error={form.error("reason")}
      required
      fullWidth
      slotProps={{ htmlInput: { maxLength: 200, "data-testid": "command-reason" } }}
    />
  );
}

function ServiceField({ options, values, set, form }: FieldsProps & { options: readonly string[] }) {
  const t = useT();
  return (
    <SelectField
      label={t("rosterUi.actions.service")}
      value={values.service}
      onChange={(service) => set({ service })}
      error={form.error("service")}
      testId="command-service"
      options={options.map((s) => ({ value: s, label: t(`facilities.services.${s}`) }))}
    />
  );
}

function StatusFields({ statuses, ...f }: FieldsProps & { statuses: string[] }) {
  const t = useT();
  return (
    <>
      <SelectField
        label={t("rosterUi.actions.newStatus")}
        value={f.values.status}
        onChange={(status) => f.set({ status })}
        error={f.form.error("status")}
        testId="command-status"
        options={statuses.map((s) => ({ value: s, label: t(`facilities.statuses.${s}`) }))}
      />
      {f.values.status === "REVOKED" && <Alert severity="warning">{t("rosterUi.actions.revokeWarning")}</Alert>}
      <CommandDate {...f} name="effectiveOn" label={t("rosterUi.actions.effectiveOn")} />
      <ReasonField {...f} />
    </>
  );
}

function OpenServiceFields({ openable, ...f }: FieldsProps & { openable: string[] }) {
  const t = useT();
  return (
    <>
      <ServiceField {...f} options={openable} />
      {f.values.service === "CHRONIC" && (
        <CheckboxGroup
          label={t("rosterUi.actions.diseases")}
          options={CHRONIC_DISEASES.map((d) => ({ value: d, label: t(`facilities.diseases.${d}`) }))}
          value={f.values.diseases}
          onChange={(diseases) => f.set({ diseases })}
          error={f.form.error("diseases")}
          columns={1}
        />
      )}
      <CommandDate {...f} name="openedOn" label={t("rosterUi.actions.openedOn")} />
    </>
  );
}

function CloseServiceFields({ openServices, ...f }: FieldsProps & { openServices: string[] }) {
  const t = useT();
  return (
    <>
      <ServiceField {...f} options={openServices} />
      <CommandDate {...f} name="closedOn" label={t("rosterUi.actions.closedOn")} />
      <ReasonField {...f} />
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
  const [values, setValues] = useState<CommandValues>({
    status: statuses[0] as string,
    service:
      (kind === "closeService" ? openServices[0] : (openable.find((s) => !openServices.includes(s)) ?? openable[0])) ??
      "",
    date: today,
    reason: "",
    diseases: [...CHRONIC_DISEASES],
  });
  const form = useActionForm();
  const f: FieldsProps = { values, set: (patch) => setValues({ ...values, ...patch }), form, today };
  const onSubmit = form.onSubmit(
    () => institutionCommandAction(code, commandInput(kind, values, version)),
    (data) => {
      onDone(data.applied);
      router.refresh();
    },
  );

  return (
    <FormDialog
      open
      onClose={onClose}
      title={t(`rosterUi.actions.${kind}`)}
      form={form}
      onSubmit={onSubmit}
      submitLabel={t("rosterUi.actions.submit")}
      submitTestId="command-submit"
      testId={`dialog-${kind}`}
      maxWidth="xs"
    >
      {kind === "changeStatus" && <StatusFields {...f} statuses={statuses} />}
      {kind === "openService" && <OpenServiceFields {...f} openable={openable} />}
      {kind === "closeService" && <CloseServiceFields {...f} openServices={openServices} />}
    </FormDialog>
  );
}
