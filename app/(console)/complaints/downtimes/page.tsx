import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import { DataTable } from "@/components/ui/data-table";
import { ScopeSwitch } from "@/components/ui/scope-switch";
import { first, jurisdiction, NATIONAL, pickParams, type RawParams } from "@/components/ui/url-query";
import { Tag } from "@/components/ui/tag";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import type { Translate } from "@/lib/i18n";
import { canHandleComplaints } from "@/lib/auth/policy";
import { beijingDay, beijingDayStart } from "@/lib/complaints/codes";
import { regionNames } from "@/lib/regions/names";
import { calendarMonth, listDowntimes, type DowntimeView } from "@/lib/complaints/queries";
import { formatDateTime } from "../../_components/date-time";
import s from "../_components/complaints.module.css";
import { ComplaintsNav } from "../_components/complaints-nav";
import { DowntimeDialog } from "./_components/downtime-dialog";
import { DowntimeFilters } from "./_components/downtime-filters";

export async function generateMetadata() {
  return { title: (await getT())("complaints.downtime.title") };
}

/** A day's shade by its kind in the bureau's calendar (was bgcolor per day: a class each now). */
const SHADE: Record<string, string | undefined> = {
  WORKDAY: s.workday,
  WEEKEND: s.weekend,
  HOLIDAY: s.off,
  MAKEUP_WORKDAY: s.makeup,
  OVERRIDE_WORKDAY: s.makeup,
  OVERRIDE_OFF: s.off,
};

function WindowTable({ rows, t, testId, label }: { rows: DowntimeView[]; t: Translate; testId: string; label: string }) {
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
        { key: "kind", header: t("complaints.downtime.kindLabel"), cell: (w) => <Tag label={t(`complaints.downtime.kind.${w.kind}`)} color={w.kind === "UNPLANNED" ? "error" : "info"} variant="outlined" /> },
        { key: "start", header: t("complaints.downtime.start"), nowrap: true, cell: (w) => formatDateTime(w.startsAt, { seconds: false }) },
        { key: "end", header: t("complaints.downtime.end"), nowrap: true, cell: (w) => formatDateTime(w.endsAt, { seconds: false }) },
        { key: "services", header: t("complaints.downtime.services"), cell: (w) => w.services.map((v) => t(`complaints.service.${v}`)).join("、") },
        { key: "reason", header: t("complaints.downtime.reason"), cell: (w) => w.reason },
        { key: "by", header: t("complaints.downtime.by"), cell: (w) => w.createdByName },
      ]}
    />
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
  const monthStart = `${month}-01`;
  const [current, upcoming, recent, days, inMonth] = await Promise.all([
    listDowntimes(actor, { when: "CURRENT", region }, now),
    listDowntimes(actor, { when: "UPCOMING", region }, now),
    listDowntimes(actor, { when: "RECENT", region }, now),
    calendarMonth(actor.regionCode, month),
    listDowntimes(actor, { region, from: monthStart, to: `${month}-${String(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()).padStart(2, "0")}` }, now),
  ]);
  const chosenName = region && !scope.isOwn ? (await regionNames([region])).get(region) : undefined;
  const lead = (new Date(`${monthStart}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday first
  const today = beijingDay(now);
  const windowsOn = (day: string) => {
    const start = beijingDayStart(day).getTime();
    return inMonth.filter((w) => w.startsAt.getTime() < start + 86_400_000 && w.endsAt.getTime() > start);
  };
  const weekdays = locale === "zh-CN" ? ["一", "二", "三", "四", "五", "六", "日"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

  return (
    <>
      <PageHeader title={t("complaints.downtime.title")} subtitle={t("complaints.downtime.subtitle")} actions={canHandleComplaints(actor) ? <DowntimeDialog defaultRegion={actor.regionCode === "000000" ? "" : actor.regionCode} /> : undefined} />
      <ComplaintsNav current="/complaints/downtimes" t={t} canCreate={canHandleComplaints(actor)} />
      <Paper sx={{ mb: 2 }}>
        <ScopeSwitch t={t} pathname="/complaints/downtimes" query={pickParams(sp, ["region"])} ownName={actor.regionName} national={scope.national} isOwn={scope.isOwn} chosenName={chosenName} />
        <DowntimeFilters region={scope.national ? undefined : region} />
      </Paper>
      <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", xl: "3fr 2fr" }, gap: 2, alignItems: "start" }}>
        <Box sx={{ display: "grid", gap: 2 }}>
          {[
            { title: t("complaints.downtime.current"), rows: current, id: "downtimes-current" },
            { title: t("complaints.downtime.upcoming"), rows: upcoming, id: "downtimes-upcoming" },
            { title: t("complaints.downtime.recent"), rows: recent.slice().reverse(), id: "downtimes-recent" },
          ].map((w) => (
            <Paper key={w.id} sx={{ overflow: "auto" }}>
              <h4 className={`yb-h4 ${s.sectionTitle}`}>
                {w.title} ({w.rows.length})
              </h4>
              <WindowTable rows={w.rows} t={t} testId={w.id} label={w.title} />
            </Paper>
          ))}
        </Box>
        <Paper sx={{ p: 2 }} data-testid="downtime-calendar">
          <h4 className={`yb-h4 ${s.title}`}>{t("complaints.downtime.calendar", { month })}</h4>
          <div className={s.calendar}>
            {weekdays.map((w) => (
              <span key={w} className={`yb-caption ${s.center}`}>
                {w}
              </span>
            ))}
            {Array.from({ length: lead }, (_, i) => (
              <div key={`lead-${i}`} />
            ))}
            {days.map((d) => {
              const ws = windowsOn(d.day);
              const isToday = d.day === today;
              return (
                <div
                  key={d.day}
                  title={ws.map((w) => `${w.region.name} ${formatDateTime(w.startsAt, { seconds: false })}–${formatDateTime(w.endsAt, { seconds: false })}`).join("\n")}
                  className={`${s.day} ${SHADE[d.kind]}${isToday ? ` ${s.today}` : ""}`}
                >
                  <span className={isToday ? `yb-caption ${s.todayNumber}` : "yb-caption"}>{Number(d.day.slice(8))}</span>
                  {ws.slice(0, 2).map((w) => (
                    <div key={w.id} className={w.kind === "UNPLANNED" ? `${s.window} ${s.unplanned}` : s.window}>
                      {w.region.name}
                    </div>
                  ))}
                  {ws.length > 2 && <div className={s.more}>+{ws.length - 2}</div>}
                </div>
              );
            })}
          </div>
          <div className={s.legend}>
            {(["WORKDAY", "WEEKEND", "HOLIDAY", "MAKEUP_WORKDAY"] as const).map((k) => (
              <div key={k} className={s.legendItem}>
                <div className={`${s.swatch} ${SHADE[k]}`} />
                <span className="yb-caption">{t(`complaints.downtime.legend.${k}`)}</span>
              </div>
            ))}
          </div>
        </Paper>
      </Box>
    </>
  );
}
