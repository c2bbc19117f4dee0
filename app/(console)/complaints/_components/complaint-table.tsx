// The queue's table: plain <table> markup with the kit's classes (kit.css: the look of MUI's small
// Table) rather than the kit's DataTable, because its cells carry titles (the full institution
// and bureau names) and an empty queue spans the whole row. Server component.
import { RowLink } from "@/components/ui/row-link";
import type { Locale, Translate } from "@/lib/i18n";
import type { ComplaintSummary } from "@/lib/complaints/queries";
import { formatDateTime } from "../../_components/date-time";
import s from "./complaints.module.css";
import { SlaChip } from "./sla-chip";
import { StateChip } from "./state-chip";

const COLUMNS = ["number", "state", "sla", "category", "pair", "institution", "complainant", "owner", "created"] as const;

function Row({ c, t, locale }: { c: ComplaintSummary; t: Translate; locale: Locale }) {
  return (
    <tr className="yb-hover" data-testid="complaint-row" data-number={c.number}>
      <td className={`yb-nowrap ${s.mono}`}>
        <RowLink href={`/complaints/${c.number}`}>{c.number}</RowLink>
      </td>
      <td>
        <StateChip state={c.state} t={t} />
      </td>
      <td className="yb-nowrap">
        <SlaChip sla={c.sla} t={t} />
      </td>
      <td className="yb-nowrap">
        {t(`complaints.category.${c.category}`)}
        {c.priority !== "NORMAL" && <span className={c.priority === "URGENT" ? `yb-caption ${s.priority} ${s.error}` : `yb-caption ${s.priority}`}>· {t(`complaints.priority.${c.priority}`)}</span>}
      </td>
      <td className="yb-nowrap">
        {c.homeRegion.name} → {c.visitRegion.name}
      </td>
      <td className={s.clip} title={c.institutionName ?? ""}>
        {c.institutionName ?? "—"}
      </td>
      <td className="yb-nowrap">{c.complainantName}</td>
      <td className="yb-nowrap" title={locale === "en" ? c.ownerBureau.nameEn : c.ownerBureau.name}>
        {(c.ownerSide === "VISIT" ? c.visitRegion : c.homeRegion).name}
        <span className="yb-caption">
          {" "}
          {t(`complaints.side.${c.ownerSide}`)}
        </span>
      </td>
      <td className="yb-nowrap">{formatDateTime(c.createdAt, { seconds: false }).slice(5)}</td>
    </tr>
  );
}

export function ComplaintTable({ items, t, locale }: { items: ComplaintSummary[]; t: Translate; locale: Locale }) {
  return (
    <div className="yb-table-wrap">
      <table className="yb-table" data-testid="complaints-table">
        <thead>
          <tr>
            {COLUMNS.map((k) => (
              <th key={k} scope="col" className="yb-nowrap">
                {t(`complaints.list.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <Row key={c.number} c={c} t={t} locale={locale} />
          ))}
          {items.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length}>
                <p className={`yb-body1 ${s.empty}`}>{t("complaints.list.empty")}</p>
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
