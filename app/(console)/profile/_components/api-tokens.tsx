"use client";
// Personal API tokens: list, create (the secret is shown once, with a copy button) and revoke.
// The list is the kit's DataTable, the create dialog runs on useActionForm.
import { useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import IconButton from "@mui/material/IconButton";
import InputAdornment from "@mui/material/InputAdornment";
import Snackbar from "@mui/material/Snackbar";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import AddOutlined from "@mui/icons-material/AddOutlined";
import ContentCopyOutlined from "@mui/icons-material/ContentCopyOutlined";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable, type Column } from "@/components/ui/data-table";
import { FormDialog } from "@/components/ui/form-dialog";
import { Section } from "@/components/ui/section";
import { TextInput } from "@/components/ui/text-input";
import { useActionForm } from "@/components/ui/use-action-form";
import { useT } from "@/components/i18n/i18n-provider";
import type { Translate } from "@/lib/i18n";
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

/** The new token's secret, shown once: read-only, selected on focus, with a copy button. */
function SecretDialog({ secret, onDone }: { secret: string | null; onDone: () => void }) {
  const t = useT();
  const [copy, setCopy] = useState<"copied" | "failed" | null>(null);
  async function copySecret() {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }
  const copyButton = (
    <InputAdornment position="end">
      <Tooltip title={t("profile.tokens.copy")}>
        <IconButton edge="end" onClick={copySecret} aria-label={t("profile.tokens.copy")} data-testid="token-copy">
          <ContentCopyOutlined fontSize="small" />
        </IconButton>
      </Tooltip>
    </InputAdornment>
  );
  return (
    <Dialog open={secret !== null} maxWidth="sm" fullWidth aria-labelledby="token-secret-title">
      <DialogTitle id="token-secret-title">{t("profile.tokens.createdTitle")}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="warning" data-testid="token-secret-warning">
            {t("profile.tokens.secretWarning")}
          </Alert>
          <TextField
            label={t("profile.tokens.secret")}
            value={secret ?? ""}
            fullWidth
            onFocus={(e) => e.target.select()}
            slotProps={{
              htmlInput: {
                readOnly: true,
                spellCheck: false,
                "data-testid": "token-secret",
                style: { fontFamily: "monospace" },
              },
              input: { endAdornment: copyButton },
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
        <Button variant="contained" onClick={() => (setCopy(null), onDone())} data-testid="token-done">
          {t("profile.tokens.savedIt")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The name and lifetime of a new token; on success the form gives way to its secret. */
function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const router = useRouter();
  const [name, setName] = useState("");
  const [days, setDays] = useState("90");
  const form = useActionForm();
  const [secret, setSecret] = useState<string | null>(null);

  function close() {
    setName("");
    setDays("90");
    form.reset();
    setSecret(null);
    onClose();
  }

  const onSubmit = form.onSubmit(
    () => createTokenAction({ name, ...(days.trim() && { expiresInDays: days.trim() }) }),
    (data) => {
      setSecret(data.secret);
      router.refresh();
    },
  );

  return (
    <>
      <FormDialog
        open={open && secret === null}
        onClose={close}
        title={t("profile.tokens.new")}
        form={form}
        onSubmit={onSubmit}
        submitLabel={form.pending ? t("profile.tokens.creating") : t("profile.tokens.create")}
        submitTestId="create-token-submit"
        testId="create-token-form"
      >
        <TextInput
          name="name"
          label={t("profile.tokens.name")}
          placeholder={t("profile.tokens.namePlaceholder")}
          value={name}
          onValue={setName}
          error={form.error("name")}
          required
          autoFocus
          fullWidth
          slotProps={{ htmlInput: { maxLength: 60 } }}
        />
        <TextInput
          name="expiresInDays"
          type="number"
          label={t("profile.tokens.expiresInDays")}
          value={days}
          onValue={setDays}
          error={form.error("expiresInDays")}
          hint={t("profile.tokens.expiresHint")}
          sx={{ maxWidth: 240 }}
          slotProps={{ htmlInput: { min: 1, max: 365, step: 1 } }}
        />
      </FormDialog>
      <SecretDialog secret={secret} onDone={close} />
    </>
  );
}

function tokenColumns(t: Translate, onRevoke: (k: TokenRow) => void): Column<TokenRow>[] {
  return [
    { key: "name", header: t("profile.tokens.name"), cell: (k) => k.name },
    { key: "prefix", header: t("profile.tokens.prefix"), cell: (k) => <span className={s.prefix}>{k.prefix}…</span> },
    { key: "createdAt", header: t("profile.tokens.createdAt"), nowrap: true, cell: (k) => k.createdAt },
    {
      key: "expiresAt",
      header: t("profile.tokens.expiresAt"),
      nowrap: true,
      cell: (k) => k.expiresAt ?? t("profile.tokens.noExpiry"),
    },
    {
      key: "lastUsedAt",
      header: t("profile.tokens.lastUsedAt"),
      nowrap: true,
      cell: (k) => (k.lastUsedAt ? k.lastUsedAt : <span className={s.never}>{t("profile.tokens.neverUsed")}</span>),
    },
    {
      key: "status",
      header: t("profile.tokens.status"),
      cell: (k) => (
        <Tooltip title={k.revokedAt ?? ""} disableHoverListener={!k.revokedAt}>
          <Chip
            label={t(`profile.tokens.${k.status}`)}
            color={STATUS_COLOR[k.status]}
            variant={k.status === "active" ? "outlined" : "filled"}
          />
        </Tooltip>
      ),
    },
    {
      key: "actions",
      header: t("common.actions"),
      align: "right",
      cell: (k) =>
        k.status !== "revoked" && (
          <Button size="small" color="error" onClick={() => onRevoke(k)} data-testid="revoke-token">
            {t("profile.tokens.revoke")}
          </Button>
        ),
    },
  ];
}

/** Revoking a token: the one asked about, the confirmation, and the outcome as a note. */
function useRevoke(t: Translate) {
  const router = useRouter();
  // The target outlives the dialog's open state so its name stays put while it fades out.
  const [target, setTarget] = useState<TokenRow | null>(null);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ severity: "success" | "error"; text: string } | null>(null);
  async function confirm() {
    if (!target) return;
    setPending(true);
    const res = await revokeTokenAction(target.id);
    setPending(false);
    setOpen(false);
    setMessage(
      res.ok
        ? { severity: "success", text: t("profile.tokens.revokedDone") }
        : { severity: "error", text: res.message },
    );
    router.refresh();
  }
  const ask = (k: TokenRow) => (setTarget(k), setOpen(true));
  return {
    target,
    open,
    pending,
    message,
    ask,
    confirm,
    cancel: () => setOpen(false),
    clearMessage: () => setMessage(null),
  };
}

export function ApiTokens({ tokens }: { tokens: TokenRow[] }) {
  const t = useT();
  const [creating, setCreating] = useState(false);
  const revoke = useRevoke(t);
  const newButton = (
    <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)} data-testid="new-token">
      {t("profile.tokens.new")}
    </Button>
  );
  return (
    <Section
      title={t("profile.tokens.title")}
      subtitle={t("profile.tokens.hint")}
      action={newButton}
      testId="api-tokens"
    >
      <DataTable
        label={t("profile.tokens.title")}
        className={s.tokens}
        rows={tokens}
        rowKey={(k) => k.id}
        rowProps={(k) => ({ "data-testid": "token-row", "data-name": k.name, "data-status": k.status })}
        empty={t("profile.tokens.empty")}
        columns={tokenColumns(t, revoke.ask)}
      />
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={revoke.open}
        onClose={revoke.cancel}
        onConfirm={revoke.confirm}
        title={t("profile.tokens.revokeTitle")}
        text={t("profile.tokens.revokeConfirm", { name: revoke.target?.name ?? "" })}
        confirmLabel={t("profile.tokens.revoke")}
        pending={revoke.pending}
        confirmTestId="confirm-revoke"
      />
      <Snackbar
        open={revoke.message !== null}
        autoHideDuration={4000}
        onClose={revoke.clearMessage}
        anchorOrigin={{ vertical: "bottom", horizontal: "center" }}
      >
        <Alert severity={revoke.message?.severity ?? "success"} variant="filled" onClose={revoke.clearMessage}>
          {revoke.message?.text}
        </Alert>
      </Snackbar>
    </Section>
  );
}
