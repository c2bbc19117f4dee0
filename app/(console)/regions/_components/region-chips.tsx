// Small tags shared by the header card and the tables: level, pooling area, own jurisdiction.
// Kit tags (the look of MUI's small chips without a styled component each): a table of
// provinces or counties repeats them on every row.
import { Tag } from "@/components/ui/tag";
import type { Translate } from "@/lib/i18n";
import type { RegionView } from "@/lib/regions/schemas";

const LEVEL_COLOR = { NATION: "primary", PROVINCE: "primary", CITY: "info", COUNTY: "default" } as const;

export function LevelChip({ level, t }: { level: RegionView["level"]; t: Translate }) {
  return <Tag label={t(`regions.levels.${level}`)} color={LEVEL_COLOR[level]} variant="outlined" />;
}

export function PoolingChip({ t }: { t: Translate }) {
  return <Tag label={t("regions.detail.poolingChip")} color="success" variant="outlined" testId="pooling-chip" />;
}

export function ScopeChip({ t }: { t: Translate }) {
  return <Tag label={t("regions.detail.yourScope")} color="secondary" />;
}
