"use client";
import { useState } from "react";
import { signOut } from "next-auth/react";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import { useActionForm } from "@/components/ui/use-action-form";
import { useT } from "@/components/i18n/i18n-provider";
import { PasswordField } from "../../_components/password-field";
import { changePasswordAction } from "../actions";

type Field = "currentPassword" | "newPassword" | "confirmPassword";
const FIELDS: readonly { name: Field; label: string; hint?: string; autoComplete?: string }[] = [
  { name: "currentPassword", label: "auth.currentPassword", autoComplete: "current-password" },
  { name: "newPassword", label: "auth.newPassword", hint: "profile.password.rule" },
  { name: "confirmPassword", label: "auth.confirmPassword" },
];

export function ChangePasswordForm() {
  const t = useT();
  const [values, setValues] = useState({ currentPassword: "", newPassword: "", confirmPassword: "" });
  const form = useActionForm();
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));
  const err = form.error;
  const pending = form.pending;

  const onSubmit = form.onSubmit(
    () => changePasswordAction(values),
    async () => {
      // The change ended every session, this one too: leave cleanly through next-auth.
      setDone(true);
      await signOut({ callbackUrl: "/login" });
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate data-testid="change-password-form">
      <Stack spacing={2} sx={{ maxWidth: 420 }}>
        {form.message && (
          <Alert severity="error" role="alert">
            {form.message}
          </Alert>
        )}
        {done && (
          <Alert severity="success" role="status">
            {t("profile.password.done")}
          </Alert>
        )}
        {FIELDS.map((f) => (
          <PasswordField
            key={f.name}
            name={f.name}
            label={t(f.label)}
            value={values[f.name]}
            onChange={set(f.name)}
            error={err(f.name)}
            hint={f.hint && t(f.hint)}
            autoComplete={f.autoComplete}
          />
        ))}
        <Box>
          <Button type="submit" variant="contained" disabled={pending || done} data-testid="change-password-submit">
            {pending ? t("profile.password.submitting") : t("profile.password.submit")}
          </Button>
        </Box>
      </Stack>
    </form>
  );
}
