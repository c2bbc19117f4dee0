"use client";
// Counties where no institution offers a service, per service: the count and up to 24 county
// tags. A client component fed [code, name] pairs — as server markup each tag went to the
// browser twice (the HTML and the React payload, ~150 bytes per tag there).
import { useT } from "@/components/i18n/i18n-provider";
import { Tag } from "@/components/ui/tag";
import s from "../coverage.module.css";

export interface GapRow {
  service: string;
  count: number;
  /** The first counties without the service, as [code, name]. */
  counties: [string, string][];
  /** There are more than these: say how many in all. */
  more: boolean;
}

export function CoverageGaps({ rows }: { rows: GapRow[] }) {
  const t = useT();
  return (
    <div className="yb-table-wrap">
      <table className="yb-table">
        <tbody>
          {rows.map((g) => (
            <tr key={g.service} data-testid={`coverage-gap-${g.service}`} data-count={g.count}>
              <td className={s.gapService}>
                {t(`facilities.services.${g.service}`)}
                <span className={s.gapCount} style={{ color: g.count ? "var(--yb-error)" : "var(--yb-success)" }}>
                  {g.count}
                </span>
              </td>
              <td>
                {g.count === 0 ? (
                  <p className="yb-body2">{t("rosterUi.coverage.gapsNone")}</p>
                ) : (
                  <div className={s.gapTags}>
                    {g.counties.map(([code, name]) => (
                      <Tag key={code} label={name} variant="outlined" title={code} />
                    ))}
                    {g.more && (
                      <span className="yb-caption">{t("rosterUi.coverage.gapsMore", { count: g.count })}</span>
                    )}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
