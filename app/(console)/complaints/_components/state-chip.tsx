import Chip from "@mui/material/Chip";
import type { TagColor } from "@/components/ui/tag";
import type { Translate } from "@/lib/i18n";
import type { State } from "@/lib/complaints/codes";
import { tagClassName } from "./tag-class";

const COLOR: Record<State, TagColor> = {
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

/**
 * The ticket's state. Small (every queue row): the kit's tag markup (kit.css), written out here
 * because tests read the state from the tag itself (data-state). Medium (the ticket's heading,
 * once a page): MUI's Chip, which the kit has no look-alike for.
 */
export function StateChip({ state, t, size = "small" }: { state: State; t: Translate; size?: "small" | "medium" }) {
  const label = t(`complaints.state.${state}`);
  const outlined = state === "CLOSED";
  if (size === "medium")
    return (
      <Chip
        size="medium"
        label={label}
        color={COLOR[state]}
        variant={outlined ? "outlined" : "filled"}
        data-testid="state-chip"
        data-state={state}
      />
    );
  return (
    <span
      className={tagClassName(COLOR[state], outlined ? "outlined" : "filled")}
      data-testid="state-chip"
      data-state={state}
    >
      <span>{label}</span>
    </span>
  );
}
