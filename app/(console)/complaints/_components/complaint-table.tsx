// The queue's table on the kit's DataTable: the institution is cut to one line with its full
// name on hover, the owner shows the region and side with the bureau's name on hover. Server component.
import { DataTable, type Column } from "@/components/ui/data-table";
import { RowLink } from "@/components/ui/row-link";
import type { Locale, Translate } from "@/lib/i18n";
import type { ComplaintSummary } from "@/lib/complaints/queries";
import { formatDateTime } from "../../_components/date-time";
import s from "./complaints.module.css";
import { SlaChip } from "./sla-chip";
import { StateChip } from "./state-chip";

function columns(t: Translate, locale: Locale): Column<ComplaintSummary>[] {
  const h = (k: string) => t(`complaints.list.${k}`);
  return [
    {
      key: "number",
      header: h("number"),
      nowrap: true,
      cell: (c) => (
        <RowLink href={`/complaints/${c.number}`}>
          <span className={s.mono}>{c.number}</span>
        </RowLink>
      ),
    },
    { key: "state", header: h("state"), nowrap: true, cell: (c) => <StateChip state={c.state} t={t} /> },
    { key: "sla", header: h("sla"), nowrap: true, cell: (c) => <SlaChip sla={c.sla} t={t} /> },
    {
      key: "category",
      header: h("category"),
      nowrap: true,
      cell: (c) => (
        <>
          {t(`complaints.category.${c.category}`)}
          {c.priority !== "NORMAL" && (
            <span
              className={c.priority === "URGENT" ? `yb-caption ${s.priority} ${s.error}` : `yb-caption ${s.priority}`}
            >
              · {t(`complaints.priority.${c.priority}`)}
            </span>
          )}
        </>
      ),
    },
    { key: "pair", header: h("pair"), nowrap: true, cell: (c) => `${c.homeRegion.name} → ${c.visitRegion.name}` },
    {
      key: "institution",
      header: h("institution"),
      nowrap: true,
      cell: (c) => (
        <span className={s.clip} title={c.institutionName ?? ""}>
          {c.institutionName ?? "—"}
        </span>
      ),
    },
    { key: "complainant", header: h("complainant"), nowrap: true, cell: (c) => c.complainantName },
    {
      key: "owner",
      header: h("owner"),
      nowrap: true,
      cell: (c) => (
        <span title={locale === "en" ? c.ownerBureau.nameEn : c.ownerBureau.name}>
          {(c.ownerSide === "VISIT" ? c.visitRegion : c.homeRegion).name}
          <span className="yb-caption"> {t(`complaints.side.${c.ownerSide}`)}</span>
        </span>
      ),
    },
    {
      key: "created",
      header: h("created"),
      nowrap: true,
      cell: (c) => formatDateTime(c.createdAt, { seconds: false }).slice(5),
    },
  ];
}

export function ComplaintTable({ items, t, locale }: { items: ComplaintSummary[]; t: Translate; locale: Locale }) {
  const rowProps = (c: ComplaintSummary) => ({ "data-testid": "complaint-row", "data-number": c.number });
  return (
    <DataTable
      label={t("complaints.title")}
      testId="complaints-table"
      rows={items}
      rowKey={(c) => c.number}
      rowProps={rowProps}
      columns={columns(t, locale)}
      empty={t("complaints.list.empty")}
    />
  );
}
