import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import { DataTable } from "@/components/ui/data-table";
import { ScopeSwitch } from "@/components/ui/scope-switch";
import { UrlPagination } from "@/components/ui/url-pagination";
import { first, jurisdiction, NATIONAL, pickParams, readPage, type RawParams } from "@/components/ui/url-query";
import { Tag } from "@/components/ui/tag";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import type { Translate } from "@/lib/i18n";
import type { Actor } from "@/lib/auth/actor";
import { canHandleComplaints } from "@/lib/auth/policy";
import { beijingDay } from "@/lib/complaints/codes";
import { regionNames } from "@/lib/regions/names";
import { calendarMonth, listDowntimes, pageDowntimes, type DowntimeView } from "@/lib/complaints/queries";
import { formatDateTime } from "../../_components/date-time";
import s from "../_components/complaints.module.css";
import { ComplaintsNav } from "../_components/complaints-nav";
import { DowntimeCalendar, monthBounds } from "./_components/downtime-calendar";
import { DowntimeDialog } from "./_components/downtime-dialog";
import { DowntimeFilters } from "./_components/downtime-filters";

export async function generateMetadata() {
  return { title: (await getT())("complaints.downtime.title") };
}

type When = "current" | "upcoming" | "recent";
type WindowPage = Awaited<ReturnType<typeof pageDowntimes>>;
const PAGE_SIZE = 20;

function WindowTable({
  rows,
  t,
  testId,
  label,
}: {
  rows: DowntimeView[];
  t: Translate;
  testId: string;
  label: string;
}) {
  if (rows.length === 0) return <p className={`yb-body1 ${s.pad}`}>{t("complaints.downtime.none")}</p>;
  return (
    <DataTable
      label={label}
      testId={testId}
      hover={false}
      rows={rows}
      rowKey={(w) => w.id}
      rowProps={() => ({ "data-testid": "downtime-row" })}
      columns={[
        {
          key: "region",
          header: t("complaints.downtime.region"),
          nowrap: true,
          cell: (w) => (
            <>
              {w.region.name} <code className="yb-caption">{w.region.code}</code>
            </>
          ),
        },
        {
          key: "kind",
          header: t("complaints.downtime.kindLabel"),
          cell: (w) => (
            <Tag
              label={t(`complaints.downtime.kind.${w.kind}`)}
              color={w.kind === "UNPLANNED" ? "error" : "info"}
              variant="outlined"
            />
          ),
        },
        {
          key: "start",
          header: t("complaints.downtime.start"),
          nowrap: true,
          cell: (w) => formatDateTime(w.startsAt, { seconds: false }),
        },
        {
          key: "end",
          header: t("complaints.downtime.end"),
          nowrap: true,
          cell: (w) => formatDateTime(w.endsAt, { seconds: false }),
        },
        {
          key: "services",
          header: t("complaints.downtime.services"),
          cell: (w) => w.services.map((v) => t(`complaints.service.${v}`)).join("、"),
        },
        { key: "reason", header: t("complaints.downtime.reason"), cell: (w) => w.reason },
        { key: "by", header: t("complaints.downtime.by"), cell: (w) => w.createdByName },
      ]}
    />
  );
}

/** One list's page from the URL (`currentPage`, `upcomingPage`, `recentPage`); a page past the end (after a region change) falls back to the last. */
async function windowPage(
  actor: Actor,
  when: When,
  region: string | undefined,
  sp: RawParams,
  now: Date,
): Promise<WindowPage> {
  const order = when === "recent" ? "desc" : "asc"; // the latest past window first
  const pageSize = Math.min(200, readPage(sp, `${when}PageSize`, PAGE_SIZE));
  const page = readPage(sp, `${when}Page`);
  const filter = { when: when.toUpperCase(), region, pageSize }; // the API's value; the lower-case name keys the URL and the labels
  const got = await pageDowntimes(actor, { ...filter, page }, now, order);
  if (got.items.length > 0 || page === 1 || got.total === 0) return got;
  return pageDowntimes(actor, { ...filter, page: Math.ceil(got.total / pageSize) }, now, order);
}

function WindowSection({ when, title, list, t }: { when: When; title: string; list: WindowPage; t: Translate }) {
  return (
    <Paper sx={{ overflow: "auto" }}>
      <h4 className={`yb-h4 ${s.sectionTitle}`}>
        {title} ({list.total})
      </h4>
      <WindowTable rows={list.items} t={t} testId={`downtimes-${when}`} label={title} />
      {list.total > Math.min(PAGE_SIZE, list.pageSize) && (
        <UrlPagination total={list.total} page={list.page} pageSize={list.pageSize} pageKey={`${when}Page`} />
      )}
    </Paper>
  );
}

export default async function DowntimesPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const actor = await requireArea("complaints");
  const [t, locale, sp] = await Promise.all([getT(), getLocale(), searchParams]);
  // Opens on the bureau's own region (the workbench's figures count the same); ?region=all widens.
  const raw = first(sp, "region");
  const scope = jurisdiction(raw && (raw === NATIONAL || /^\d{6}$/.test(raw)) ? raw : undefined, actor.regionCode);
  const region = scope.region;
  const now = new Date();
  const month = beijingDay(now).slice(0, 7);
  const [current, upcoming, recent, days, inMonth] = await Promise.all([
    windowPage(actor, "current", region, sp, now),
    windowPage(actor, "upcoming", region, sp, now),
    windowPage(actor, "recent", region, sp, now),
    calendarMonth(actor.regionCode, month),
    listDowntimes(actor, { region, ...monthBounds(month) }, now),
  ]);
  const chosenName = region && !scope.isOwn ? (await regionNames([region])).get(region) : undefined;
  const lists = { current, upcoming, recent };

  return (
    <>
      <PageHeader
        title={t("complaints.downtime.title")}
        subtitle={t("complaints.downtime.subtitle")}
        actions={
          canHandleComplaints(actor) ? (
            <DowntimeDialog defaultRegion={actor.regionCode === "000000" ? "" : actor.regionCode} />
          ) : undefined
        }
      />
      <ComplaintsNav current="/complaints/downtimes" t={t} canCreate={canHandleComplaints(actor)} />
      <Paper sx={{ mb: 2 }}>
        <ScopeSwitch
          t={t}
          pathname="/complaints/downtimes"
          query={pickParams(sp, ["region"])}
          ownName={actor.regionName}
          national={scope.national}
          isOwn={scope.isOwn}
          chosenName={chosenName}
        />
        <DowntimeFilters region={scope.national ? undefined : region} />
      </Paper>
      <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", xl: "3fr 2fr" }, gap: 2, alignItems: "start" }}>
        <Box sx={{ display: "grid", gap: 2 }}>
          {(["current", "upcoming", "recent"] as const).map((when) => (
            <WindowSection key={when} when={when} title={t(`complaints.downtime.${when}`)} list={lists[when]} t={t} />
          ))}
        </Box>
        <DowntimeCalendar month={month} days={days} windows={inMonth} now={now} locale={locale} t={t} />
      </Box>
    </>
  );
}
