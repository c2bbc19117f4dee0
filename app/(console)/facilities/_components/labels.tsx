// Labels and chips of the roster shared by server pages and client leaves (pure: the caller
// passes its translator).
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Tooltip from "@mui/material/Tooltip";
import { Tag } from "@/components/ui/tag";
import type { Translate } from "@/lib/i18n";

type ChipColor = "default" | "success" | "warning" | "error" | "info" | "primary";

export const STATUS_COLOR: Record<string, ChipColor> = { ACTIVE: "success", SUSPENDED: "warning", REVOKED: "error" };
export const SERVICE_COLOR: Record<string, ChipColor> = {
  INPATIENT: "primary",
  OUTPATIENT: "info",
  CHRONIC: "success",
  PHARMACY: "default",
};

/** "三级甲等" / "Level 3 · Grade A"; the grade only when there is one. */
export function levelLabel(t: Translate, level: string, grade: string | null, locale: string): string {
  const l = t(`facilities.levels.${level}`);
  if (!grade) return l;
  // "Level 3A" is how English documents render 三级甲等.
  return locale === "en" ? `${l}${grade}` : `${l}${t(`facilities.grades.${grade}`)}`;
}

export function diseaseList(t: Translate, diseases: readonly string[], locale: string): string {
  return diseases.map((d) => t(`facilities.diseases.${d}`)).join(locale === "en" ? ", " : "、");
}

export function StatusChip({ status, t }: { status: string; t: Translate }) {
  return (
    <Chip
      label={t(`facilities.statuses.${status}`)}
      color={STATUS_COLOR[status] ?? "default"}
      variant={status === "ACTIVE" ? "outlined" : "filled"}
      data-testid="status-chip"
      data-status={status}
    />
  );
}

/**
 * StatusChip's look as plain markup with the kit's tag classes (kit.css) for server-rendered
 * tables and cards — the same test id and data-status, no styled component per chip.
 */
export function StatusTag({ status, t }: { status: string; t: Translate }) {
  const color = STATUS_COLOR[status] ?? "default";
  return (
    <span
      className={`yb-tag ${status === "ACTIVE" ? "yb-outlined" : "yb-filled"}${color === "default" ? "" : ` yb-${color}`}`}
      data-testid="status-chip"
      data-status={status}
    >
      <span>{t(`facilities.statuses.${status}`)}</span>
    </span>
  );
}

/** A service's name as an outlined kit tag in the service's colour. */
export function ServiceTag({ service, t }: { service: string; t: Translate }) {
  return (
    <Tag label={t(`facilities.services.${service}`)} color={SERVICE_COLOR[service] ?? "default"} variant="outlined" />
  );
}

export function ServiceChips({
  services,
  t,
  locale,
}: {
  services: readonly { service: string; diseases: readonly string[]; openedOn: string }[];
  t: Translate;
  locale: string;
}) {
  if (!services.length)
    return (
      <Box component="span" sx={{ color: "text.disabled" }}>
        —
      </Box>
    );
  return (
    <Box sx={{ display: "flex", gap: 0.5, flexWrap: "nowrap" }}>
      {services.map((s) => {
        const title = `${t(`facilities.services.${s.service}`)} · ${t("rosterUi.detail.openedOn")} ${s.openedOn}${
          s.service === "CHRONIC" && s.diseases.length ? ` · ${diseaseList(t, s.diseases, locale)}` : ""
        }`;
        return (
          <Tooltip key={s.service} title={title}>
            <Chip
              label={t(`rosterUi.serviceShort.${s.service}`)}
              color={SERVICE_COLOR[s.service] ?? "default"}
              variant="outlined"
              data-service={s.service}
            />
          </Tooltip>
        );
      })}
    </Box>
  );
}
