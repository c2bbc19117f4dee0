// The two reports as the API answers them (ComplaintReport, ComplaintDailyReport in the OpenAPI
// document): region references as `{ code, name }` like every other answer. The pages and the
// stored daily copies keep the internal shape (a stored copy is returned as it was kept), so the
// translation happens here, at the edge, for old and new copies alike.
import type { z } from "zod";
import type { DailyReportData, PairCount } from "./daily-report";
import type { ReportData } from "./reports";
import type { complaintReportSchema, dailyReportSchema } from "./response-schemas";

const pair = ({ homeRegion, homeName, visitRegion, visitName, ...rest }: PairCount) => ({
  homeRegion: { code: homeRegion, name: homeName },
  visitRegion: { code: visitRegion, name: visitName },
  ...rest,
});

export function complaintReportDto(r: ReportData): z.input<typeof complaintReportSchema> {
  return { ...r, rootCausesByPair: r.rootCausesByPair.map(pair) } as z.input<typeof complaintReportSchema>;
}

export function dailyReportDto(d: DailyReportData): z.input<typeof dailyReportSchema> {
  return {
    ...d,
    newByPair: d.newByPair.map(pair),
    overdueByPair: d.overdueByPair.map(pair),
    escalatedByPair: d.escalatedByPair.map(pair),
    failuresByPair: d.failuresByPair?.map(pair) ?? null,
    downtimes: d.downtimes.map(({ regionCode: code, regionName: name, ...w }) => ({ region: { code, name }, ...w })),
  } as z.input<typeof dailyReportSchema>;
}
