"use client";
import type { ReactElement } from "react";
import Tooltip from "@mui/material/Tooltip";
import { useT } from "@/components/i18n/i18n-provider";
import type { SlaView } from "@/lib/complaints/sla";

/**
 * MUI's Tooltip explaining an SLA status. Its text is built here from the status: the same long
 * note on every queue row would otherwise travel once more per row in the page's RSC payload.
 */
export function SlaTip({ status, children }: { status: SlaView["status"]; children: ReactElement }) {
  const t = useT();
  return <Tooltip title={`${t(`complaints.sla.${status}`)} — ${t("complaints.sla.note")}`}>{children}</Tooltip>;
}
