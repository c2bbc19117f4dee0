"use client";
import Button from "@mui/material/Button";
import { useT } from "@/components/i18n/i18n-provider";
import { FilterBar } from "@/components/ui/filter-bar";
import { RegionPicker } from "@/components/ui/region-picker";

/** The report's period and region (a region or a region group; in the URL, applied as they change) and its exports. */
export function ReportRange({ from, to, region }: { from: string; to: string; region?: string }) {
  const t = useT();
  const query = new URLSearchParams({ from, to, ...(region && { region }) }).toString();
  return (
    <FilterBar
      filters={[
        { kind: "date", name: "from", label: t("complaints.reports.from") },
        { kind: "date", name: "to", label: t("complaints.reports.to") },
        {
          kind: "custom",
          name: "region",
          label: t("complaints.list.region"),
          render: (value, set) => (
            <RegionPicker
              label={t("complaints.list.region")}
              value={value ? { code: value } : null}
              onChange={(o) => set(o?.code ?? "", true)}
              testId="report-region"
              width={220}
              groups
            />
          ),
        },
      ]}
      values={{ from, to, region }}
      reset={false}
      submit={false}
      bare
    >
      <Button sx={{ mt: 1 }} href={`/api/v1/complaints/reports?format=csv&${query}`}>
        {t("complaints.reports.exportCsv")}
      </Button>
      <Button sx={{ mt: 1 }} href={`/api/v1/complaints/reports?format=xlsx&${query}`}>
        {t("complaints.reports.exportXlsx")}
      </Button>
    </FilterBar>
  );
}
