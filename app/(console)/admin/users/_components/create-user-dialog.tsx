"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Snackbar from "@mui/material/Snackbar";
import PersonAddAlt1Outlined from "@mui/icons-material/PersonAddAlt1Outlined";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormDialog } from "@/components/ui/form-dialog";
import { SelectField } from "@/components/ui/select-field";
import { TextInput } from "@/components/ui/text-input";
import { useActionForm } from "@/components/ui/use-action-form";
import { useT } from "@/components/i18n/i18n-provider";
import { ROLES, type RoleName } from "@/lib/auth/roles";
import { createUserAction } from "../actions";
import { PasswordField } from "../../../_components/password-field";

interface Draft {
  username: string;
  displayName: string;
  bureauId: string;
  roles: RoleName[];
  password: string;
}

type SetDraft = <K extends keyof Draft>(key: K, value: Draft[K]) => void;

function DraftFields({
  draft,
  set,
  err,
  bureaus,
}: {
  draft: Draft;
  set: SetDraft;
  err: (name: string) => string | undefined;
  bureaus: { id: string; name: string }[];
}) {
  const t = useT();
  const bureauOptions = bureaus.map((b) => ({ value: b.id, label: b.name }));
  return (
    <>
      {(["username", "displayName"] as const).map((k) => (
        <TextInput
          key={k}
          name={k}
          label={t(`admin.users.${k}`)}
          value={draft[k]}
          onValue={(v) => set(k, v)}
          error={err(k)}
          hint={k === "username" ? t("admin.users.usernameHint") : undefined}
          required
          autoFocus={k === "username"}
          autoComplete="off"
          slotProps={{ htmlInput: { maxLength: 40, spellCheck: k !== "username" } }}
        />
      ))}
      <SelectField
        name="bureauId"
        label={t("admin.users.bureau")}
        value={draft.bureauId}
        onChange={(v) => set("bureauId", v)}
        error={err("bureauId")}
        required
        testId="create-bureau"
        options={bureauOptions}
      />
      <CheckboxGroup
        name="roles"
        label={t("admin.users.rolesLabel")}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={draft.roles}
        onChange={(v) => set("roles", v)}
        error={err("roles")}
        required
        columns={3}
      />
      <PasswordField
        name="password"
        label={t("admin.users.initialPassword")}
        value={draft.password}
        onChange={(v) => set("password", v)}
        error={err("password")}
        hint={t("admin.users.passwordHint")}
      />
    </>
  );
}

export function CreateUserDialog({
  bureaus,
  defaultBureauId,
}: {
  bureaus: { id: string; name: string }[];
  defaultBureauId: string;
}) {
  const t = useT();
  const router = useRouter();
  const empty: Draft = { username: "", displayName: "", bureauId: defaultBureauId, roles: [], password: "" };
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(empty);
  const form = useActionForm();
  const [created, setCreated] = useState<string | null>(null);

  const set: SetDraft = (key, value) => setDraft((d) => ({ ...d, [key]: value }));

  function close() {
    setOpen(false);
    setDraft(empty);
    form.reset();
  }

  const onSubmit = form.onSubmit(
    () => createUserAction(draft),
    (data) => {
      close();
      setCreated(t("admin.users.created", { username: data.username }));
      router.refresh();
    },
  );

  return (
    <>
      <Button
        variant="contained"
        startIcon={<PersonAddAlt1Outlined />}
        onClick={() => setOpen(true)}
        data-testid="new-user"
      >
        {t("admin.users.newUser")}
      </Button>
      <FormDialog
        open={open}
        onClose={close}
        title={t("admin.users.createTitle")}
        form={form}
        onSubmit={onSubmit}
        submitLabel={form.pending ? t("admin.users.creating") : t("admin.users.submitCreate")}
        submitTestId="create-user-submit"
        testId="create-user-form"
      >
        {!form.message && <Alert severity="info">{t("admin.users.createHint")}</Alert>}
        <DraftFields draft={draft} set={set} err={form.error} bureaus={bureaus} />
      </FormDialog>
      <Snackbar
        open={created !== null}
        autoHideDuration={5000}
        onClose={() => setCreated(null)}
        anchorOrigin={{ vertical: "bottom", horizontal: "center" }}
      >
        <Alert severity="success" variant="filled" onClose={() => setCreated(null)} data-testid="create-user-success">
          {created}
        </Alert>
      </Snackbar>
    </>
  );
}
