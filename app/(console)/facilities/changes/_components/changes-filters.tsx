"use client";
// The inbox's filters in the URL: state (pending first) and who made the request — "OTHERS"
// is exactly what the checker may decide, the workbench's "awaiting my review".
import { useT } from "@/components/i18n/i18n-provider";
import { FilterBar } from "@/components/ui/filter-bar";

export function ChangesFilters({
  values,
  states,
}: {
  values: Record<string, string | undefined>;
  states: readonly string[];
}) {
  const t = useT();
  const makers = ["OTHERS", "ME"].map((m) => ({
    value: m,
    label: t(m === "OTHERS" ? "rosterUi.changes.makerOthers" : "rosterUi.changes.makerMe"),
  }));
  return (
    <FilterBar
      values={values}
      submit={false}
      pageKey="cpage"
      filters={[
        {
          kind: "select",
          name: "state",
          label: t("rosterUi.changes.states"),
          required: true,
          options: states.map((s) => ({ value: s, label: t(`facilities.changeStates.${s}`) })),
          testId: "changes-state",
        },
        {
          kind: "select",
          name: "maker",
          label: t("rosterUi.changes.makerFilter"),
          allLabel: t("rosterUi.changes.anyMaker"),
          options: makers,
          width: 220,
          testId: "changes-maker",
        },
      ]}
    />
  );
}
