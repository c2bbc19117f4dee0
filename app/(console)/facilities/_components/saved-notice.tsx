// The outcome of a save, on the record it landed on (?saved=applied|pending): under
// maker-checker the change is waiting, and the pending changes are listed right below.
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import type { Translate } from "@/lib/i18n";

export type SavedOutcome = "applied" | "pending" | "created-pending";

export function savedOutcome(value: string | undefined): SavedOutcome | null {
  return value === "applied" || value === "pending" || value === "created-pending" ? value : null;
}

export function SavedNotice({ outcome, t }: { outcome: SavedOutcome | null; t: Translate }) {
  if (!outcome) return null;
  if (outcome === "applied") {
    return (
      <Alert severity="success" sx={{ mb: 2 }} data-testid="form-saved">
        {t("rosterUi.form.savedTitle")}
      </Alert>
    );
  }
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="form-pending">
      <AlertTitle>{t("rosterUi.form.pendingTitle")}</AlertTitle>
      {outcome === "pending" ? t("rosterUi.actions.pending") : t("rosterUi.form.createdPending")}
    </Alert>
  );
}
