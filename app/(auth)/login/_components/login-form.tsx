"use client";
import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import TextField from "@mui/material/TextField";
import Button from "@mui/material/Button";
import Alert from "@mui/material/Alert";
import Stack from "@mui/material/Stack";
import { useT } from "@/components/i18n/i18n-provider";

function messageFor(error: string, t: ReturnType<typeof useT>): string {
  if (error.startsWith("throttled:")) return t("auth.throttled", { seconds: error.split(":")[1] ?? "60" });
  if (error === "disabled") return t("auth.disabled");
  if (error === "unavailable") return t("errors.unavailable");
  return t("auth.badCredentials");
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn("credentials", {
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (res?.ok && !res.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(messageFor(res?.error ?? "bad_credentials", t));
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack spacing={2.5}>
        {error && (
          <Alert severity="error" role="alert" data-testid="login-error">
            {error}
          </Alert>
        )}
        <TextField
          name="username"
          label={t("auth.username")}
          autoComplete="username"
          required
          autoFocus
          fullWidth
          size="medium"
        />
        <TextField
          name="password"
          type="password"
          label={t("auth.password")}
          autoComplete="current-password"
          required
          fullWidth
          size="medium"
        />
        <Button type="submit" variant="contained" size="large" disabled={pending}>
          {pending ? t("auth.signingIn") : t("auth.signIn")}
        </Button>
      </Stack>
    </form>
  );
}
