"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useT } from "@/components/i18n/i18n-provider";
import s from "../../_components/complaints.module.css";
import { commentAction } from "../../actions";

export interface CommentItem {
  id: string;
  body: string;
  authorName: string;
  region: string;
  at: string;
}

/** Internal notes and complainant replies in separate tabs: never one list, never one form. */
export function CommentTabs({
  number,
  notes,
  replies,
  canNote,
  canReply,
}: {
  number: string;
  notes: CommentItem[];
  replies: CommentItem[];
  canNote: boolean;
  canReply: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const [tab, setTab] = useState<"notes" | "replies">("notes");
  const [body, setBody] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const internal = tab === "notes";
  const items = internal ? notes : replies;
  const canPost = internal ? canNote : canReply;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    const res = await commentAction(number, { body, internal });
    setPending(false);
    if (!res.ok) {
      setError(res.fieldErrors.body?.[0] ?? res.message);
      return;
    }
    setBody("");
    setError(null);
    router.refresh();
  }

  return (
    <Box>
      <Tabs
        value={tab}
        onChange={(_, v: "notes" | "replies") => (setTab(v), setError(null))}
        sx={{ borderBottom: 1, borderColor: "divider" }}
      >
        <Tab value="notes" label={`${t("complaints.detail.notes")} (${notes.length})`} data-testid="tab-notes" />
        <Tab
          value="replies"
          label={`${t("complaints.detail.replies")} (${replies.length})`}
          data-testid="tab-replies"
        />
      </Tabs>
      <Typography variant="caption" color="text.secondary" sx={{ display: "block", mt: 1 }}>
        {internal ? t("complaints.detail.notesHint") : t("complaints.detail.repliesHint")}
      </Typography>
      <Stack spacing={1.5} sx={{ my: 2 }} data-testid={internal ? "notes-list" : "replies-list"}>
        {items.length === 0 && (
          <Typography color="text.secondary">
            {internal ? t("complaints.detail.noNotes") : t("complaints.detail.noReplies")}
          </Typography>
        )}
        {items.map((c) => (
          <div key={c.id} className={internal ? s.note : s.reply}>
            <span className="yb-caption">
              {c.authorName} · {c.region} · {c.at}
            </span>
            <p className={`yb-body2 ${s.pre}`}>{c.body}</p>
          </div>
        ))}
      </Stack>
      {canPost && (
        <Box
          component="form"
          onSubmit={onSubmit}
          noValidate
          sx={{ display: "flex", gap: 1, alignItems: "flex-start" }}
          data-testid={internal ? "note-form" : "reply-form"}
        >
          <TextField
            name="body"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            label={internal ? t("complaints.detail.addNote") : t("complaints.detail.addReply")}
            multiline
            minRows={2}
            fullWidth
            error={Boolean(error)}
            helperText={error}
          />
          <Button type="submit" variant="contained" disabled={pending || !body.trim()} data-testid="comment-submit">
            {t("complaints.detail.post")}
          </Button>
        </Box>
      )}
      {!canPost && !internal && canNote && <Alert severity="info">{t("complaints.repliesByOwner")}</Alert>}
    </Box>
  );
}
