"use client";
// The coverage panel's region field: picking a region replaces ?region= in the URL.
import { useT } from "@/components/i18n/i18n-provider";
import { RegionPicker, type RegionOption } from "@/components/ui/region-picker";
import { useUrlState } from "@/components/ui/use-url-state";

export function CoverageRegion({ region }: { region: RegionOption }) {
  const t = useT();
  const { update } = useUrlState({ replace: true });
  return (
    <RegionPicker
      key={region.code}
      value={region}
      onChange={(r) => r && update({ region: r.code })}
      label={t("rosterUi.coverage.region")}
      placeholder={t("rosterUi.filters.regionPlaceholder")}
      width={300}
      testId="coverage-region"
    />
  );
}
