"use client";
import Button from "@mui/material/Button";
import { useT } from "@/components/i18n/i18n-provider";
import { FilterBar } from "@/components/ui/filter-bar";
import { PrintButton } from "@/components/ui/print-button";
import { useUrlState } from "@/components/ui/use-url-state";

/** Day (in the URL), regenerate, print and export for the daily report. Hidden when printing. */
export function DailyControls({ day }: { day: string }) {
  const t = useT();
  const { update } = useUrlState();
  return (
    <div className="yb-no-print">
      <FilterBar
        filters={[{ kind: "date", name: "day", label: t("complaints.daily.day"), testId: "daily-day" }]}
        values={{ day }}
        reset={false}
        submit={false}
        bare
      >
        <Button sx={{ mt: 1 }} onClick={() => update({ day, regenerate: "true" })}>
          {t("complaints.daily.regenerate")}
        </Button>
        <PrintButton label={t("complaints.daily.print")} />
        <Button sx={{ mt: 1 }} href={`/api/v1/complaints/daily-report?format=csv&day=${day}`}>
          {t("complaints.daily.exportCsv")}
        </Button>
        <Button sx={{ mt: 1 }} href={`/api/v1/complaints/daily-report?format=xlsx&day=${day}`}>
          {t("complaints.daily.exportXlsx")}
        </Button>
      </FilterBar>
    </div>
  );
}
