// The checker's inbox: change requests of the actor's bureau (maker-checker), pending first;
// ?state=APPROVED|REJECTED shows decided ones; ?maker=OTHERS those the actor may decide (the
// workbench's figure), ?maker=ME the actor's own. Roster managers only.
// The list is plain markup with the kit's classes and tags (changes.module.css), not a styled
// MUI element per cell; Typography's color="text.secondary" had no effect in MUI 9, so those
// texts keep the inherited colour they rendered with.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Paper from "@mui/material/Paper";
import { DataTable, type Column } from "@/components/ui/data-table";
import { RowLink } from "@/components/ui/row-link";
import { Tag } from "@/components/ui/tag";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import type { Actor } from "@/lib/auth/actor";
import type { Locale, Translate } from "@/lib/i18n";
import { canDecideChangeRequest, hasRole } from "@/lib/auth/policy";
import { listChangeRequests } from "@/lib/facilities/change-requests";
import { formatDateTime } from "../../_components/date-time";
import { RosterTabs } from "../_components/roster-tabs";
import { DecisionButtons } from "../_components/decision-buttons";
import { changeSummary } from "../_components/history-format";
import { UrlPagination } from "@/components/ui/url-pagination";
import { SavedNotice, savedOutcome } from "../_components/saved-notice";
import { pick, type RawParams } from "../_components/params";
import { ChangesFilters } from "./_components/changes-filters";
import s from "./changes.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("rosterUi.changes.title") };
}

const STATES = ["PENDING", "APPROVED", "REJECTED"] as const;
const STATE_COLOR = { PENDING: "warning", APPROVED: "success", REJECTED: "error" } as const;
type State = (typeof STATES)[number];

type Change = Awaited<ReturnType<typeof listChangeRequests>>["items"][number];

function outcome(c: Change, actor: Actor, t: Translate) {
  if (c.state !== "PENDING") {
    return (
      <div>
        <Tag label={t(`facilities.changeStates.${c.state}`)} color={STATE_COLOR[c.state]} variant="outlined" />
        <div className="yb-caption">
          {t("rosterUi.changes.decided", {
            name: c.checkerName ?? "—",
            at: formatDateTime(c.decidedAt, { seconds: false }),
          })}
        </div>
        {c.comment && <p className="yb-body2">{c.comment}</p>}
      </div>
    );
  }
  if (canDecideChangeRequest(actor, c)) return <DecisionButtons id={c.id} />;
  return (
    <p className="yb-body2">{c.makerId === actor.id ? t("rosterUi.changes.own") : t("rosterUi.changes.notChecker")}</p>
  );
}

/** The inbox's columns; the last one decides (pending) or shows the decision. */
function changeColumns(t: Translate, locale: Locale, actor: Actor, state: State): Column<Change>[] {
  return [
    {
      key: "kind",
      header: t("rosterUi.changes.kind"),
      nowrap: true,
      cell: (c) => <Tag label={t(`facilities.changeKinds.${c.kind}`)} variant="outlined" />,
    },
    {
      key: "institution",
      header: t("rosterUi.changes.institution"),
      nowrap: true,
      cell: (c) =>
        c.code && c.kind !== "CREATE" ? (
          <RowLink href={`/facilities/${c.code}`}>{c.institutionName ?? c.code}</RowLink>
        ) : (
          (c.code ?? "—")
        ),
    },
    {
      key: "summary",
      header: t("rosterUi.changes.summary"),
      minWidth: 240,
      cell: (c) => <span className={s.summary}>{changeSummary(t, c.kind, c.summary, c.payload, locale) || "—"}</span>,
    },
    { key: "maker", header: t("rosterUi.changes.maker"), nowrap: true, cell: (c) => c.makerName },
    {
      key: "createdAt",
      header: t("rosterUi.changes.createdAt"),
      nowrap: true,
      cell: (c) => formatDateTime(c.createdAt, { seconds: false }),
    },
    {
      key: "outcome",
      header: state === "PENDING" ? t("common.actions") : t("rosterUi.changes.states"),
      cell: (c) => outcome(c, actor, t),
    },
  ];
}

export default async function ChangesPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const actor = await requireArea("facilities");
  if (!hasRole(actor, "ROSTER_MANAGER")) notFound();
  const [t, locale, sp] = await Promise.all([getT(), getLocale(), searchParams]);
  const q = pick(sp, ["state", "maker", "cpage", "cpageSize", "saved"]);
  const state = (STATES as readonly string[]).includes(q.state ?? "") ? (q.state as State) : "PENDING";
  const maker = q.maker === "OTHERS" || q.maker === "ME" ? q.maker : undefined;
  const page = await listChangeRequests(actor, {
    state,
    maker,
    page: Number(q.cpage) || 1,
    pageSize: Math.min(200, Number(q.cpageSize) || 20),
  });
  return (
    <>
      <PageHeader title={t("facilities.title")} subtitle={t("rosterUi.changes.subtitle")} />
      <RosterTabs manager />
      <SavedNotice outcome={savedOutcome(q.saved)} t={t} />
      <Paper>
        <ChangesFilters values={{ state, maker }} states={STATES} />
        <DataTable
          label={t("rosterUi.changes.title")}
          testId="change-requests"
          className={s.changes}
          hover={false}
          rows={page.items}
          rowKey={(c) => c.id}
          rowProps={() => ({ className: s.top, "data-testid": "change-request" })}
          empty={t("rosterUi.changes.empty")}
          columns={changeColumns(t, locale, actor, state)}
        />
        <UrlPagination
          total={page.total}
          page={page.page}
          pageSize={page.pageSize}
          pageKey="cpage"
          options={[20, 50, 100]}
        />
      </Paper>
    </>
  );
}
