"use client";
import Button from "@mui/material/Button";
import { useT } from "@/components/i18n/i18n-provider";
import { FilterBar } from "@/components/ui/filter-bar";

/** The report's period (in the URL, applied as it changes) and its exports. */
export function ReportRange({ from, to }: { from: string; to: string }) {
  const t = useT();
  return (
    <FilterBar
      filters={[
        { kind: "date", name: "from", label: t("complaints.reports.from") },
        { kind: "date", name: "to", label: t("complaints.reports.to") },
      ]}
      values={{ from, to }}
      reset={false}
      submit={false}
      bare
    >
      <Button sx={{ mt: 1 }} href={`/api/v1/complaints/reports?format=csv&from=${from}&to=${to}`}>
        {t("complaints.reports.exportCsv")}
      </Button>
      <Button sx={{ mt: 1 }} href={`/api/v1/complaints/reports?format=xlsx&from=${from}&to=${to}`}>
        {t("complaints.reports.exportXlsx")}
      </Button>
    </FilterBar>
  );
}
