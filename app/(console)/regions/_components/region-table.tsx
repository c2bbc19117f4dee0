"use client";
// Children of the current region, or search results (with each hit's path), as one table.
// A client component fed plain rows: a province list or a search repeats a dozen cells, links
// and tags per row, and as server markup each row went to the browser twice (the HTML and the
// React payload, ~1.3 KB per row there); as data it is ~90 bytes. The markup is plain elements
// with the kit's classes (kit.css, regions.module.css), rendered on the server all the same.
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { RegionView } from "@/lib/regions/schemas";
import { LevelChip, PoolingChip, ScopeChip } from "./region-chips";
import { regionHref } from "./region-href";
import s from "./regions.module.css";

/** What a row shows: the region, and for a search hit its ancestors' names ("全国 › 河北省"). */
export interface RegionRow {
  code: string;
  name: string;
  level: RegionView["level"];
  poolingArea: boolean;
  childCount: number;
  path?: string;
}

/** MUI's ChevronRight icon, small, as plain SVG (the same path). */
function Chevron() {
  return (
    <svg className={s.icon} focusable="false" aria-hidden="true" viewBox="0 0 24 24">
      <path d="M10 6 8.59 7.41 13.17 12l-4.58 4.59L10 18l6-6z" />
    </svg>
  );
}

// "—" for nothing, in body1 as the Typography span it was (its colour prop had no effect).
const NONE = <span className="yb-body1">—</span>;

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)));
  return f;
}

export function RegionTable({ rows, showPath, ownCode, testId }: { rows: RegionRow[]; showPath: boolean; ownCode: string; testId: string }) {
  const { t, locale } = useI18n();
  const nf = numberFormat(locale);
  return (
    <div className="yb-table-wrap">
      <table className={`yb-table ${s.regions}`} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col" style={{ width: 110 }}>
              {t("regions.children.code")}
            </th>
            <th scope="col">{t("regions.children.name")}</th>
            {showPath && <th scope="col">{t("regions.search.path")}</th>}
            <th scope="col" style={{ width: 110 }}>
              {t("regions.children.level")}
            </th>
            <th scope="col" style={{ width: 130 }}>
              {t("regions.children.poolingArea")}
            </th>
            <th scope="col" className="yb-right" style={{ width: 120 }}>
              {t("regions.children.childCount")}
            </th>
            <th scope="col" className="yb-right" style={{ width: 130 }}>
              {t("common.actions")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} className="yb-hover" data-code={r.code}>
              <td className={s.code}>
                <code>{r.code}</code>
              </td>
              <td>
                <div className={s.name}>
                  <Link href={regionHref(r.code)} className={`yb-link ${s.nameLink}`} prefetch={false}>
                    {r.name}
                  </Link>
                  {r.code === ownCode && <ScopeChip t={t} />}
                </div>
              </td>
              {showPath && (
                <td>
                  <p className="yb-body2">{r.path}</p>
                </td>
              )}
              <td>
                <LevelChip level={r.level} t={t} />
              </td>
              <td>{r.poolingArea ? <PoolingChip t={t} /> : NONE}</td>
              <td className="yb-right yb-num">{r.childCount ? nf.format(r.childCount) : NONE}</td>
              <td className="yb-right">
                {r.childCount > 0 && (
                  <Link href={regionHref(r.code)} className={`yb-link ${s.drill}`} prefetch={false} aria-label={t("regions.children.drillLabel", { name: r.name })}>
                    {t("regions.children.drill")}
                    <Chevron />
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
