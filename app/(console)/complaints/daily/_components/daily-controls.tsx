"use client";
import { useState } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import TextField from "@mui/material/TextField";
import { useT } from "@/components/i18n/i18n-provider";
import { PrintButton } from "@/components/ui/print-button";
import { useUrlState } from "@/components/ui/use-url-state";

/** Day picker, regenerate, print and export for the daily report. Hidden when printing. */
export function DailyControls({ day }: { day: string }) {
  const t = useT();
  const { update } = useUrlState();
  const [value, setValue] = useState(day);
  return (
    <Box sx={{ display: "flex", gap: 1, alignItems: "center", flexWrap: "wrap", "@media print": { display: "none" } }}>
      <TextField type="date" size="small" label={t("complaints.daily.day")} value={value} onChange={(e) => setValue(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} name="day" />
      <Button variant="contained" onClick={() => update({ day: value })} data-testid="daily-show">
        {t("complaints.daily.show")}
      </Button>
      <Button onClick={() => update({ day: value, regenerate: "true" })}>{t("complaints.daily.regenerate")}</Button>
      <PrintButton label={t("complaints.daily.print")} />
      <Button href={`/api/v1/complaints/daily-report?format=csv&day=${day}`}>{t("complaints.daily.exportCsv")}</Button>
      <Button href={`/api/v1/complaints/daily-report?format=xlsx&day=${day}`}>{t("complaints.daily.exportXlsx")}</Button>
    </Box>
  );
}
