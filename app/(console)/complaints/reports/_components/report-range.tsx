"use client";
import { useState } from "react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import TextField from "@mui/material/TextField";
import { useT } from "@/components/i18n/i18n-provider";
import { useUrlState } from "@/components/ui/use-url-state";

export function ReportRange({ from, to }: { from: string; to: string }) {
  const t = useT();
  const { update } = useUrlState();
  const [f, setF] = useState(from);
  const [tt, setT] = useState(to);
  return (
    <Box sx={{ display: "flex", gap: 1, alignItems: "center", flexWrap: "wrap" }}>
      <TextField type="date" size="small" name="from" label={t("complaints.reports.from")} value={f} onChange={(e) => setF(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      <TextField type="date" size="small" name="to" label={t("complaints.reports.to")} value={tt} onChange={(e) => setT(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      <Button variant="contained" onClick={() => update({ from: f, to: tt })}>
        {t("complaints.reports.apply")}
      </Button>
      <Button href={`/api/v1/complaints/reports?format=csv&from=${from}&to=${to}`}>{t("complaints.reports.exportCsv")}</Button>
      <Button href={`/api/v1/complaints/reports?format=xlsx&from=${from}&to=${to}`}>{t("complaints.reports.exportXlsx")}</Button>
    </Box>
  );
}
