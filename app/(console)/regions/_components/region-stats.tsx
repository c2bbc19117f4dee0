// National counts by level, each with its definition (口径) under the figure. Kit panels and
// text classes (regions.module.css) rather than a Grid item, a Paper and four Typography per figure.
import { Panel } from "@/components/ui/panel";
import type { Translate } from "@/lib/i18n";
import type { RegionCounts } from "@/lib/regions/queries";
import s from "./regions.module.css";

export function RegionStats({ counts, t, formatNumber }: { counts: RegionCounts; t: Translate; formatNumber: (n: number) => string }) {
  const figures = [
    { id: "provinces", value: counts.provinces, label: t("regions.stats.provinces"), note: t("regions.stats.provincesNote") },
    { id: "cities", value: counts.cities, label: t("regions.stats.cities"), note: t("regions.stats.citiesNote", { groups: counts.cityGroups }) },
    { id: "counties", value: counts.counties, label: t("regions.stats.counties"), note: t("regions.stats.countiesNote") },
    { id: "pooling", value: counts.poolingAreas, label: t("regions.stats.poolingAreas"), note: t("regions.stats.poolingAreasNote") },
  ];
  const unit = t("regions.stats.unit");
  return (
    <section className={s.stats} aria-label={t("regions.stats.ariaLabel")}>
      {figures.map((f) => (
        <div key={f.id}>
          <Panel className={s.stat} testId={`stat-${f.id}`}>
            <p className="yb-body2">{f.label}</p>
            <div className={s.statFigure}>
              <span className={s.statValue}>{formatNumber(f.value)}</span>
              {unit && <span className="yb-body2">{unit}</span>}
            </div>
            <span className={`yb-caption ${s.statNote}`}>{f.note}</span>
          </Panel>
        </div>
      ))}
    </section>
  );
}
