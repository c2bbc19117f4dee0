// Visit region × home region matrix (heat-shaded cells); a cell drills down to that pair.
// Plain table markup with the kit's classes (kit.css: the look of MUI's small Table) and the
// matrix's own (dashboard.module.css: alignment, figures, link colours set once for all cells):
// up to 64 cells, each with its own shade — as MUI cells every shade was an Emotion rule inlined
// in the page; here it is the cell's style attribute, and an empty cell carries none.
import Link from "next/link";
import type { Locale, Translate } from "@/lib/i18n";
import type { Flows } from "@/lib/statistics/queries";
import { inUnit, pickUnit } from "@/lib/statistics/units";
import css from "./dashboard.module.css";

const MAX_AXIS = 8;

export function FlowMatrix({ flows, t, locale, hrefFor }: { flows: Flows; t: Translate; locale: Locale; hrefFor: (visitKey: string, homeKey: string) => string }) {
  if (!flows.cells.length) return <p className="yb-body1">{t("statistics.regions.empty")}</p>;
  const totals = (pick: (c: Flows["cells"][number]) => string) => {
    const m = new Map<string, bigint>();
    for (const c of flows.cells) m.set(pick(c), (m.get(pick(c)) ?? 0n) + c.figures.visits);
    return [...m.entries()].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0)).slice(0, MAX_AXIS).map(([k]) => k);
  };
  const rows = totals((c) => c.visitKey);
  const cols = totals((c) => c.homeKey);
  const cell = new Map(flows.cells.map((c) => [`${c.visitKey}|${c.homeKey}`, c.figures.visits]));
  const max = flows.cells.reduce((m, c) => (c.figures.visits > m ? c.figures.visits : m), 1n);
  const unit = pickUnit("count", max, locale);
  const fmt = (n: bigint) => inUnit(n, unit);
  return (
    <div className="yb-table-wrap">
      <table className={`yb-table ${css.matrix}`} data-testid="flow-matrix" aria-label={t("statistics.regions.flows")}>
        <thead>
          <tr>
            <th scope="col">
              {t("statistics.regions.visitAxis")}
              <span className="yb-caption" style={{ marginLeft: 8 }}>
                ({t(`statistics.units.${unit.key}`)})
              </span>
            </th>
            {cols.map((h) => (
              <th key={h} scope="col">
                {flows.names[h] ?? h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr key={v} data-visit={v}>
              <th scope="row">
                {flows.names[v] ?? v}
              </th>
              {cols.map((h) => {
                const n = cell.get(`${v}|${h}`) ?? 0n;
                if (n === 0n) {
                  return (
                    <td key={h} data-pair={`${v}-${h}`} className={css.nil}>
                      —
                    </td>
                  );
                }
                const alpha = 0.08 + 0.72 * Number((n * 1000n) / max) / 1000;
                return (
                  // Figures on the darker shades in white (.dark), else in primary.dark; no
                  // prefetch for up to 64 links.
                  <td key={h} data-pair={`${v}-${h}`} className={alpha > 0.45 ? css.dark : undefined} style={{ backgroundColor: `rgba(26,79,139,${alpha.toFixed(3)})` }}>
                    <Link href={hrefFor(v, h)} prefetch={false} className="yb-link">
                      {fmt(n)}
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
