// Region pairs linked by agreements in force on a date: rows home regions, columns visit regions.
import type { Metadata } from "next";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Tooltip from "@mui/material/Tooltip";
import { PageHeader } from "@/components/layout/page-header";
import { Tag, TagLink } from "@/components/ui/tag";
import { DataTable, type Column } from "@/components/ui/data-table";
import { FilterBar } from "@/components/ui/filter-bar";
import { getT } from "@/components/i18n/server";
import { regionPairMatrix } from "@/lib/agreements/queries";
import { parseDate, todayCn } from "@/lib/facilities/codes";
import { AgreementTabs } from "../_components/agreement-tabs";
import { requireAgreementsArea } from "../_components/guard";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("agreements.matrix.title") };
}

const TYPE_COLOR = {
  DESIGNATION: "primary",
  MUTUAL_RECOGNITION: "success",
  FILING_FREE: "secondary",
  PHARMACY_PILOT: "info",
  LTC_EXTENSION: "warning",
  OTHER: "default",
} as const;

export default async function MatrixPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireAgreementsArea();
  const [sp, t] = await Promise.all([searchParams, getT()]);
  const raw = Array.isArray(sp.date) ? sp.date[0] : sp.date;
  const date = raw && parseDate(raw) === raw ? raw : todayCn();
  const m = await regionPairMatrix(actor, date);
  const cell = (home: string, visit: string) => m.cells.find((c) => c.home === home && c.visit === visit);

  return (
    <>
      <PageHeader title={t("agreements.matrix.title")} subtitle={t("agreements.matrix.subtitle", { date })} />
      <AgreementTabs />
      <Paper>
        <FilterBar
          filters={[{ kind: "date", name: "date", label: t("agreements.matrix.date") }]}
          values={{ date }}
          reset={false}
          submit={false}
        />
        <DataTable
          label={t("agreements.matrix.title")}
          testId="region-matrix"
          className="yb-grid"
          hover={false}
          rows={m.regions}
          rowKey={(h) => h.code}
          rowProps={(h) => ({ "data-home": h.code })}
          columns={[
            { key: "home", header: t("agreements.matrix.home"), cell: (h) => h.name, rowHeader: true, nowrap: true },
            ...m.regions.map((v): Column<(typeof m.regions)[number]> => ({
              key: v.code,
              header: v.name,
              align: "center",
              nowrap: true,
              cellProps: () => ({ "data-visit": v.code }),
              style: (h) =>
                h.code === v.code ? { minWidth: 90, backgroundColor: "var(--yb-hover)" } : { minWidth: 90 },
              cell: (h) => {
                const c = h.code === v.code ? undefined : cell(h.code, v.code);
                return (
                  c && (
                    <span className="yb-stack">
                      {c.agreements.map((a) => (
                        <Tooltip key={a.id} title={`${a.title} · ${t(`agreements.types.${a.type}`)}`}>
                          <TagLink
                            href={`/agreements/${a.id}`}
                            color={TYPE_COLOR[a.type as keyof typeof TYPE_COLOR]}
                            variant={a.filingFree ? "filled" : "outlined"}
                            label={a.number}
                          />
                        </Tooltip>
                      ))}
                    </span>
                  )
                );
              },
            })),
          ]}
          empty={t("agreements.matrix.empty")}
        />
        <Stack direction="row" spacing={1} useFlexGap sx={{ p: 2, flexWrap: "wrap" }}>
          {Object.entries(TYPE_COLOR).map(([type, color]) => (
            <Tag key={type} variant="outlined" color={color} label={t(`agreements.types.${type}`)} />
          ))}
        </Stack>
      </Paper>
    </>
  );
}
