// National counts by level, each with its definition (口径) under the figure: the kit's StatCards
// on its card grid, one a row, two from 600 px, four from 1200 px.
import { CardGrid, GridCell } from "@/components/ui/card-grid";
import { StatCard } from "@/components/ui/section";
import type { Translate } from "@/lib/i18n";
import type { RegionCounts } from "@/lib/regions/queries";
import s from "./regions.module.css";

export function RegionStats({
  counts,
  t,
  formatNumber,
}: {
  counts: RegionCounts;
  t: Translate;
  formatNumber: (n: number) => string;
}) {
  const figures = [
    {
      id: "provinces",
      value: counts.provinces,
      label: t("regions.stats.provinces"),
      note: t("regions.stats.provincesNote"),
    },
    {
      id: "cities",
      value: counts.cities,
      label: t("regions.stats.cities"),
      note: t("regions.stats.citiesNote", { groups: counts.cityGroups }),
    },
    {
      id: "counties",
      value: counts.counties,
      label: t("regions.stats.counties"),
      note: t("regions.stats.countiesNote"),
    },
    {
      id: "pooling",
      value: counts.poolingAreas,
      label: t("regions.stats.poolingAreas"),
      note: t("regions.stats.poolingAreasNote"),
    },
  ];
  const unit = t("regions.stats.unit");
  return (
    <CardGrid as="section" className={s.stats} label={t("regions.stats.ariaLabel")}>
      {figures.map((f) => (
        <GridCell key={f.id} span="quarter">
          <StatCard
            testId={`stat-${f.id}`}
            label={f.label}
            value={formatNumber(f.value)}
            unit={unit || undefined}
            note={f.note}
          />
        </GridCell>
      ))}
    </CardGrid>
  );
}
