"use client";
// Filters of the audit log browser (the kit's FilterBar); all of them live in the URL. Actions
// and entity types are offered in words.
import { FilterBar } from "@/components/ui/filter-bar";
import { useT } from "@/components/i18n/i18n-provider";
import { actionLabel, entityTypeLabel } from "../../_components/audit-table";

type Values = Record<string, string | undefined>;

export function AuditFilters({
  values,
  actions,
  entityTypes,
}: {
  values: Values;
  actions: string[];
  entityTypes: string[];
}) {
  const t = useT();
  return (
    <FilterBar
      values={values}
      filters={[
        {
          kind: "text",
          name: "actor",
          label: t("admin.audit.actor"),
          placeholder: t("admin.audit.actorPlaceholder"),
          width: 140,
        },
        {
          kind: "select",
          name: "action",
          label: t("admin.audit.action"),
          width: 170,
          testId: "filter-action",
          allLabel: t("admin.audit.allActions"),
          options: actions.map((a) => ({ value: a, label: actionLabel(t, a) })),
        },
        {
          kind: "select",
          name: "entityType",
          label: t("admin.audit.entityType"),
          width: 170,
          allLabel: t("admin.audit.allTypes"),
          options: entityTypes.map((v) => ({ value: v, label: entityTypeLabel(t, v) })),
        },
        { kind: "text", name: "entityId", label: t("admin.audit.entityId"), width: 170, maxLength: 64 },
        { kind: "date", name: "from", label: t("admin.audit.from"), width: 200 },
        { kind: "date", name: "to", label: t("admin.audit.to"), width: 200 },
      ]}
    />
  );
}
