import type { TagColor } from "@/components/ui/tag";
import type { Translate } from "@/lib/i18n";
import type { SlaView } from "@/lib/complaints/sla";
import { formatBusinessMinutes } from "./format";
import { SlaTip } from "./sla-tip";
import { tagClassName } from "./tag-class";

const COLOR: Record<SlaView["status"], TagColor> = {
  OK: "success",
  DUE_TODAY: "warning",
  OVERDUE: "error",
  PAUSED: "default",
  MET: "success",
  BREACHED: "error",
};

/**
 * SLA status with the business time left (or over) to the nearest deadline: the kit's tag markup
 * (kit.css, a plain element MUI's Tooltip can hold) in MUI's Tooltip, which names it and explains
 * the status on hover.
 */
export function SlaChip({ sla, t }: { sla: SlaView; t: Translate }) {
  const time = sla.businessMinutesLeft === null ? null : formatBusinessMinutes(sla.businessMinutesLeft, t);
  // Running clocks show the business time left (or over); the colour carries the status.
  const label =
    time === null
      ? t(`complaints.sla.${sla.status}`)
      : t(sla.businessMinutesLeft! < 0 ? "complaints.sla.over" : "complaints.sla.left", { time });
  const filled = sla.status === "OVERDUE" || sla.status === "BREACHED";
  return (
    <SlaTip status={sla.status}>
      <span
        className={tagClassName(COLOR[sla.status], filled ? "filled" : "outlined")}
        data-testid={`sla-${sla.status.toLowerCase()}`}
      >
        <span>{label}</span>
      </span>
    </SlaTip>
  );
}
