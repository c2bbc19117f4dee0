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

/** The post form's state: the draft body (kept across tabs), the pending flag and the field error. */
function useCommentPost(number: string) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function post(e: FormEvent, internal: boolean) {
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

  return { body, setBody, pending, error, setError, post };
}

/** One tab's comments, oldest first, or the tab's empty line. */
function CommentList({ items, internal }: { items: CommentItem[]; internal: boolean }) {
  const t = useT();
  return (
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
  );
}

/** The form that posts a note (internal) or a reply. */
function CommentForm({ internal, form }: { internal: boolean; form: ReturnType<typeof useCommentPost> }) {
  const t = useT();
  const { body, setBody, pending, error, post } = form;
  return (
    <Box
      component="form"
      onSubmit={(e: FormEvent) => post(e, internal)}
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
  );
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
  const [tab, setTab] = useState<"notes" | "replies">("notes");
  const form = useCommentPost(number);
  const internal = tab === "notes";
  const canPost = internal ? canNote : canReply;

  return (
    <Box>
      <Tabs
        value={tab}
        onChange={(_, v: "notes" | "replies") => (setTab(v), form.setError(null))}
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
      <CommentList items={internal ? notes : replies} internal={internal} />
      {canPost && <CommentForm internal={internal} form={form} />}
      {!canPost && !internal && canNote && <Alert severity="info">{t("complaints.repliesByOwner")}</Alert>}
    </Box>
  );
}
