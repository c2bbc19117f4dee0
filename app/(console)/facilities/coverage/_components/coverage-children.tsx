"use client";
// Sub-regions of the coverage panel: the grouped bars (up to 40 sub-regions) and the table of
// institutions by type and service. A client component fed plain rows: as server markup every
// cell went to the browser twice (the HTML and the React payload); as data a row is ~60 bytes.
// The markup is plain elements with the kit's classes (kit.css, coverage.module.css).
import Link from "next/link";
import { useT } from "@/components/i18n/i18n-provider";
import { INSTITUTION_TYPES, SERVICES } from "@/lib/facilities/codes";
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

export function CoverageChildren({ rows }: { rows: ChildRow[] }) {
  const t = useT();
  const chart = rows.map((c) => ({ name: c.name, ...Object.fromEntries(SERVICES.map((x, i) => [x, c.services[i]!])) }));
  return (
    <>
      {rows.length <= 40 && (
        <div className={s.chart}>
          <span className={`yb-caption ${s.chartCaption}`}>{t("rosterUi.coverage.chart")}</span>
          <CoverageChart data={chart} services={SERVICES} />
        </div>
      )}
      <div className="yb-table-wrap">
        <table className={`yb-table ${s.children}`}>
          <thead>
            <tr>
              <th scope="col">{t("rosterUi.coverage.regionCol")}</th>
              <th scope="col" className="yb-right">
                {t("rosterUi.coverage.institutions")}
              </th>
              <th scope="col" className="yb-right">
                {t("rosterUi.coverage.active")}
              </th>
              {INSTITUTION_TYPES.map((x) => (
                <th key={x} scope="col" className="yb-right" title={t(`facilities.types.${x}`)}>
                  {t(`rosterUi.typeShort.${x}`)}
                </th>
              ))}
              {SERVICES.map((x) => (
                <th key={x} scope="col" className={`yb-right ${s.service}`}>
                  {t(`rosterUi.serviceShort.${x}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.code} className="yb-hover" data-testid="coverage-child" data-code={c.code}>
                <td className="yb-nowrap">
                  {c.county ? (
                    c.name
                  ) : (
                    <Link href={`/facilities/coverage?region=${c.code}`} className="yb-link" prefetch={false}>
                      {c.name}
                    </Link>
                  )}
                </td>
                <td className="yb-right">{NUMBER.format(c.institutions)}</td>
                <td className="yb-right">{NUMBER.format(c.active)}</td>
                {c.types.map((n, i) => (
                  <td key={INSTITUTION_TYPES[i]} className={n ? "yb-right" : `yb-right ${s.zero}`}>
                    {NUMBER.format(n)}
                  </td>
                ))}
                {c.services.map((n, i) => (
                  <td key={SERVICES[i]} className={n ? `yb-right ${s.service}` : `yb-right ${s.service} ${s.none}`}>
                    {NUMBER.format(n)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
