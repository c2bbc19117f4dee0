// KPI cards: visits, cost, fund, fund ratio (and failures), each with YoY and MoM and its
// definition one click away. Server component; figures are exact (bigint) until formatted, each
// in the unit its magnitude calls for. A comparison is shown only against a complete base
// (decision 015): otherwise the card says which side is incomplete and shows no percentage; when
// the preceding period is the same months as last year's (a 12-month period), 环比 says so
// instead of repeating 同比.
// Plain elements with static classes (dashboard.module.css, kit.css) in the look of the MUI Grid,
// Paper, Typography and SvgIcons they replace — none computes a style per request.
import type { Locale, Translate } from "@/lib/i18n";
import { comparisonStatus, type ComparisonStatus } from "@/lib/statistics/coverage";
import type { Summary } from "@/lib/statistics/queries";
import { Definition } from "./definition";
import { cardFigures, growthPercent, ratioChangePoints, ratioPercent, type Display } from "./format";
import { Icon } from "./icons";
import css from "./dashboard.module.css";

interface Comparison {
  status: ComparisonStatus;
  value: string | null;
  /** The base is the same months as the other comparison's */
  same?: boolean;
}

function Change({ label, c, unit, t, testId }: { label: string; c: Comparison; unit: string; t: Translate; testId: string }) {
  if (c.same) {
    return (
      <span className={css.change} data-testid={testId}>
        <span className={css.changeLabel}>{label}</span>
        <span className={css.changeValue}>{t("statistics.kpi.momSameAsYoy")}</span>
      </span>
    );
  }
  if (c.status !== "ok") {
    return (
      <span className={`${css.change} ${css.incomplete}`} data-testid={testId} data-status={c.status}>
        <span className={css.changeLabel}>{label}</span>
        <Icon name="infoOutlined" size={14} />
        <span className={css.changeValue}>{t(`statistics.kpi.${c.status}`)}</span>
      </span>
    );
  }
  const value = c.value;
  const dir = value?.startsWith("+") ? "up" : value?.startsWith("-") ? "down" : null;
  return (
    <span className={dir ? `${css.change} ${css[dir]}` : css.change} data-testid={testId} data-status="ok">
      <span className={css.changeLabel}>{label}</span>
      {dir && <Icon name={dir === "up" ? "arrowUpward" : "arrowDownward"} size={14} />}
      <span className={css.changeValue} title={value === null ? t("statistics.kpi.noBase") : undefined}>
        {value === null ? "—" : `${value}${unit}`}
      </span>
    </span>
  );
}

export function KpiCards({ s, t, locale }: { s: Summary; t: Translate; locale: Locale }) {
  const c = s.current;
  const py = s.previousYear;
  const pp = s.previousPeriod;
  const cov = s.coverage;
  const yoyStatus = comparisonStatus(cov.period, cov.previousYear);
  const momStatus = comparisonStatus(cov.period, cov.previousPeriod);
  const same = pp.from === cov.previousYear.from && pp.to === cov.previousYear.to;
  const pctUnit = t("statistics.units.percent");
  const pts = t("statistics.kpi.points");
  const lastYear = (text: string) => t(cov.previousYear.complete ? "statistics.kpi.lastYear" : "statistics.kpi.lastYearIncomplete", { value: text });
  const growth = (cur: bigint, pyv: bigint, ppv: bigint) => ({
    yoy: { status: yoyStatus, value: growthPercent(cur, pyv) },
    mom: { status: momStatus, value: growthPercent(cur, ppv), same },
  });
  const defs = `${t("statistics.definitions.yoy")}\n${t("statistics.definitions.mom")}\n${t("statistics.definitions.coverage")}`;
  const cards: { id: string; label: string; display: Display; yoy: Comparison; mom: Comparison; unit: string; note: string; def: string }[] = [
    {
      id: "visits",
      label: t("statistics.kpi.visits"),
      display: cardFigures("count", c.visits, py.visits, t, locale).display,
      ...growth(c.visits, py.visits, pp.visits),
      unit: pctUnit,
      note: lastYear(cardFigures("count", c.visits, py.visits, t, locale).lastYear),
      def: `${t("statistics.definitions.visits")}\n${defs}\n${t("statistics.definitions.period")}`,
    },
    {
      id: "totalCost",
      label: t("statistics.kpi.totalCost"),
      display: cardFigures("amount", c.totalCost, py.totalCost, t, locale).display,
      ...growth(c.totalCost, py.totalCost, pp.totalCost),
      unit: pctUnit,
      note: lastYear(cardFigures("amount", c.totalCost, py.totalCost, t, locale).lastYear),
      def: `${t("statistics.definitions.totalCost")}\n${defs}`,
    },
    {
      id: "fundPaid",
      label: t("statistics.kpi.fundPaid"),
      display: cardFigures("amount", c.fundPaid, py.fundPaid, t, locale).display,
      ...growth(c.fundPaid, py.fundPaid, pp.fundPaid),
      unit: pctUnit,
      note: lastYear(cardFigures("amount", c.fundPaid, py.fundPaid, t, locale).lastYear),
      def: `${t("statistics.definitions.fundPaid")}\n${defs}`,
    },
    {
      id: "fundRatio",
      label: t("statistics.kpi.fundRatio"),
      display: { value: ratioPercent(c.fundPaid, c.totalCost), unit: pctUnit },
      yoy: { status: yoyStatus, value: ratioChangePoints(c, py) },
      mom: { status: momStatus, value: ratioChangePoints(c, pp), same },
      unit: ` ${pts}`,
      note: t("statistics.kpi.failureRate", { rate: `${ratioPercent(c.failures, c.failures + c.visits)}${pctUnit}` }),
      def: `${t("statistics.definitions.fundRatio")}\n${t("statistics.definitions.failures")}\n${defs}`,
    },
  ];
  return (
    <section className={`${css.kpis} ${css.figures}`} aria-label={t("statistics.title")}>
      {cards.map((k) => (
        <div key={k.id} className={css.quarter}>
          <div className={css.card} data-testid={`kpi-${k.id}`}>
            <div className={css.kpiHead}>
              <p className="yb-body2">{k.label}</p>
              <Definition label={t("statistics.definitions.button", { label: k.label })} text={k.def} testId={`definition-${k.id}`} />
            </div>
            <div className={css.figure}>
              <span className={css.value} data-testid={`kpi-${k.id}-value`}>
                {k.display.value}
              </span>
              <span className="yb-body2" data-testid={`kpi-${k.id}-unit`}>
                {k.display.unit}
              </span>
            </div>
            <div>
              <Change label={t("statistics.kpi.yoy")} c={k.yoy} unit={k.unit} t={t} testId={`kpi-${k.id}-yoy`} />
              <Change label={t("statistics.kpi.mom")} c={k.mom} unit={k.unit} t={t} testId={`kpi-${k.id}-mom`} />
            </div>
            <span className={css.note}>{k.note}</span>
          </div>
        </div>
      ))}
    </section>
  );
}
