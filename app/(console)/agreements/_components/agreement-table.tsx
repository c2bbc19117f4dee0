// The agreement list's table on the kit's DataTable: number (a link to the agreement), title in
// the reader's language, type, parties, services, period and status. Server component.
import { DataTable } from "@/components/ui/data-table";
import { RowLink } from "@/components/ui/row-link";
import type { Locale, Translate } from "@/lib/i18n";
import type { AgreementView } from "@/lib/agreements/views";
import { PartyChips, StatusChip } from "./chips";

export function AgreementTable({ items, t, locale }: { items: AgreementView[]; t: Translate; locale: Locale }) {
  return (
    <DataTable
      label={t("agreements.title")}
      testId="agreement-list"
      rows={items}
      rowKey={(a) => a.id}
      rowProps={(a) => ({ "data-number": a.number })}
      columns={[
        {
          key: "number",
          header: t("agreements.list.number"),
          nowrap: true,
          cell: (a) => <RowLink href={`/agreements/${a.id}`}>{a.number}</RowLink>,
        },
        {
          key: "title",
          header: t("agreements.list.titleCol"),
          minWidth: 240,
          cell: (a) => (locale === "en" && a.titleEn ? a.titleEn : a.title),
        },
        {
          key: "type",
          header: t("agreements.list.type"),
          nowrap: true,
          cell: (a) => t(`agreements.types.${a.type}`),
        },
        {
          key: "parties",
          header: t("agreements.list.parties"),
          cell: (a) => <PartyChips parties={a.parties} mutual={a.direction === "MUTUAL"} t={t} />,
        },
        {
          key: "services",
          header: t("agreements.list.services"),
          cell: (a) => a.services.map((s) => t(`agreements.services.${s}`)).join(t("nav.roleSeparator")),
        },
        {
          key: "period",
          header: t("agreements.list.period"),
          nowrap: true,
          cell: (a) => `${a.effectiveFrom} ~ ${a.effectiveTo ?? t("agreements.list.openEnded")}`,
        },
        {
          key: "status",
          header: t("agreements.list.status"),
          cell: (a) => <StatusChip status={a.status} t={t} />,
        },
      ]}
    />
  );
}
