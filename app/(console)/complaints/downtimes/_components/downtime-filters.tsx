"use client";
// The downtime list's region (in the URL, ?region=): the kit's FilterBar with the region picker.
import { useT } from "@/components/i18n/i18n-provider";
import { FilterBar } from "@/components/ui/filter-bar";
import { RegionPicker } from "@/components/ui/region-picker";

export function DowntimeFilters({ region }: { region: string | undefined }) {
  const t = useT();
  const label = t("complaints.downtime.region");
  const picker = (value: string, set: (v: string, apply?: boolean) => void) => (
    <RegionPicker
      label={label}
      value={value ? { code: value } : null}
      onChange={(o) => set(o?.code ?? "", true)}
      testId="downtime-region-filter"
      width={240}
    />
  );
  return (
    <FilterBar
      values={{ region }}
      reset={false}
      submit={false}
      filters={[{ kind: "custom", name: "region", label, render: picker }]}
    />
  );
}
