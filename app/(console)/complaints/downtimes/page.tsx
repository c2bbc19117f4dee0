import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import type { Translate } from "@/lib/i18n";
import { canHandleComplaints } from "@/lib/auth/policy";
import { beijingDay, beijingDayStart } from "@/lib/complaints/codes";
import { calendarMonth, listDowntimes, type DowntimeView } from "@/lib/complaints/queries";
import { formatDateTime } from "../../_components/date-time";
import { ComplaintsNav } from "../_components/complaints-nav";
import { DowntimeDialog } from "./_components/downtime-dialog";

export async function generateMetadata() {
  return { title: (await getT())("complaints.downtime.title") };
}

const SHADE: Record<string, string> = {
  WORKDAY: "background.paper",
  WEEKEND: "grey.100",
  HOLIDAY: "#fde8e8",
  MAKEUP_WORKDAY: "#e6f0fb",
  OVERRIDE_WORKDAY: "#e6f0fb",
  OVERRIDE_OFF: "#fde8e8",
};

function WindowTable({ rows, t, testId }: { rows: DowntimeView[]; t: Translate; testId: string }) {
  if (rows.length === 0) return <Typography color="text.secondary" sx={{ p: 2 }}>{t("complaints.downtime.none")}</Typography>;
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{t("complaints.downtime.region")}</TableCell>
          <TableCell>{t("complaints.downtime.kindLabel")}</TableCell>
          <TableCell>{t("complaints.downtime.start")}</TableCell>
          <TableCell>{t("complaints.downtime.end")}</TableCell>
          <TableCell>{t("complaints.downtime.services")}</TableCell>
          <TableCell>{t("complaints.downtime.reason")}</TableCell>
          <TableCell>{t("complaints.downtime.by")}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((w) => (
          <TableRow key={w.id} data-testid="downtime-row">
            <TableCell sx={{ whiteSpace: "nowrap" }}>
              {w.region.name} <Typography component="span" variant="caption" color="text.secondary">{w.region.code}</Typography>
            </TableCell>
            <TableCell>
              <Chip size="small" label={t(`complaints.downtime.kind.${w.kind}`)} color={w.kind === "UNPLANNED" ? "error" : "info"} variant="outlined" />
            </TableCell>
            <TableCell sx={{ whiteSpace: "nowrap" }}>{formatDateTime(w.startsAt, { seconds: false })}</TableCell>
            <TableCell sx={{ whiteSpace: "nowrap" }}>{formatDateTime(w.endsAt, { seconds: false })}</TableCell>
            <TableCell>{w.services.map((s) => t(`complaints.service.${s}`)).join("、")}</TableCell>
            <TableCell>{w.reason}</TableCell>
            <TableCell>{w.createdByName}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export default async function DowntimesPage() {
  const actor = await requireArea("complaints");
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const now = new Date();
  const month = beijingDay(now).slice(0, 7);
  const monthStart = `${month}-01`;
  const [current, upcoming, recent, days, inMonth] = await Promise.all([
    listDowntimes(actor, { when: "current" }, now),
    listDowntimes(actor, { when: "upcoming" }, now),
    listDowntimes(actor, { when: "recent" }, now),
    calendarMonth(actor.regionCode, month),
    listDowntimes(actor, { from: monthStart, to: `${month}-${String(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()).padStart(2, "0")}` }, now),
  ]);
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
      <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", xl: "3fr 2fr" }, gap: 2, alignItems: "start" }}>
        <Box sx={{ display: "grid", gap: 2 }}>
          {[
            { title: t("complaints.downtime.current"), rows: current, id: "downtimes-current" },
            { title: t("complaints.downtime.upcoming"), rows: upcoming, id: "downtimes-upcoming" },
            { title: t("complaints.downtime.recent"), rows: recent.slice().reverse(), id: "downtimes-recent" },
          ].map((s) => (
            <Paper key={s.id} sx={{ overflow: "auto" }}>
              <Typography variant="h4" sx={{ p: 2, pb: 1 }}>
                {s.title} ({s.rows.length})
              </Typography>
              <WindowTable rows={s.rows} t={t} testId={s.id} />
            </Paper>
          ))}
        </Box>
        <Paper sx={{ p: 2 }} data-testid="downtime-calendar">
          <Typography variant="h4" gutterBottom>
            {t("complaints.downtime.calendar", { month })}
          </Typography>
          <Box sx={{ display: "grid", gridTemplateColumns: "repeat(7, 1fr)", gap: 0.5 }}>
            {weekdays.map((w) => (
              <Typography key={w} variant="caption" color="text.secondary" sx={{ textAlign: "center" }}>
                {w}
              </Typography>
            ))}
            {Array.from({ length: lead }, (_, i) => (
              <Box key={`lead-${i}`} />
            ))}
            {days.map((d) => {
              const ws = windowsOn(d.day);
              return (
                <Box
                  key={d.day}
                  title={ws.map((w) => `${w.region.name} ${formatDateTime(w.startsAt, { seconds: false })}–${formatDateTime(w.endsAt, { seconds: false })}`).join("\n")}
                  sx={{ bgcolor: SHADE[d.kind], border: 1, borderColor: d.day === today ? "primary.main" : "divider", borderRadius: 1, minHeight: 64, p: 0.5 }}
                >
                  <Typography variant="caption" sx={{ fontWeight: d.day === today ? 700 : 400 }}>
                    {Number(d.day.slice(8))}
                  </Typography>
                  {ws.slice(0, 2).map((w) => (
                    <Box key={w.id} sx={{ fontSize: 11, lineHeight: 1.3, color: w.kind === "UNPLANNED" ? "error.main" : "info.dark", overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis" }}>
                      {w.region.name}
                    </Box>
                  ))}
                  {ws.length > 2 && <Box sx={{ fontSize: 11 }}>+{ws.length - 2}</Box>}
                </Box>
              );
            })}
          </Box>
          <Box sx={{ display: "flex", gap: 1.5, flexWrap: "wrap", mt: 1.5 }}>
            {(["WORKDAY", "WEEKEND", "HOLIDAY", "MAKEUP_WORKDAY"] as const).map((k) => (
              <Box key={k} sx={{ display: "flex", alignItems: "center", gap: 0.5 }}>
                <Box sx={{ width: 14, height: 14, bgcolor: SHADE[k], border: 1, borderColor: "divider" }} />
                <Typography variant="caption">{t(`complaints.downtime.legend.${k}`)}</Typography>
              </Box>
            ))}
          </Box>
        </Paper>
      </Box>
    </>
  );
}
