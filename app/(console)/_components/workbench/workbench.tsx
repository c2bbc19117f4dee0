// The workbench's sections: one per role the user holds, each figure a StatCard linking to the
// list filtered to exactly those records (decision 016). Server component.
import { Section, StatCard } from "@/components/ui/section";
import { DataTable } from "@/components/ui/data-table";
import { Tag, TagLink, Tags } from "@/components/ui/tag";
import { TextLink } from "@/components/ui/links";
import type { Translate } from "@/lib/i18n";
import { EXPIRY_WINDOWS } from "@/lib/agreements/codes";
import type { Workbench as Work } from "@/lib/workbench/queries";
import { formatDateTime } from "../date-time";
import css from "./workbench.module.css";

const STATE_COLOR = { RUNNING: "info", DONE: "success", FAILED: "error" } as const;

/** The list behind each figure: the lists' own URL filters. */
export function workbenchLinks(regionCode: string, days: number) {
  return {
    overdue: "/complaints?queue=OVERDUE&owner=BUREAU",
    dueToday: "/complaints?queue=TODAY&owner=BUREAU",
    awaiting: "/complaints?queue=AWAITING",
    bureauOpen: "/complaints?queue=BUREAU",
    unread: "/complaints",
    roster: "/facilities/changes?maker=OTHERS",
    expiring: `/agreements/expiring?days=${days}&party=${regionCode}`,
    drafts: `/agreements?status=DRAFT&party=${regionCode}`,
    imports: "/statistics/import",
    downtimes: `/complaints/downtimes?region=${regionCode}`,
  };
}

function Stats({ children }: { children: React.ReactNode }) {
  return <div className={css.stats}>{children}</div>;
}

export function Workbench({ work, t, regionCode, regionName }: { work: Work; t: Translate; regionCode: string; regionName: string }) {
  const days = work.agreements?.days ?? 60;
  const href = workbenchLinks(regionCode, days);
  const unit = t("workbench.unit");
  const stat = (key: string, value: number, label: string, note: string, link: string) => (
    <StatCard key={key} testId={`wb-${key}`} label={label} value={value} unit={unit} note={note} href={link} />
  );
  const empty = !work.complaints && !work.roster && !work.agreements && !work.imports && !work.downtimes;
  return (
    <div className={css.workbench} data-testid="workbench">
      <h2 className={css.heading}>{t("workbench.title")}</h2>
      {empty && <p className="yb-body2">{t("workbench.nothing")}</p>}
      {work.complaints && (
        <Section title={t("workbench.complaints.title")} subtitle={t("workbench.complaints.subtitle")} testId="wb-complaints">
          <Stats>
            {stat("overdue", work.complaints.overdue, t("workbench.complaints.overdue"), t("workbench.complaints.overdueNote"), href.overdue)}
            {stat("due-today", work.complaints.dueToday, t("workbench.complaints.dueToday"), t("workbench.complaints.dueTodayNote"), href.dueToday)}
            {stat("awaiting", work.complaints.awaiting, t("workbench.complaints.awaiting"), t("workbench.complaints.awaitingNote"), href.awaiting)}
            {stat("bureau-open", work.complaints.bureauOpen, t("workbench.complaints.bureauOpen"), t("workbench.complaints.bureauOpenNote"), href.bureauOpen)}
            {stat("unread", work.complaints.unread, t("workbench.complaints.unread"), t("workbench.complaints.unreadNote"), href.unread)}
          </Stats>
        </Section>
      )}
      {work.roster && (
        <Section title={t("workbench.roster.title")} subtitle={t("workbench.roster.subtitle")} testId="wb-roster">
          <Stats>{stat("roster-review", work.roster.awaitingReview, t("workbench.roster.awaiting"), t("workbench.roster.awaitingNote", { pending: work.roster.pending }), href.roster)}</Stats>
        </Section>
      )}
      {work.agreements && (
        <Section
          title={t("workbench.agreements.title")}
          subtitle={t("workbench.agreements.subtitle", { region: regionName })}
          testId="wb-agreements"
          action={
            <Tags>
              {EXPIRY_WINDOWS.map((d) => (
                <TagLink key={d} href={`/?days=${d}`} label={t("workbench.agreements.windowOption", { days: d })} color={d === days ? "primary" : "default"} variant={d === days ? "filled" : "outlined"} aria-current={d === days ? "true" : undefined} data-testid={`wb-window-${d}`} />
              ))}
            </Tags>
          }
        >
          <Stats>
            {stat("expiring", work.agreements.expiring, t("workbench.agreements.expiring", { days }), t("workbench.agreements.expiringNote", { days }), href.expiring)}
            {stat("drafts", work.agreements.drafts, t("workbench.agreements.drafts"), t("workbench.agreements.draftsNote"), href.drafts)}
          </Stats>
        </Section>
      )}
      {work.imports && (
        <Section
          title={t("workbench.imports.title")}
          subtitle={t("workbench.imports.subtitle")}
          testId="wb-imports"
          action={<TextLink href={href.imports}>{t("workbench.imports.open")}</TextLink>}
        >
          <DataTable
            label={t("workbench.imports.title")}
            testId="wb-imports-table"
            hover={false}
            rows={work.imports}
            rowKey={(r) => String(r.id)}
            empty={t("workbench.imports.empty")}
            columns={[
              { key: "batch", header: t("workbench.imports.batch"), nowrap: true, cell: (r) => <span title={r.fileName ?? undefined}>{t("workbench.imports.batchNo", { id: r.id })}</span> },
              { key: "startedAt", header: t("workbench.imports.startedAt"), nowrap: true, cell: (r) => formatDateTime(r.startedAt, { seconds: false }) },
              { key: "state", header: t("workbench.imports.state"), cell: (r) => <Tag label={t(`workbench.imports.states.${r.state}`)} color={STATE_COLOR[r.state]} /> },
              { key: "accepted", header: t("workbench.imports.accepted"), align: "right", cell: (r) => r.accepted.toLocaleString("zh-CN") },
              { key: "rejected", header: t("workbench.imports.rejected"), align: "right", cell: (r) => <span data-testid="wb-import-rejected">{r.rejected.toLocaleString("zh-CN")}</span> },
            ]}
          />
        </Section>
      )}
      {work.downtimes && (
        <Section title={t("workbench.downtimes.title")} subtitle={t("workbench.downtimes.subtitle", { region: regionName })} testId="wb-downtimes">
          <Stats>
            {stat("down-now", work.downtimes.current, t("workbench.downtimes.current"), t("workbench.downtimes.currentNote"), href.downtimes)}
            {stat("down-next", work.downtimes.upcoming, t("workbench.downtimes.upcoming"), t("workbench.downtimes.upcomingNote"), href.downtimes)}
          </Stats>
        </Section>
      )}
    </div>
  );
}
