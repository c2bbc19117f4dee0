// The month's working calendar of the bureau with the windows on each day (a server component).
import Paper from "@mui/material/Paper";
import type { Translate } from "@/lib/i18n";
import type { Locale } from "@/lib/i18n";
import { beijingDay, beijingDayStart } from "@/lib/complaints/codes";
import type { DowntimeView } from "@/lib/complaints/queries";
import { formatDateTime } from "../../../_components/date-time";
import s from "../../_components/complaints.module.css";

/** A day's shade by its kind in the bureau's calendar. */
const SHADE: Record<string, string | undefined> = {
  WORKDAY: s.workday,
  WEEKEND: s.weekend,
  HOLIDAY: s.off,
  MAKEUP_WORKDAY: s.makeup,
  OVERRIDE_WORKDAY: s.makeup,
  OVERRIDE_OFF: s.off,
};

const WEEKDAYS: Record<Locale, string[]> = {
  "zh-CN": ["一", "二", "三", "四", "五", "六", "日"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

/** The first and last day (ISO) of a `YYYY-MM` month. */
export function monthBounds(month: string): { from: string; to: string } {
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

function Day({ day, kind, windows, today }: { day: string; kind: string; windows: DowntimeView[]; today: boolean }) {
  const span = (w: DowntimeView) =>
    `${w.region.name} ${formatDateTime(w.startsAt, { seconds: false })}–${formatDateTime(w.endsAt, { seconds: false })}`;
  return (
    <div title={windows.map(span).join("\n")} className={`${s.day} ${SHADE[kind]}${today ? ` ${s.today}` : ""}`}>
      <span className={today ? `yb-caption ${s.todayNumber}` : "yb-caption"}>{Number(day.slice(8))}</span>
      {windows.slice(0, 2).map((w) => (
        <div key={w.id} className={w.kind === "UNPLANNED" ? `${s.window} ${s.unplanned}` : s.window}>
          {w.region.name}
        </div>
      ))}
      {windows.length > 2 && <div className={s.more}>+{windows.length - 2}</div>}
    </div>
  );
}

export function DowntimeCalendar({
  month,
  days,
  windows,
  now,
  locale,
  t,
}: {
  month: string;
  days: { day: string; kind: string }[];
  windows: DowntimeView[];
  now: Date;
  locale: Locale;
  t: Translate;
}) {
  const lead = (new Date(`${month}-01T00:00:00Z`).getUTCDay() + 6) % 7; // Monday first
  const today = beijingDay(now);
  const windowsOn = (day: string) => {
    const start = beijingDayStart(day).getTime();
    return windows.filter((w) => w.startsAt.getTime() < start + 86_400_000 && w.endsAt.getTime() > start);
  };
  return (
    <Paper sx={{ p: 2 }} data-testid="downtime-calendar">
      <h4 className={`yb-h4 ${s.title}`}>{t("complaints.downtime.calendar", { month })}</h4>
      <div className={s.calendar}>
        {WEEKDAYS[locale].map((w) => (
          <span key={w} className={`yb-caption ${s.center}`}>
            {w}
          </span>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`lead-${i}`} />
        ))}
        {days.map((d) => (
          <Day key={d.day} day={d.day} kind={d.kind} windows={windowsOn(d.day)} today={d.day === today} />
        ))}
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
  );
}
