"use client";
// A checker approves or rejects a pending change: each button opens the kit's FormDialog with
// the comment (optional to approve, required to reject — the service says so) around the one
// decide action; a refusal stays in the dialog, a decision refreshes the page.
import { useState } from "react";
import { useRouter } from "next/navigation";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import TextField from "@mui/material/TextField";
import { useT } from "@/components/i18n/i18n-provider";
import { FormDialog } from "@/components/ui/form-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import { decideChangeAction } from "../actions";

type Decision = "APPROVE" | "REJECT";

export function DecisionButtons({ id }: { id: string }) {
  const t = useT();
  const router = useRouter();
  const form = useActionForm();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [comment, setComment] = useState("");

  function open(d: Decision) {
    form.reset();
    setDecision(d);
  }
  const submit = form.onSubmit(
    () => decideChangeAction(id, { decision: decision!, ...(comment.trim() && { comment: comment.trim() }) }),
    () => {
      setDecision(null);
      router.refresh();
    },
  );
  const reject = decision === "REJECT";

  return (
    <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }} data-testid="change-decision">
      <Button
        size="small"
        variant="contained"
        color="success"
        onClick={() => open("APPROVE")}
        data-testid="approve-change"
      >
        {t("rosterUi.actions.approve")}
      </Button>
      <Button size="small" variant="outlined" color="error" onClick={() => open("REJECT")} data-testid="reject-change">
        {t("rosterUi.actions.reject")}
      </Button>
      <FormDialog
        open={decision !== null}
        onClose={() => setDecision(null)}
        title={t(reject ? "rosterUi.actions.rejectTitle" : "rosterUi.actions.approveTitle")}
        form={form}
        onSubmit={submit}
        submitLabel={t(reject ? "rosterUi.actions.reject" : "rosterUi.actions.approve")}
        testId="decision-dialog"
        maxWidth="xs"
      >
        <TextField
          label={t("rosterUi.actions.comment")}
          placeholder={t("rosterUi.actions.commentHint")}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          required={reject}
          multiline
          minRows={2}
          error={Boolean(form.error("comment"))}
          helperText={form.error("comment")}
          slotProps={{ htmlInput: { maxLength: 500, "data-testid": "decision-comment" } }}
        />
      </FormDialog>
    </Box>
  );
}
