"use client";
// Personal API tokens: list, create (the secret is shown once, with a copy button) and revoke.
// The list is the kit's DataTable, the create dialog runs on useActionForm.
import { useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import IconButton from "@mui/material/IconButton";
import InputAdornment from "@mui/material/InputAdornment";
import Paper from "@mui/material/Paper";
import Snackbar from "@mui/material/Snackbar";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import AddOutlined from "@mui/icons-material/AddOutlined";
import ContentCopyOutlined from "@mui/icons-material/ContentCopyOutlined";
import { DataTable } from "@/components/ui/data-table";
import { useActionForm } from "@/components/ui/use-action-form";
import { useT } from "@/components/i18n/i18n-provider";
import { createTokenAction, revokeTokenAction } from "../actions";
import s from "../profile.module.css";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: "active" | "revoked" | "expired";
}

const STATUS_COLOR = { active: "success", revoked: "default", expired: "warning" } as const;

function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const router = useRouter();
  const [name, setName] = useState("");
  const [days, setDays] = useState("90");
  const form = useActionForm();
  const { pending, error: err } = form;
  const [secret, setSecret] = useState<string | null>(null);
  const [copy, setCopy] = useState<"copied" | "failed" | null>(null);

  function close() {
    setName("");
    setDays("90");
    form.reset();
    setSecret(null);
    setCopy(null);
    onClose();
  }

  const onSubmit = form.onSubmit(
    () => createTokenAction({ name, ...(days.trim() && { expiresInDays: days.trim() }) }),
    (data) => {
      setSecret(data.secret);
      router.refresh();
    },
  );

  async function copySecret() {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <Dialog open={open} onClose={pending ? undefined : secret ? undefined : close} maxWidth="sm" fullWidth>
      {secret ? (
        <>
          <DialogTitle>{t("profile.tokens.createdTitle")}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              <Alert severity="warning" data-testid="token-secret-warning">
                {t("profile.tokens.secretWarning")}
              </Alert>
              <TextField
                label={t("profile.tokens.secret")}
                value={secret}
                fullWidth
                onFocus={(e) => e.target.select()}
                slotProps={{
                  htmlInput: { readOnly: true, spellCheck: false, "data-testid": "token-secret", style: { fontFamily: "monospace" } },
                  input: {
                    endAdornment: (
                      <InputAdornment position="end">
                        <Tooltip title={t("profile.tokens.copy")}>
                          <IconButton edge="end" onClick={copySecret} aria-label={t("profile.tokens.copy")} data-testid="token-copy">
                            <ContentCopyOutlined fontSize="small" />
                          </IconButton>
                        </Tooltip>
                      </InputAdornment>
                    ),
                  },
                }}
              />
              {copy && (
                <Typography variant="body2" color={copy === "copied" ? "success.main" : "warning.main"} role="status">
                  {copy === "copied" ? t("profile.tokens.copied") : t("profile.tokens.copyFailed")}
                </Typography>
              )}
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button variant="outlined" startIcon={<ContentCopyOutlined />} onClick={copySecret}>
              {t("profile.tokens.copy")}
            </Button>
            <Button variant="contained" onClick={close} data-testid="token-done">
              {t("profile.tokens.savedIt")}
            </Button>
          </DialogActions>
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate data-testid="create-token-form">
          <DialogTitle>{t("profile.tokens.new")}</DialogTitle>
          <DialogContent>
            <Stack spacing={2.5} sx={{ pt: 1 }}>
              {form.message && (
                <Alert severity="error" role="alert">
                  {form.message}
                </Alert>
              )}
              <TextField
                name="name"
                label={t("profile.tokens.name")}
                placeholder={t("profile.tokens.namePlaceholder")}
                value={name}
                onChange={(e) => setName(e.target.value)}
                error={Boolean(err("name"))}
                helperText={err("name")}
                required
                autoFocus
                fullWidth
                slotProps={{ htmlInput: { maxLength: 60 } }}
              />
              <TextField
                name="expiresInDays"
                type="number"
                label={t("profile.tokens.expiresInDays")}
                value={days}
                onChange={(e) => setDays(e.target.value)}
                error={Boolean(err("expiresInDays"))}
                helperText={err("expiresInDays") ?? t("profile.tokens.expiresHint")}
                sx={{ maxWidth: 240 }}
                slotProps={{ htmlInput: { min: 1, max: 365, step: 1 } }}
              />
            </Stack>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={close} disabled={pending}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" variant="contained" disabled={pending} data-testid="create-token-submit">
              {pending ? t("profile.tokens.creating") : t("profile.tokens.create")}
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}

export function ApiTokens({ tokens }: { tokens: TokenRow[] }) {
  const t = useT();
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  // The target outlives the dialog's open state so its name stays put while it fades out.
  const [revoking, setRevoking] = useState<TokenRow | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ severity: "success" | "error"; text: string } | null>(null);

  async function revoke() {
    if (!revoking) return;
    setPending(true);
    const res = await revokeTokenAction(revoking.id);
    setPending(false);
    setConfirmOpen(false);
    setMessage(res.ok ? { severity: "success", text: t("profile.tokens.revokedDone") } : { severity: "error", text: res.message });
    router.refresh();
  }

  return (
    <Paper data-testid="api-tokens">
      <Box sx={{ p: 3, pb: 2, display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: 2, flexWrap: "wrap" }}>
        <Box sx={{ maxWidth: 820 }}>
          <Typography variant="h3" component="h2" sx={{ mb: 0.5 }}>
            {t("profile.tokens.title")}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t("profile.tokens.hint")}
          </Typography>
        </Box>
        <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)} data-testid="new-token">
          {t("profile.tokens.new")}
        </Button>
      </Box>
      <DataTable
        label={t("profile.tokens.title")}
        className={s.tokens}
        rows={tokens}
        rowKey={(k) => k.id}
        rowProps={(k) => ({ "data-testid": "token-row", "data-name": k.name, "data-status": k.status })}
        empty={t("profile.tokens.empty")}
        columns={[
          { key: "name", header: t("profile.tokens.name"), cell: (k) => k.name },
          { key: "prefix", header: t("profile.tokens.prefix"), cell: (k) => <span className={s.prefix}>{k.prefix}…</span> },
          { key: "createdAt", header: t("profile.tokens.createdAt"), nowrap: true, cell: (k) => k.createdAt },
          { key: "expiresAt", header: t("profile.tokens.expiresAt"), nowrap: true, cell: (k) => k.expiresAt ?? t("profile.tokens.noExpiry") },
          { key: "lastUsedAt", header: t("profile.tokens.lastUsedAt"), nowrap: true, cell: (k) => (k.lastUsedAt ? k.lastUsedAt : <span className={s.never}>{t("profile.tokens.neverUsed")}</span>) },
          {
            key: "status",
            header: t("profile.tokens.status"),
            cell: (k) => (
              <Tooltip title={k.revokedAt ?? ""} disableHoverListener={!k.revokedAt}>
                <Chip label={t(`profile.tokens.${k.status}`)} color={STATUS_COLOR[k.status]} variant={k.status === "active" ? "outlined" : "filled"} />
              </Tooltip>
            ),
          },
          {
            key: "actions",
            header: t("common.actions"),
            align: "right",
            cell: (k) =>
              k.status !== "revoked" && (
                <Button size="small" color="error" onClick={() => (setRevoking(k), setConfirmOpen(true))} data-testid="revoke-token">
                  {t("profile.tokens.revoke")}
                </Button>
              ),
          },
        ]}
      />
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
      <Dialog open={confirmOpen} onClose={() => setConfirmOpen(false)} maxWidth="xs" fullWidth>
        <DialogTitle>{t("profile.tokens.revokeTitle")}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t("profile.tokens.revokeConfirm", { name: revoking?.name ?? "" })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmOpen(false)}>{t("common.cancel")}</Button>
          <Button color="error" variant="contained" onClick={revoke} disabled={pending} data-testid="confirm-revoke">
            {t("profile.tokens.revoke")}
          </Button>
        </DialogActions>
      </Dialog>
      <Snackbar open={message !== null} autoHideDuration={4000} onClose={() => setMessage(null)} anchorOrigin={{ vertical: "bottom", horizontal: "center" }}>
        <Alert severity={message?.severity ?? "success"} variant="filled" onClose={() => setMessage(null)}>
          {message?.text}
        </Alert>
      </Snackbar>
    </Paper>
  );
}
