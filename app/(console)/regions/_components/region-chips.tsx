// Small chips shared by the header card and the tables: level, pooling area, own jurisdiction.
import Chip from "@mui/material/Chip";
import type { Translate } from "@/lib/i18n";
import type { RegionView } from "@/lib/regions/schemas";

const LEVEL_COLOR = { NATION: "primary", PROVINCE: "primary", CITY: "info", COUNTY: "default" } as const;

export function LevelChip({ level, t }: { level: RegionView["level"]; t: Translate }) {
  return <Chip label={t(`regions.levels.${level}`)} color={LEVEL_COLOR[level]} variant="outlined" />;
}

export function PoolingChip({ t }: { t: Translate }) {
  return <Chip label={t("regions.detail.poolingChip")} color="success" variant="outlined" data-testid="pooling-chip" />;
}

export function ScopeChip({ t }: { t: Translate }) {
  return <Chip label={t("regions.detail.yourScope")} color="secondary" />;
}
