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
import FormControl from "@mui/material/FormControl";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormGroup from "@mui/material/FormGroup";
import FormHelperText from "@mui/material/FormHelperText";
import FormLabel from "@mui/material/FormLabel";
import MenuItem from "@mui/material/MenuItem";
import Snackbar from "@mui/material/Snackbar";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import PersonAddAlt1Outlined from "@mui/icons-material/PersonAddAlt1Outlined";
import { fieldError } from "../../../_components/field-error";
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

export function CreateUserDialog({ bureaus, defaultBureauId }: { bureaus: { id: string; name: string }[]; defaultBureauId: string }) {
  const t = useT();
  const router = useRouter();
  const empty: Draft = { username: "", displayName: "", bureauId: defaultBureauId, roles: [], password: "" };
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(empty);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [created, setCreated] = useState<string | null>(null);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (field: string) => fieldError(fieldErrors, field);

  function close() {
    setOpen(false);
    setDraft(empty);
    setMessage(null);
    setFieldErrors({});
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setMessage(null);
    const res = await createUserAction(draft);
    setPending(false);
    if (!res.ok) {
      setMessage(res.message);
      setFieldErrors(res.fieldErrors);
      return;
    }
    close();
    setCreated(t("admin.users.created", { username: res.data.username }));
    router.refresh();
  }

  return (
    <>
      <Button variant="contained" startIcon={<PersonAddAlt1Outlined />} onClick={() => setOpen(true)} data-testid="new-user">
        {t("admin.users.newUser")}
      </Button>
      <Dialog open={open} onClose={pending ? undefined : close} maxWidth="sm" fullWidth>
        <form onSubmit={onSubmit} noValidate data-testid="create-user-form">
          <DialogTitle>{t("admin.users.createTitle")}</DialogTitle>
          <DialogContent>
            <Stack spacing={2.5} sx={{ pt: 1 }}>
              {message ? (
                <Alert severity="error" role="alert">
                  {message}
                </Alert>
              ) : (
                <Alert severity="info">{t("admin.users.createHint")}</Alert>
              )}
              <TextField
                name="username"
                label={t("admin.users.username")}
                value={draft.username}
                onChange={(e) => set("username", e.target.value)}
                error={Boolean(err("username"))}
                helperText={err("username") ?? t("admin.users.usernameHint")}
                required
                autoFocus
                autoComplete="off"
                slotProps={{ htmlInput: { maxLength: 40, spellCheck: false } }}
              />
              <TextField
                name="displayName"
                label={t("admin.users.displayName")}
                value={draft.displayName}
                onChange={(e) => set("displayName", e.target.value)}
                error={Boolean(err("displayName"))}
                helperText={err("displayName")}
                required
                autoComplete="off"
                slotProps={{ htmlInput: { maxLength: 40 } }}
              />
              <TextField
                select
                name="bureauId"
                label={t("admin.users.bureau")}
                value={draft.bureauId}
                onChange={(e) => set("bureauId", e.target.value)}
                error={Boolean(err("bureauId"))}
                helperText={err("bureauId")}
                required
                data-testid="create-bureau"
              >
                {bureaus.map((b) => (
                  <MenuItem key={b.id} value={b.id}>
                    {b.name}
                  </MenuItem>
                ))}
              </TextField>
              <FormControl error={Boolean(err("roles"))} required component="fieldset" variant="standard">
                <FormLabel component="legend" sx={{ mb: 0.5 }}>
                  {t("admin.users.rolesLabel")}
                </FormLabel>
                <FormGroup sx={{ display: "grid", gridTemplateColumns: { xs: "1fr 1fr", sm: "repeat(3, 1fr)" } }}>
                  {ROLES.map((r) => (
                    <FormControlLabel
                      key={r}
                      label={t(`roles.${r}`)}
                      control={
                        <Checkbox
                          size="small"
                          name="roles"
                          value={r}
                          checked={draft.roles.includes(r)}
                          onChange={(e) =>
                            set("roles", e.target.checked ? [...draft.roles, r] : draft.roles.filter((x) => x !== r))
                          }
                        />
                      }
                    />
                  ))}
                </FormGroup>
                {err("roles") && <FormHelperText>{err("roles")}</FormHelperText>}
              </FormControl>
              <PasswordField
                name="password"
                label={t("admin.users.initialPassword")}
                value={draft.password}
                onChange={(v) => set("password", v)}
                error={err("password")}
                hint={t("admin.users.passwordHint")}
              />
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={close} disabled={pending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" variant="contained" disabled={pending} data-testid="create-user-submit">
              {pending ? t("admin.users.creating") : t("admin.users.submitCreate")}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
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
