"use client";
// A checker approves or rejects a pending change (a comment is required to reject).
import { useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import TextField from "@mui/material/TextField";
import { useT } from "@/components/i18n/i18n-provider";
import { decideChangeAction } from "../actions";

export function DecisionButtons({ id }: { id: string }) {
  const t = useT();
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();

  async function decide(decision: "APPROVE" | "REJECT") {
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    const res = await decideChangeAction(id, { decision, ...(comment.trim() && { comment: comment.trim() }) });
    setBusy(false);
    if (res.ok) router.refresh();
    else {
      setError(res.message);
      setFieldError(res.fieldErrors.comment?.join("；"));
    }
  }

  return (
    <Box sx={{ display: "flex", gap: 1, alignItems: "flex-start", flexWrap: "wrap" }} data-testid="change-decision">
      <TextField
        size="small"
        label={t("rosterUi.actions.comment")}
        placeholder={t("rosterUi.actions.commentHint")}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={Boolean(fieldError)}
        helperText={fieldError}
        sx={{ width: 220 }}
        slotProps={{ htmlInput: { maxLength: 500, "data-testid": "decision-comment" } }}
      />
      <Button variant="contained" color="success" disabled={busy} onClick={() => decide("APPROVE")} data-testid="approve-change">
        {t("rosterUi.actions.approve")}
      </Button>
      <Button variant="outlined" color="error" disabled={busy} onClick={() => decide("REJECT")} data-testid="reject-change">
        {t("rosterUi.actions.reject")}
      </Button>
      {error && (
        <Alert severity="error" sx={{ width: "100%", py: 0 }}>
          {error}
        </Alert>
      )}
    </Box>
  );
}
