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

interface Stat {
  key: string;
  value: number;
  label: string;
  note: string;
  href: string;
}

/** A section's figures: each a StatCard linking to its list. */
function Stats({ stats, unit }: { stats: Stat[]; unit: string }) {
  return (
    <div className={css.stats}>
      {stats.map((s) => (
        <StatCard
          key={s.key}
          testId={`wb-${s.key}`}
          label={s.label}
          value={s.value}
          unit={unit}
          note={s.note}
          href={s.href}
        />
      ))}
    </div>
  );
}

type Links = ReturnType<typeof workbenchLinks>;

function complaintStats(c: NonNullable<Work["complaints"]>, t: Translate, href: Links): Stat[] {
  const stat = (key: string, name: "overdue" | "dueToday" | "awaiting" | "bureauOpen" | "unread"): Stat => ({
    key,
    value: c[name],
    label: t(`workbench.complaints.${name}`),
    note: t(`workbench.complaints.${name}Note`),
    href: href[name],
  });
  return [
    stat("overdue", "overdue"),
    stat("due-today", "dueToday"),
    stat("awaiting", "awaiting"),
    stat("bureau-open", "bureauOpen"),
    stat("unread", "unread"),
  ];
}

function rosterStats(r: NonNullable<Work["roster"]>, t: Translate, href: Links): Stat[] {
  return [
    {
      key: "roster-review",
      value: r.awaitingReview,
      label: t("workbench.roster.awaiting"),
      note: t("workbench.roster.awaitingNote", { pending: r.pending }),
      href: href.roster,
    },
  ];
}

function agreementStats(a: NonNullable<Work["agreements"]>, t: Translate, href: Links): Stat[] {
  const { days } = a;
  return [
    {
      key: "expiring",
      value: a.expiring,
      label: t("workbench.agreements.expiring", { days }),
      note: t("workbench.agreements.expiringNote", { days }),
      href: href.expiring,
    },
    {
      key: "drafts",
      value: a.drafts,
      label: t("workbench.agreements.drafts"),
      note: t("workbench.agreements.draftsNote"),
      href: href.drafts,
    },
  ];
}

function downtimeStats(d: NonNullable<Work["downtimes"]>, t: Translate, href: Links): Stat[] {
  return [
    {
      key: "down-now",
      value: d.current,
      label: t("workbench.downtimes.current"),
      note: t("workbench.downtimes.currentNote"),
      href: href.downtimes,
    },
    {
      key: "down-next",
      value: d.upcoming,
      label: t("workbench.downtimes.upcoming"),
      note: t("workbench.downtimes.upcomingNote"),
      href: href.downtimes,
    },
  ];
}

/** The expiry window choices (30 … 365 days) as tags; the current one filled. */
function WindowTags({ days, t }: { days: number; t: Translate }) {
  return (
    <Tags>
      {EXPIRY_WINDOWS.map((d) => (
        <TagLink
          key={d}
          href={`/?days=${d}`}
          label={t("workbench.agreements.windowOption", { days: d })}
          color={d === days ? "primary" : "default"}
          variant={d === days ? "filled" : "outlined"}
          aria-current={d === days ? "true" : undefined}
          data-testid={`wb-window-${d}`}
        />
      ))}
    </Tags>
  );
}

function ImportsSection({ imports, t, href }: { imports: NonNullable<Work["imports"]>; t: Translate; href: string }) {
  return (
    <Section
      title={t("workbench.imports.title")}
      subtitle={t("workbench.imports.subtitle")}
      testId="wb-imports"
      action={<TextLink href={href}>{t("workbench.imports.open")}</TextLink>}
    >
      <DataTable
        label={t("workbench.imports.title")}
        testId="wb-imports-table"
        hover={false}
        rows={imports}
        rowKey={(r) => String(r.id)}
        empty={t("workbench.imports.empty")}
        columns={[
          {
            key: "batch",
            header: t("workbench.imports.batch"),
            nowrap: true,
            cell: (r) => <span title={r.fileName ?? undefined}>{t("workbench.imports.batchNo", { id: r.id })}</span>,
          },
          {
            key: "startedAt",
            header: t("workbench.imports.startedAt"),
            nowrap: true,
            cell: (r) => formatDateTime(r.startedAt, { seconds: false }),
          },
          {
            key: "state",
            header: t("workbench.imports.state"),
            cell: (r) => <Tag label={t(`workbench.imports.states.${r.state}`)} color={STATE_COLOR[r.state]} />,
          },
          {
            key: "accepted",
            header: t("workbench.imports.accepted"),
            align: "right",
            cell: (r) => r.accepted.toLocaleString("zh-CN"),
          },
          {
            key: "rejected",
            header: t("workbench.imports.rejected"),
            align: "right",
            cell: (r) => <span data-testid="wb-import-rejected">{r.rejected.toLocaleString("zh-CN")}</span>,
          },
        ]}
      />
    </Section>
  );
}

export function Workbench({
  work,
  t,
  regionCode,
  regionName,
}: {
  work: Work;
  t: Translate;
  regionCode: string;
  regionName: string;
}) {
  const days = work.agreements?.days ?? 60;
  const href = workbenchLinks(regionCode, days);
  const unit = t("workbench.unit");
  const empty = !work.complaints && !work.roster && !work.agreements && !work.imports && !work.downtimes;
  return (
    <div className={css.workbench} data-testid="workbench">
      <h2 className={css.heading}>{t("workbench.title")}</h2>
      {empty && <p className="yb-body2">{t("workbench.nothing")}</p>}
      {work.complaints && (
        <Section
          title={t("workbench.complaints.title")}
          subtitle={t("workbench.complaints.subtitle")}
          testId="wb-complaints"
        >
          <Stats unit={unit} stats={complaintStats(work.complaints, t, href)} />
        </Section>
      )}
      {work.roster && (
        <Section title={t("workbench.roster.title")} subtitle={t("workbench.roster.subtitle")} testId="wb-roster">
          <Stats unit={unit} stats={rosterStats(work.roster, t, href)} />
        </Section>
      )}
      {work.agreements && (
        <Section
          title={t("workbench.agreements.title")}
          subtitle={t("workbench.agreements.subtitle", { region: regionName })}
          testId="wb-agreements"
          action={<WindowTags days={days} t={t} />}
        >
          <Stats unit={unit} stats={agreementStats(work.agreements, t, href)} />
        </Section>
      )}
      {work.imports && <ImportsSection imports={work.imports} t={t} href={href.imports} />}
      {work.downtimes && (
        <Section
          title={t("workbench.downtimes.title")}
          subtitle={t("workbench.downtimes.subtitle", { region: regionName })}
          testId="wb-downtimes"
        >
          <Stats unit={unit} stats={downtimeStats(work.downtimes, t, href)} />
        </Section>
      )}
    </div>
  );
}
