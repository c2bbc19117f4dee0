"use client";
// The interactive parts of the user edit page. Every write sends the version the page was
// rendered with; a stale one comes back as the conflict message with a reload button.
import { useState, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Snackbar from "@mui/material/Snackbar";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import LockOpenOutlined from "@mui/icons-material/LockOpenOutlined";
import BlockOutlined from "@mui/icons-material/BlockOutlined";
import CheckCircleOutline from "@mui/icons-material/CheckCircleOutlineOutlined";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextInput } from "@/components/ui/text-input";
import { useActionForm } from "@/components/ui/use-action-form";
import { useT } from "@/components/i18n/i18n-provider";
import type { ActionResult } from "@/lib/http/action";
import { ROLES, type RoleName } from "@/lib/auth/roles";
import { PasswordField } from "../../../../_components/password-field";
import { resetPasswordAction, unlockUserAction, updateUserAction } from "../../actions";

export interface EditableUser {
  id: string;
  username: string;
  displayName: string;
  roles: RoleName[];
  disabled: boolean;
  locked: boolean;
  lockedUntil: string | null;
  version: number;
  isSelf: boolean;
}

/** The kit's action-form state (pending, message, field errors) plus a success note and a reload. */
function useSubmit() {
  const router = useRouter();
  const form = useActionForm();
  const [success, setSuccess] = useState<string | null>(null);

  function submit<T>(call: () => Promise<ActionResult<T>>, successText: string): Promise<boolean> {
    return form.run(call, () => {
      setSuccess(successText);
      router.refresh();
    });
  }

  function reload() {
    form.reset();
    router.refresh();
  }

  return { pending: form.pending, error: form.message, fieldError: form.error, success, setSuccess, submit, reload };
}

function Feedback({ state, t }: { state: ReturnType<typeof useSubmit>; t: (k: string) => string }) {
  return (
    <>
      {state.error && (
        <Alert
          severity="error"
          role="alert"
          data-testid="action-error"
          action={
            <Button color="inherit" size="small" onClick={state.reload}>
              {t("admin.edit.reload")}
            </Button>
          }
        >
          {state.error}
        </Alert>
      )}
      <Snackbar
        open={state.success !== null}
        autoHideDuration={4000}
        onClose={() => state.setSuccess(null)}
        anchorOrigin={{ vertical: "bottom", horizontal: "center" }}
      >
        <Alert severity="success" variant="filled" onClose={() => state.setSuccess(null)} data-testid="action-success">
          {state.success}
        </Alert>
      </Snackbar>
    </>
  );
}

export function ProfileForm({ user }: { user: EditableUser }) {
  const t = useT();
  const state = useSubmit();
  const [syncedVersion, setSyncedVersion] = useState(user.version);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<RoleName[]>(user.roles);
  // A new version (after our save, or a reload after a conflict) resets the draft.
  if (syncedVersion !== user.version) {
    setSyncedVersion(user.version);
    setDisplayName(user.displayName);
    setRoles(user.roles);
  }
  const err = state.fieldError;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const sameRoles = roles.length === user.roles.length && roles.every((r) => user.roles.includes(r));
    const input = {
      ...(displayName.trim() !== user.displayName && { displayName }),
      ...(!sameRoles && { roles: ROLES.filter((r) => roles.includes(r)) }),
      version: user.version,
    };
    if (Object.keys(input).length === 1) {
      state.setSuccess(t("admin.edit.noChanges"));
      return;
    }
    await state.submit(() => updateUserAction(user.id, input), t("admin.edit.saved"));
  }

  return (
    <form onSubmit={onSubmit} noValidate data-testid="profile-form">
      <Stack spacing={2.5}>
        <Feedback state={state} t={t} />
        <TextInput
          name="displayName"
          label={t("admin.users.displayName")}
          value={displayName}
          onValue={setDisplayName}
          error={err("displayName")}
          required
          sx={{ maxWidth: 360 }}
          slotProps={{ htmlInput: { maxLength: 40 } }}
        />
        <CheckboxGroup
          name="roles"
          label={t("admin.users.rolesLabel")}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={roles}
          onChange={setRoles}
          error={err("roles")}
          disabled={(r) => user.isSelf && r === "ADMIN"}
        />
        <Box>
          <Button type="submit" variant="contained" disabled={state.pending} data-testid="save-user">
            {state.pending ? t("admin.edit.saving") : t("admin.edit.save")}
          </Button>
        </Box>
      </Stack>
    </form>
  );
}

/** Enable a disabled user, or disable an enabled one (never oneself) after a confirmation. */
function EnableDisable({
  user,
  pending,
  onEnable,
  onDisable,
}: {
  user: EditableUser;
  pending: boolean;
  onEnable: () => void;
  onDisable: () => void;
}) {
  const t = useT();
  if (user.disabled) {
    return (
      <Button
        variant="outlined"
        color="success"
        startIcon={<CheckCircleOutline />}
        disabled={pending}
        onClick={onEnable}
        data-testid="enable-user"
      >
        {t("admin.edit.enable")}
      </Button>
    );
  }
  return (
    <Button
      variant="outlined"
      color="error"
      startIcon={<BlockOutlined />}
      disabled={pending || user.isSelf}
      onClick={onDisable}
      data-testid="disable-user"
    >
      {t("admin.edit.disable")}
    </Button>
  );
}

export function StatusPanel({ user, statusChip }: { user: EditableUser; statusChip: ReactNode }) {
  const t = useT();
  const state = useSubmit();
  const [confirming, setConfirming] = useState(false);

  async function setDisabled(disabled: boolean) {
    setConfirming(false);
    await state.submit(
      () => updateUserAction(user.id, { disabled, version: user.version }),
      t(disabled ? "admin.edit.disabledDone" : "admin.edit.enabledDone"),
    );
  }

  const unlock = (
    <Button
      color="inherit"
      size="small"
      startIcon={<LockOpenOutlined />}
      disabled={state.pending}
      onClick={() => state.submit(() => unlockUserAction(user.id), t("admin.edit.unlocked"))}
      data-testid="unlock-user"
    >
      {t("admin.edit.unlock")}
    </Button>
  );
  return (
    <Stack spacing={2}>
      <Feedback state={state} t={t} />
      <Box sx={{ display: "flex", gap: 1, alignItems: "center" }}>{statusChip}</Box>
      {user.locked && user.lockedUntil && (
        <Alert severity="warning" action={unlock}>
          {t("admin.edit.lockedUntil", { time: user.lockedUntil })}
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary">
        {user.disabled ? t("admin.edit.enableHint") : t("admin.edit.disableHint")}
      </Typography>
      <Box>
        <EnableDisable
          user={user}
          pending={state.pending}
          onEnable={() => setDisabled(false)}
          onDisable={() => setConfirming(true)}
        />
      </Box>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => setDisabled(true)}
        title={t("admin.edit.disableConfirmTitle")}
        text={t("admin.edit.disableConfirm", { name: user.displayName, username: user.username })}
        note={t("admin.edit.disableHint")}
        confirmLabel={t("admin.edit.disable")}
        confirmTestId="confirm-disable"
      />
    </Stack>
  );
}

export function ResetPasswordForm({ user }: { user: EditableUser }) {
  const t = useT();
  const state = useSubmit();
  const [password, setPassword] = useState("");

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const ok = await state.submit(
      () => resetPasswordAction(user.id, { password, version: user.version }),
      t("admin.edit.resetDone"),
    );
    if (ok) setPassword("");
  }

  return (
    <form onSubmit={onSubmit} noValidate data-testid="reset-password-form">
      <Stack spacing={2}>
        <Typography variant="body2" color="text.secondary">
          {t("admin.edit.resetHint")}
        </Typography>
        <Feedback state={state} t={t} />
        <Box sx={{ display: "flex", gap: 2, alignItems: "flex-start", flexWrap: "wrap" }}>
          <Box sx={{ width: 320, maxWidth: "100%" }}>
            <PasswordField
              name="password"
              label={t("admin.edit.newPassword")}
              value={password}
              onChange={setPassword}
              error={state.fieldError("password")}
              hint={t("admin.users.passwordHint")}
            />
          </Box>
          <Button
            type="submit"
            variant="outlined"
            disabled={state.pending}
            sx={{ mt: 0.25 }}
            data-testid="reset-password"
          >
            {t("admin.edit.resetSubmit")}
          </Button>
        </Box>
      </Stack>
    </form>
  );
}
