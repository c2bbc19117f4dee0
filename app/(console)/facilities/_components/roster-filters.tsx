"use client";
// Filter bar of the roster (the kit's FilterBar): text search, region, type, level, status, open
// service. Every filter lives in the URL; selects apply at once, the text on Enter or "搜索".
import { useT } from "@/components/i18n/i18n-provider";
import { INSTITUTION_LEVELS, INSTITUTION_STATUSES, INSTITUTION_TYPES, SERVICES } from "@/lib/facilities/codes";
import { FilterBar, type FilterDef, type FilterValues } from "@/components/ui/filter-bar";
import { RegionPicker, type RegionOption } from "@/components/ui/region-picker";
import { NATIONAL } from "@/components/ui/url-query";

export function RosterFilters({ values, region }: { values: FilterValues; region: RegionOption | null }) {
  const t = useT();
  const select = (name: string, options: readonly string[], catalogue: string, width: number): FilterDef => ({
    kind: "select",
    name,
    label: t(`rosterUi.filters.${name}`),
    allLabel: t("rosterUi.filters.all"),
    options: options.map((o) => ({ value: o, label: t(`facilities.${catalogue}.${o}`) })),
    width,
    testId: `filter-${name}`,
  });
  return (
    <FilterBar
      values={values}
      keep={["pageSize"]}
      filters={[
        {
          kind: "text",
          name: "q",
          label: t("rosterUi.filters.q"),
          placeholder: t("rosterUi.filters.qPlaceholder"),
          maxLength: 40,
          width: 220,
          testId: "filter-q",
        },
        {
          kind: "custom",
          name: "region",
          label: t("rosterUi.filters.region"),
          render: (_value, set) => (
            <RegionPicker
              value={region}
              onChange={(r) => set(r?.code ?? NATIONAL, true)}
              label={t("rosterUi.filters.region")}
              placeholder={t("rosterUi.filters.regionPlaceholder")}
              width={250}
              testId="filter-region"
              groups
            />
          ),
        },
        select("type", INSTITUTION_TYPES, "types", 170),
        select("level", INSTITUTION_LEVELS, "levels", 110),
        select("status", INSTITUTION_STATUSES, "statuses", 110),
        select("service", SERVICES, "services", 160),
      ]}
    />
  );
}
