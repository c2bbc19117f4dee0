"use client";
// Sub-regions of the coverage panel: the grouped bars (up to 40 sub-regions) in the kit's
// ChartFrame, with its "view as table" toggle, and the kit's DataTable of institutions by type
// and service. A client component fed plain rows: as server markup every cell went to the
// browser twice (the HTML and the React payload); as data a row is ~60 bytes.
import Link from "next/link";
import { useT } from "@/components/i18n/i18n-provider";
import { INSTITUTION_TYPES, SERVICES } from "@/lib/facilities/codes";
import { ChartFrame, type ChartTable } from "@/components/ui/chart-frame";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import type { Translate } from "@/lib/i18n";
import { CoverageChart } from "./coverage-chart";
import s from "../coverage.module.css";

/** A sub-region's counts; `types` and `services` in INSTITUTION_TYPES and SERVICES order. */
export interface ChildRow {
  code: string;
  name: string;
  /** Counties have no sub-regions of their own to open. */
  county: boolean;
  institutions: number;
  active: number;
  types: number[];
  services: number[];
}

// The default locale, as the toLocaleString() it replaces (one formatter for all cells).
const NUMBER = new Intl.NumberFormat();
const num = (n: number) => NUMBER.format(n);

function chartTable(rows: ChildRow[], t: Translate): ChartTable {
  return {
    columns: [
      { key: "name", label: t("rosterUi.coverage.regionCol") },
      ...SERVICES.map((x) => ({ key: x, label: t(`rosterUi.serviceShort.${x}`), align: "right" as const })),
    ],
    rows: rows.map((c) => ({ name: c.name, ...Object.fromEntries(SERVICES.map((x, i) => [x, num(c.services[i]!)])) })),
  };
}

function childColumns(t: Translate): Column<ChildRow>[] {
  const count = (n: number, zero: string) => <span className={n ? undefined : zero}>{num(n)}</span>;
  return [
    {
      key: "name",
      header: t("rosterUi.coverage.regionCol"),
      cell: (c) =>
        c.county ? (
          c.name
        ) : (
          <Link href={`/facilities/coverage?region=${c.code}`} className="yb-link" prefetch={false}>
            {c.name}
          </Link>
        ),
      nowrap: true,
    },
    {
      key: "institutions",
      header: t("rosterUi.coverage.institutions"),
      cell: (c) => num(c.institutions),
      align: "right",
      numeric: true,
    },
    { key: "active", header: t("rosterUi.coverage.active"), cell: (c) => num(c.active), align: "right", numeric: true },
    ...INSTITUTION_TYPES.map((x, i): Column<ChildRow> => ({
      key: x,
      header: <abbr title={t(`facilities.types.${x}`)}>{t(`rosterUi.typeShort.${x}`)}</abbr>,
      cell: (c) => count(c.types[i]!, s.zero!),
      align: "right",
      numeric: true,
    })),
    ...SERVICES.map((x, i): Column<ChildRow> => ({
      key: x,
      header: t(`rosterUi.serviceShort.${x}`),
      cell: (c) => count(c.services[i]!, s.none!),
      align: "right",
      numeric: true,
      nowrap: true,
      cellProps: () => ({ "data-service": x }),
    })),
  ];
}

export function CoverageChildren({ rows }: { rows: ChildRow[] }) {
  const t = useT();
  const chart = rows.map((c) => ({ name: c.name, ...Object.fromEntries(SERVICES.map((x, i) => [x, c.services[i]!])) }));
  return (
    <>
      {rows.length <= 40 && (
        <ChartFrame title={t("rosterUi.coverage.chart")} table={chartTable(rows, t)} testId="coverage-chart">
          <CoverageChart data={chart} services={SERVICES} />
        </ChartFrame>
      )}
      <Section title={t("rosterUi.coverage.children")} testId="coverage-children">
        <DataTable
          columns={childColumns(t)}
          rows={rows}
          rowKey={(c) => c.code}
          label={t("rosterUi.coverage.children")}
          className={s.children}
          rowProps={(c) => ({ "data-testid": "coverage-child", "data-code": c.code })}
        />
      </Section>
    </>
  );
}
