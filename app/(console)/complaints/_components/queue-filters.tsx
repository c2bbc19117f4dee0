"use client";
// The complaint list's filters (the kit's FilterBar), every one in the URL; the queue tab is kept
// when they are reset. "Receiving bureau: my bureau" (?owner=BUREAU) combines with any queue, so
// the workbench's "my bureau's overdue tickets" opens exactly what it counts.
import { useT } from "@/components/i18n/i18n-provider";
import { FilterBar } from "@/components/ui/filter-bar";
import { RegionPicker } from "@/components/ui/region-picker";
import { CATEGORIES, PRIORITIES, STATES } from "@/lib/complaints/codes";

type Values = Record<string, string | undefined>;

export function QueueFilters({ values }: { values: Values }) {
  const t = useT();
  const options = (list: readonly string[], ns: string) => list.map((o) => ({ value: o, label: t(`${ns}.${o}`) }));
  return (
    <FilterBar
      values={values}
      keep={["queue"]}
      filters={[
        { kind: "text", name: "q", label: t("complaints.list.q"), width: 260 },
        {
          kind: "custom",
          name: "region",
          label: t("complaints.list.region"),
          render: (value, set) => (
            <RegionPicker
              label={t("complaints.list.region")}
              value={value ? { code: value } : null}
              onChange={(o) => set(o?.code ?? "", true)}
              testId="filter-region"
              width={220}
              groups
            />
          ),
        },
        {
          kind: "select",
          name: "owner",
          label: t("complaints.list.ownerFilter"),
          allLabel: t("complaints.list.anyOwner"),
          options: [{ value: "BUREAU", label: t("complaints.list.ownBureau") }],
          testId: "filter-owner",
        },
        {
          kind: "select",
          name: "state",
          label: t("complaints.list.state"),
          allLabel: t("complaints.list.allStates"),
          options: options(STATES, "complaints.state"),
        },
        {
          kind: "select",
          name: "category",
          label: t("complaints.list.category"),
          allLabel: t("complaints.list.allCategories"),
          options: options(CATEGORIES, "complaints.category"),
        },
        {
          kind: "select",
          name: "priority",
          label: t("complaints.list.priority"),
          allLabel: t("complaints.list.allPriorities"),
          options: options(PRIORITIES, "complaints.priority"),
        },
      ]}
    />
  );
}
