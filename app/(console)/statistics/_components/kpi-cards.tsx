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
import { Icon } from "@/components/ui/svg-icon";
import { CARD, CardGrid, GridCell } from "@/components/ui/card-grid";
import css from "./dashboard.module.css";

interface Comparison {
  status: ComparisonStatus;
  value: string | null;
  /** The base is the same months as the other comparison's */
  same?: boolean;
}

function Change({
  label,
  c,
  unit,
  t,
  testId,
}: {
  label: string;
  c: Comparison;
  unit: string;
  t: Translate;
  testId: string;
}) {
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

interface Card {
  id: string;
  label: string;
  display: Display;
  yoy: Comparison;
  mom: Comparison;
  unit: string;
  note: string;
  def: string;
}

/** What every card compares with: the statuses of both bases, whether 环比 is 同比's months, the shared definitions. */
function comparisons(s: Summary, t: Translate) {
  const cov = s.coverage;
  return {
    yoyStatus: comparisonStatus(cov.period, cov.previousYear),
    momStatus: comparisonStatus(cov.period, cov.previousPeriod),
    same: s.previousPeriod.from === cov.previousYear.from && s.previousPeriod.to === cov.previousYear.to,
    defs: `${t("statistics.definitions.yoy")}\n${t("statistics.definitions.mom")}\n${t("statistics.definitions.coverage")}`,
  };
}

type FigureKey = "visits" | "totalCost" | "fundPaid";

/** A card of one summed figure (visits, cost, fund): its value, growth on both bases, last year's value. */
function figureCard(key: FigureKey, s: Summary, t: Translate, locale: Locale, extraDef = ""): Card {
  const { yoyStatus, momStatus, same, defs } = comparisons(s, t);
  const cur = s.current[key];
  const figures = cardFigures(key === "visits" ? "count" : "amount", cur, s.previousYear[key], t, locale);
  return {
    id: key,
    label: t(`statistics.kpi.${key}`),
    display: figures.display,
    yoy: { status: yoyStatus, value: growthPercent(cur, s.previousYear[key]) },
    mom: { status: momStatus, value: growthPercent(cur, s.previousPeriod[key]), same },
    unit: t("statistics.units.percent"),
    note: t(s.coverage.previousYear.complete ? "statistics.kpi.lastYear" : "statistics.kpi.lastYearIncomplete", {
      value: figures.lastYear,
    }),
    def: `${t(`statistics.definitions.${key}`)}\n${defs}${extraDef}`,
  };
}

/** The fund ratio card: the ratio, its change in points, and the failure rate under it. */
function ratioCard(s: Summary, t: Translate): Card {
  const { yoyStatus, momStatus, same, defs } = comparisons(s, t);
  const c = s.current;
  const pctUnit = t("statistics.units.percent");
  return {
    id: "fundRatio",
    label: t("statistics.kpi.fundRatio"),
    display: { value: ratioPercent(c.fundPaid, c.totalCost), unit: pctUnit },
    yoy: { status: yoyStatus, value: ratioChangePoints(c, s.previousYear) },
    mom: { status: momStatus, value: ratioChangePoints(c, s.previousPeriod), same },
    unit: ` ${t("statistics.kpi.points")}`,
    note: t("statistics.kpi.failureRate", { rate: `${ratioPercent(c.failures, c.failures + c.visits)}${pctUnit}` }),
    def: `${t("statistics.definitions.fundRatio")}\n${t("statistics.definitions.failures")}\n${defs}`,
  };
}

function KpiCard({ k, t }: { k: Card; t: Translate }) {
  return (
    <GridCell span="quarter">
      <div className={CARD} data-testid={`kpi-${k.id}`}>
        <div className={css.kpiHead}>
          <p className="yb-body2">{k.label}</p>
          <Definition
            label={t("statistics.definitions.button", { label: k.label })}
            text={k.def}
            testId={`definition-${k.id}`}
          />
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
    </GridCell>
  );
}

export function KpiCards({ s, t, locale }: { s: Summary; t: Translate; locale: Locale }) {
  const cards = [
    figureCard("visits", s, t, locale, `\n${t("statistics.definitions.period")}`),
    figureCard("totalCost", s, t, locale),
    figureCard("fundPaid", s, t, locale),
    ratioCard(s, t),
  ];
  return (
    <CardGrid as="section" className={`${css.kpis} ${css.figures}`} label={t("statistics.title")}>
      {cards.map((k) => (
        <KpiCard key={k.id} k={k} t={t} />
      ))}
    </CardGrid>
  );
}
