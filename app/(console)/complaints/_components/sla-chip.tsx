import Chip from "@mui/material/Chip";
import Tooltip from "@mui/material/Tooltip";
import type { Translate } from "@/lib/i18n";
import type { SlaView } from "@/lib/complaints/sla";
import { formatBusinessMinutes } from "./format";

const COLOR = { ok: "success", dueToday: "warning", overdue: "error", paused: "default", met: "success", breached: "error" } as const;

/** SLA status with the business time left (or over) to the nearest deadline. */
export function SlaChip({ sla, t }: { sla: SlaView; t: Translate }) {
  const time = sla.businessMinutesLeft === null ? null : formatBusinessMinutes(sla.businessMinutesLeft, t);
  // Running clocks show the business time left (or over); the colour carries the status.
  const label = time === null ? t(`complaints.sla.${sla.status}`) : t(sla.businessMinutesLeft! < 0 ? "complaints.sla.over" : "complaints.sla.left", { time });
  return (
    <Tooltip title={`${t(`complaints.sla.${sla.status}`)} — ${t("complaints.sla.note")}`}>
      <Chip
        size="small"
        label={label}
        color={COLOR[sla.status]}
        variant={sla.status === "overdue" || sla.status === "breached" ? "filled" : "outlined"}
        data-testid={`sla-${sla.status}`}
      />
    </Tooltip>
  );
}
