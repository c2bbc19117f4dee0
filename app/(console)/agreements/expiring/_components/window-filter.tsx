"use client";
// The expiry window of the list (?days=), chosen from a few fixed spans.
import { FilterBar } from "@/components/ui/filter-bar";
import { useT } from "@/components/i18n/i18n-provider";

export function WindowFilter({ days, choices }: { days: number; choices: readonly number[] }) {
  const t = useT();
  return (
    <FilterBar
      values={{ days: String(days) }}
      reset={false}
      submit={false}
      filters={[
        {
          kind: "select",
          name: "days",
          label: t("agreements.expiring.window"),
          width: 160,
          testId: "expiring-window",
          required: true,
          options: choices.map((d) => ({
            value: String(d),
            label: t("agreements.expiring.windowOption", { days: d }),
          })),
        },
      ]}
    />
  );
}
