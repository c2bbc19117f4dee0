import Chip from "@mui/material/Chip";
import type { Translate } from "@/lib/i18n";
import type { State } from "@/lib/complaints/codes";

const COLOR: Record<State, "default" | "primary" | "secondary" | "info" | "warning" | "success" | "error"> = {
  NEW: "info",
  TRIAGED: "info",
  INVESTIGATING: "primary",
  AWAITING_OTHER_BUREAU: "warning",
  AWAITING_COMPLAINANT: "default",
  ESCALATED: "error",
  RESOLVED: "success",
  REOPENED: "warning",
  CLOSED: "default",
};

export function StateChip({ state, t, size = "small" }: { state: State; t: Translate; size?: "small" | "medium" }) {
  return <Chip size={size} label={t(`complaints.state.${state}`)} color={COLOR[state]} variant={state === "CLOSED" ? "outlined" : "filled"} data-testid="state-chip" data-state={state} />;
}
