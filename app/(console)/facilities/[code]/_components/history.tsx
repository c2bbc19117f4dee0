// What happened to an institution and what waits: pending changes with the checker's decision,
// status changes, and the field-level history (paged in the URL: hpage, hpageSize) — each the
// kit's DataTable, so on a phone it scrolls inside its card with the first column held.
import type { Translate } from "@/lib/i18n";
import type { Actor } from "@/lib/auth/actor";
import { canDecideChangeRequest } from "@/lib/auth/policy";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { Tag } from "@/components/ui/tag";
import { UrlPagination } from "@/components/ui/url-pagination";
import { formatDateTime } from "../../../_components/date-time";
import { changeSummary, fieldLabel, formatValue, reasonText, sourceLabel } from "../../_components/history-format";
import { StatusTag } from "../../_components/labels";
import { DecisionButtons } from "../../_components/decision-buttons";
import type { Inst, InstitutionPageData } from "./record";
import s from "../institution.module.css";

type Change = Inst["pendingChanges"][number];
type StatusEvent = Inst["statusEvents"][number];
type HistoryEntry = InstitutionPageData["history"]["items"][number];

const at = (d: Date | string) => formatDateTime(d, { seconds: false });

export function PendingChangesSection({
  changes,
  actor,
  t,
  locale,
}: {
  changes: Change[];
  actor: Actor;
  t: Translate;
  locale: string;
}) {
  const columns: Column<Change>[] = [
    {
      key: "kind",
      header: t("rosterUi.changes.kind"),
      cell: (c) => t(`facilities.changeKinds.${c.kind}`),
      nowrap: true,
    },
    {
      key: "summary",
      header: t("rosterUi.changes.summary"),
      cell: (c) => changeSummary(t, c.kind, c.summary, c.payload, locale),
      minWidth: 200,
    },
    { key: "maker", header: t("rosterUi.changes.maker"), cell: (c) => c.makerName, nowrap: true },
    {
      key: "createdAt",
      header: t("rosterUi.changes.createdAt"),
      cell: (c) => at(c.createdAt),
      nowrap: true,
      numeric: true,
    },
    {
      key: "actions",
      header: t("common.actions"),
      cell: (c) =>
        canDecideChangeRequest(actor, c) ? (
          <DecisionButtons id={c.id} />
        ) : (
          <p className="yb-body2">
            {c.makerId === actor.id ? t("rosterUi.changes.own") : t("rosterUi.changes.notChecker")}
          </p>
        ),
      minWidth: 170,
    },
  ];
  return (
    <Section title={t("rosterUi.detail.pending")} subtitle={t("rosterUi.detail.pendingHint")} testId="pending-changes">
      <DataTable
        columns={columns}
        rows={changes}
        rowKey={(c) => c.id}
        label={t("rosterUi.detail.pending")}
        hover={false}
        rowProps={() => ({ "data-testid": "pending-change" })}
      />
    </Section>
  );
}

export function StatusEventsSection({ events, t }: { events: StatusEvent[]; t: Translate }) {
  const columns: Column<StatusEvent>[] = [
    {
      key: "effectiveOn",
      header: t("rosterUi.detail.effectiveOn"),
      cell: (e) => e.effectiveOn,
      nowrap: true,
      numeric: true,
    },
    { key: "status", header: t("rosterUi.detail.status"), cell: (e) => <StatusTag status={e.status} t={t} /> },
    { key: "reason", header: t("rosterUi.detail.reason"), cell: (e) => reasonText(t, e.reason), minWidth: 160 },
    { key: "by", header: t("rosterUi.detail.by"), cell: (e) => e.actorName, nowrap: true },
    { key: "at", header: t("rosterUi.detail.at"), cell: (e) => at(e.at), nowrap: true, numeric: true },
  ];
  return (
    <Section title={t("rosterUi.detail.statusEvents")} testId="status-events">
      <DataTable
        columns={columns}
        rows={events}
        rowKey={(_, i) => String(i)}
        label={t("rosterUi.detail.statusEvents")}
        hover={false}
      />
    </Section>
  );
}

function historyColumns(t: Translate, locale: string): Column<HistoryEntry>[] {
  return [
    { key: "at", header: t("rosterUi.detail.at"), cell: (h) => at(h.at), nowrap: true, numeric: true, width: 150 },
    {
      key: "field",
      header: t("rosterUi.detail.field"),
      cell: (h) => fieldLabel(t, h.field, locale),
      rowHeader: true,
      width: 150,
      minWidth: 100,
    },
    {
      key: "before",
      header: t("rosterUi.detail.before"),
      cell: (h) =>
        h.field === "*" ? (
          "—"
        ) : (
          <span className={h.before === null ? undefined : s.before}>{formatValue(t, h.field, h.before, locale)}</span>
        ),
      minWidth: 140,
    },
    {
      key: "after",
      header: t("rosterUi.detail.after"),
      cell: (h) => <span className={s.after}>{formatValue(t, h.field, h.after, locale)}</span>,
      minWidth: 140,
    },
    {
      key: "actor",
      header: t("rosterUi.detail.actor"),
      cell: (h) => (
        <>
          {h.actorName}
          {h.requestedBy && (
            <div className="yb-caption">{t("rosterUi.detail.requestedBy", { name: h.requestedBy })}</div>
          )}
        </>
      ),
      width: 170,
      minWidth: 140,
    },
    {
      key: "source",
      header: t("rosterUi.detail.source"),
      cell: (h) => (
        <>
          <Tag label={sourceLabel(t, h.source)} variant="outlined" />
          {h.importId && h.source !== "IMPORT" && <div className="yb-caption">{sourceLabel(t, "IMPORT")}</div>}
        </>
      ),
      width: 100,
    },
  ];
}

export function HistorySection({
  history,
  t,
  locale,
}: {
  history: InstitutionPageData["history"];
  t: Translate;
  locale: string;
}) {
  return (
    <Section
      title={t("rosterUi.detail.history")}
      testId="institution-history"
      action={<p className="yb-body2">{t("rosterUi.detail.historyTotal", { count: history.total })}</p>}
    >
      <DataTable
        columns={historyColumns(t, locale)}
        rows={history.items}
        rowKey={(h) => h.id}
        label={t("rosterUi.detail.history")}
        hover={false}
        rowProps={(h) => ({ "data-testid": "history-entry", "data-field": h.field, "data-source": h.source })}
        empty={t("rosterUi.detail.historyEmpty")}
      />
      <UrlPagination
        total={history.total}
        page={history.page}
        pageSize={history.pageSize}
        pageKey="hpage"
        options={[10, 20, 50]}
      />
    </Section>
  );
}
