// Visit region × home region matrix (heat-shaded cells); a cell drills down to that pair.
// The kit's DataTable with the matrix's own classes (dashboard.module.css: alignment, figures,
// link colours set once for all cells, keyed on the cells' data-nil / data-dark): up to 64
// cells, each with its own shade as its style attribute; an empty cell carries none.
import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { Locale, Translate } from "@/lib/i18n";
import type { Flows } from "@/lib/statistics/flows";
import { inUnit, pickUnit } from "@/lib/statistics/units";
import css from "./dashboard.module.css";

const MAX_AXIS = 8;

/** The `MAX_AXIS` keys with the most visits on one side of the flows. */
function topKeys(flows: Flows, pick: (c: Flows["cells"][number]) => string): string[] {
  const m = new Map<string, bigint>();
  for (const c of flows.cells) m.set(pick(c), (m.get(pick(c)) ?? 0n) + c.figures.visits);
  return [...m.entries()]
    .sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0))
    .slice(0, MAX_AXIS)
    .map(([k]) => k);
}

export function FlowMatrix({
  flows,
  t,
  locale,
  hrefFor,
}: {
  flows: Flows;
  t: Translate;
  locale: Locale;
  hrefFor: (visitKey: string, homeKey: string) => string;
}) {
  if (!flows.cells.length) return <p className="yb-body1">{t("statistics.regions.empty")}</p>;
  const cell = new Map(flows.cells.map((c) => [`${c.visitKey}|${c.homeKey}`, c.figures.visits]));
  const max = flows.cells.reduce((m, c) => (c.figures.visits > m ? c.figures.visits : m), 1n);
  const unit = pickUnit("count", max, locale);
  const at = (v: string, h: string) => cell.get(`${v}|${h}`) ?? 0n;
  const alpha = (n: bigint) => 0.08 + (0.72 * Number((n * 1000n) / max)) / 1000;
  const columns: Column<string>[] = [
    {
      key: "visit",
      rowHeader: true,
      header: (
        <>
          {t("statistics.regions.visitAxis")}
          <span className="yb-caption" style={{ marginLeft: 8 }}>
            ({t(`statistics.units.${unit.key}`)})
          </span>
        </>
      ),
      cell: (v) => flows.names[v] ?? v,
    },
    ...topKeys(flows, (c) => c.homeKey).map((h): Column<string> => ({
      key: h,
      header: flows.names[h] ?? h,
      // Figures on the darker shades in white (data-dark), else in primary.dark; no prefetch for up to 64 links.
      cellProps: (v) => ({
        "data-pair": `${v}-${h}`,
        "data-nil": at(v, h) === 0n ? "" : undefined,
        "data-dark": at(v, h) !== 0n && alpha(at(v, h)) > 0.45 ? "" : undefined,
      }),
      style: (v) =>
        at(v, h) === 0n ? undefined : { backgroundColor: `rgba(26,79,139,${alpha(at(v, h)).toFixed(3)})` },
      cell: (v) =>
        at(v, h) === 0n ? (
          "—"
        ) : (
          <Link href={hrefFor(v, h)} prefetch={false} className="yb-link">
            {inUnit(at(v, h), unit)}
          </Link>
        ),
    })),
  ];
  return (
    <DataTable
      columns={columns}
      rows={topKeys(flows, (c) => c.visitKey)}
      rowKey={(v) => v}
      rowProps={(v) => ({ "data-visit": v })}
      label={t("statistics.regions.flows")}
      testId="flow-matrix"
      className={css.matrix}
      hover={false}
    />
  );
}
