"use client";
// Create (national admin) or edit a bureau: names and the roster's maker-checker rule.
import { useState } from "react";
import { useRouter } from "next/navigation";
import Button from "@mui/material/Button";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormHelperText from "@mui/material/FormHelperText";
import Switch from "@mui/material/Switch";
import TextField from "@mui/material/TextField";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/ui/form-dialog";
import { useActionForm, type ActionForm } from "@/components/ui/use-action-form";
import { createBureauAction, updateBureauAction } from "../actions";

export interface BureauDraft {
  id?: string;
  regionCode: string;
  name: string;
  nameEn: string;
  makerChecker: boolean;
  version?: number;
}

/** Create the draft's bureau, or update the one it edits (names and rule; the region is fixed). */
function saveBureau(initial: BureauDraft, draft: BureauDraft) {
  return initial.id
    ? updateBureauAction(initial.id, {
        name: draft.name,
        nameEn: draft.nameEn,
        makerChecker: draft.makerChecker,
        version: initial.version,
      })
    : createBureauAction({
        regionCode: draft.regionCode,
        name: draft.name,
        nameEn: draft.nameEn,
        makerChecker: draft.makerChecker,
      });
}

export function BureauDialog({
  initial,
  label,
  variant = "text",
}: {
  initial: BureauDraft;
  label: string;
  variant?: "text" | "contained";
}) {
  const t = useT();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(initial);
  const form = useActionForm();
  const editing = Boolean(initial.id);
  const onSubmit = form.onSubmit<unknown>(
    () => saveBureau(initial, draft),
    () => {
      setOpen(false);
      router.refresh();
    },
  );

  return (
    <>
      <Button
        variant={variant}
        size="small"
        onClick={() => (setDraft(initial), form.reset(), setOpen(true))}
        data-testid={editing ? `edit-bureau-${initial.regionCode}` : "create-bureau"}
      >
        {label}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={editing ? t("admin.bureaus.editTitle") : t("admin.bureaus.createTitle")}
        form={form}
        onSubmit={onSubmit}
      >
        <BureauFields draft={draft} setDraft={setDraft} editing={editing} err={form.error} />
      </FormDialog>
    </>
  );
}

function BureauFields({
  draft,
  setDraft,
  editing,
  err,
}: {
  draft: BureauDraft;
  setDraft: (d: BureauDraft) => void;
  editing: boolean;
  err: ActionForm["error"];
}) {
  const t = useT();
  return (
    <>
      <TextField
        label={t("admin.bureaus.regionCode")}
        value={draft.regionCode}
        disabled={editing}
        onChange={(e) => setDraft({ ...draft, regionCode: e.target.value.trim() })}
        error={Boolean(err("regionCode"))}
        helperText={err("regionCode") ?? t("admin.bureaus.regionCodeHint")}
        slotProps={{ htmlInput: { inputMode: "numeric", maxLength: 6 } }}
      />
      <TextField
        label={t("admin.bureaus.name")}
        value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        error={Boolean(err("name"))}
        helperText={err("name")}
      />
      <TextField
        label={t("admin.bureaus.nameEn")}
        value={draft.nameEn}
        onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })}
        error={Boolean(err("nameEn"))}
        helperText={err("nameEn")}
      />
      <div>
        <FormControlLabel
          control={
            <Switch
              checked={draft.makerChecker}
              onChange={(e) => setDraft({ ...draft, makerChecker: e.target.checked })}
            />
          }
          label={t("admin.bureaus.makerChecker")}
        />
        <FormHelperText>{t("admin.bureaus.makerCheckerHint")}</FormHelperText>
      </div>
    </>
  );
}
