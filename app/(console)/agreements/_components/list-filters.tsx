"use client";
// Filter bar of the agreement list (the kit's FilterBar); every filter lives in the URL.
import { FilterBar } from "@/components/ui/filter-bar";
import { RegionPicker } from "@/components/ui/region-picker";
import { NATIONAL } from "@/components/ui/url-query";
import { useT } from "@/components/i18n/i18n-provider";
import { AGREEMENT_STATUSES, AGREEMENT_TYPES } from "@/lib/agreements/codes";

export function ListFilters({
  values,
  errors,
}: {
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
}) {
  const t = useT();
  return (
    <FilterBar
      values={values}
      reset={false}
      filters={[
        { kind: "text", name: "q", label: t("agreements.list.filters.q"), width: 200 },
        {
          kind: "custom",
          name: "party",
          label: t("agreements.list.filters.party"),
          render: (value, set) => (
            <RegionPicker
              label={t("agreements.list.filters.party")}
              value={value ? { code: value } : null}
              onChange={(o) => set(o?.code ?? NATIONAL, true)}
              error={Boolean(errors.party)}
              helperText={errors.party}
              testId="filter-party"
              width={220}
              groups
            />
          ),
        },
        {
          kind: "select",
          name: "type",
          label: t("agreements.list.filters.type"),
          width: 170,
          testId: "filter-type",
          options: AGREEMENT_TYPES.map((x) => ({ value: x, label: t(`agreements.types.${x}`) })),
        },
        {
          kind: "select",
          name: "status",
          label: t("agreements.list.filters.status"),
          width: 130,
          testId: "filter-status",
          options: AGREEMENT_STATUSES.map((x) => ({ value: x, label: t(`agreements.statuses.${x}`) })),
        },
        { kind: "date", name: "date", label: t("agreements.list.filters.date"), error: errors.date },
      ]}
    />
  );
}
