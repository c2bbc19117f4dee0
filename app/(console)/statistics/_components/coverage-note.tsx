// What the figures rest on (decision 015): "数据截至 YYYY-MM" always, and a warning when the
// period itself or last year's has months without data (then no YoY is shown anywhere).
import type { Translate } from "@/lib/i18n";
import type { SummaryCoverage } from "@/lib/statistics/queries";
import { monthRuns, type RangeCoverage } from "@/lib/statistics/coverage";
import css from "./dashboard.module.css";

function Missing({ testId, text }: { testId: string; text: string }) {
  return (
    <p className={css.coverageWarn} data-testid={testId} role="note">
      {text}
    </p>
  );
}

export function CoverageNote({ coverage, t }: { coverage: SummaryCoverage; t: Translate }) {
  const range = (c: RangeCoverage) => ({ months: monthRuns(c.missing).join(", ") });
  return (
    <div className={css.coverage}>
      <p className="yb-body2" data-testid="data-through">
        {coverage.dataThrough
          ? t("statistics.coverage.dataThrough", { month: coverage.dataThrough })
          : t("statistics.coverage.noData")}
      </p>
      {!coverage.period.complete && (
        <Missing testId="coverage-period" text={t("statistics.coverage.periodIncomplete", range(coverage.period))} />
      )}
      {coverage.period.complete && !coverage.previousYear.complete && (
        <Missing testId="coverage-base" text={t("statistics.coverage.baseIncomplete", range(coverage.previousYear))} />
      )}
    </div>
  );
}
