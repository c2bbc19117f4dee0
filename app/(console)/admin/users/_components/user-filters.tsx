"use client";
// Filter bar of the user list (the kit's FilterBar); every filter lives in the URL.
import { FilterBar } from "@/components/ui/filter-bar";
import { useT } from "@/components/i18n/i18n-provider";
import { ROLES } from "@/lib/auth/roles";

const STATUS_KEY = {
  ACTIVE: "admin.users.statusActive",
  DISABLED: "admin.users.statusDisabled",
  LOCKED: "admin.users.statusLocked",
} as const;

export function UserFilters({
  values,
  bureaus,
}: {
  values: Record<string, string | undefined>;
  bureaus: { id: string; name: string }[];
}) {
  const t = useT();
  return (
    <FilterBar
      values={values}
      filters={[
        { kind: "text", name: "q", label: t("admin.users.q"), width: 200, maxLength: 40 },
        {
          kind: "select",
          name: "bureauId",
          label: t("admin.users.bureau"),
          width: 220,
          testId: "filter-bureau",
          allLabel: t("admin.users.allBureaus"),
          options: bureaus.map((b) => ({ value: b.id, label: b.name })),
        },
        {
          kind: "select",
          name: "role",
          label: t("admin.users.role"),
          width: 160,
          allLabel: t("admin.users.allRoles"),
          options: ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
        },
        {
          kind: "select",
          name: "status",
          label: t("admin.users.status"),
          width: 140,
          allLabel: t("admin.users.allStatuses"),
          options: (Object.keys(STATUS_KEY) as (keyof typeof STATUS_KEY)[]).map((s) => ({
            value: s,
            label: t(STATUS_KEY[s]),
          })),
        },
      ]}
    />
  );
}
