// The current region: name, tags, and its facts as a definition list (kit panel and text
// classes, regions.module.css).
import type { ReactNode } from "react";
import { Panel } from "@/components/ui/panel";
import { RowLink } from "@/components/ui/row-link";
import type { Translate } from "@/lib/i18n";
import type { RegionDetail } from "@/lib/regions/schemas";
import { LevelChip, PoolingChip, ScopeChip } from "./region-chips";
import { regionHref } from "./region-href";
import s from "./regions.module.css";

export function RegionHeader({ region, isOwnScope, t }: { region: RegionDetail; isOwnScope: boolean; t: Translate }) {
  const parent = region.ancestors[region.ancestors.length - 1];
  const pooling = region.poolingAreaOf;
  const facts: { label: string; value: ReactNode }[] = [
    { label: t("regions.detail.code"), value: <span className={s.factCode}>{region.code}</span> },
    { label: t("regions.detail.level"), value: t(`regions.levels.${region.level}`) },
    {
      label: t("regions.detail.parent"),
      value: parent ? <RowLink href={regionHref(parent.code)}>{parent.name}</RowLink> : "—",
    },
    {
      label: t("regions.detail.poolingAreaOf"),
      value: !pooling ? (
        <span className="yb-body2">{t("regions.detail.poolingAreaOfNone")}</span>
      ) : pooling.code === region.code ? (
        pooling.name
      ) : (
        <RowLink href={regionHref(pooling.code)}>{pooling.name}</RowLink>
      ),
    },
    { label: t("regions.detail.childCount"), value: t("regions.detail.childCountValue", { count: region.childCount }) },
  ];
  return (
    <Panel className={s.header} testId="region-header">
      <div className={s.headerTitle}>
        <h2 className={`yb-h3 ${s.headerName}`}>{region.name}</h2>
        <LevelChip level={region.level} t={t} />
        {region.poolingArea && <PoolingChip t={t} />}
        {isOwnScope && <ScopeChip t={t} />}
      </div>
      <dl className={s.facts}>
        {facts.map((f) => (
          <div key={f.label} className={s.fact}>
            <dt className={`yb-caption ${s.factLabel}`}>{f.label}</dt>
            <dd className={`yb-body1 ${s.factValue}`}>{f.value}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
