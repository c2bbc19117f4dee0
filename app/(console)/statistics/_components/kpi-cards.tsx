// KPI cards: visits, cost, fund, fund ratio (and failures), each with YoY and MoM arrows and
// its definition one click away. Server component; figures are exact (bigint) until formatted.
// Plain elements with static classes (dashboard.module.css, kit.css) in the look of the MUI Grid,
// Paper, Typography and SvgIcons they replace — none computes a style per request. (Labels are in
// the text colour, as drawn before: MUI 9's Typography ignored color="text.secondary".)
import type { Translate } from "@/lib/i18n";
import type { Summary } from "@/lib/statistics/queries";
import { Definition } from "./definition";
import { amountDisplay, growthPercent, ratioChangePoints, ratioPercent, visitsDisplay, type Display } from "./format";
import { Icon } from "./icons";
import css from "./dashboard.module.css";

function Change({ label, value, unit }: { label: string; value: string | null; unit: string }) {
  const dir = value?.startsWith("+") ? "up" : value?.startsWith("-") ? "down" : null;
  return (
    <span className={dir ? `${css.change} ${css[dir]}` : css.change}>
      <span className={css.changeLabel}>{label}</span>
      {dir && <Icon name={dir === "up" ? "arrowUpward" : "arrowDownward"} size={14} />}
      <span className={css.changeValue}>{value === null ? "—" : `${value}${unit}`}</span>
    </span>
  );
}

export function KpiCards({ s, t }: { s: Summary; t: Translate }) {
  const c = s.current;
  const py = s.previousYear;
  const pp = s.previousPeriod;
  const pctUnit = t("statistics.units.percent");
  const pts = t("statistics.kpi.points");
  const cards: { id: string; label: string; display: Display; yoy: string | null; mom: string | null; unit: string; note: string; def: string }[] = [
    {
      id: "visits",
      label: t("statistics.kpi.visits"),
      display: visitsDisplay(c.visits, t),
      yoy: growthPercent(c.visits, py.visits),
      mom: growthPercent(c.visits, pp.visits),
      unit: pctUnit,
      note: t("statistics.kpi.lastYear", { value: `${visitsDisplay(py.visits, t).value} ${visitsDisplay(py.visits, t).unit}` }),
      def: `${t("statistics.definitions.visits")}\n${t("statistics.definitions.yoy")}\n${t("statistics.definitions.mom")}\n${t("statistics.definitions.period")}`,
    },
    {
      id: "totalCost",
      label: t("statistics.kpi.totalCost"),
      display: amountDisplay(c.totalCost, t),
      yoy: growthPercent(c.totalCost, py.totalCost),
      mom: growthPercent(c.totalCost, pp.totalCost),
      unit: pctUnit,
      note: t("statistics.kpi.lastYear", { value: `${amountDisplay(py.totalCost, t).value} ${amountDisplay(py.totalCost, t).unit}` }),
      def: `${t("statistics.definitions.totalCost")}\n${t("statistics.definitions.yoy")}`,
    },
    {
      id: "fundPaid",
      label: t("statistics.kpi.fundPaid"),
      display: amountDisplay(c.fundPaid, t),
      yoy: growthPercent(c.fundPaid, py.fundPaid),
      mom: growthPercent(c.fundPaid, pp.fundPaid),
      unit: pctUnit,
      note: t("statistics.kpi.lastYear", { value: `${amountDisplay(py.fundPaid, t).value} ${amountDisplay(py.fundPaid, t).unit}` }),
      def: `${t("statistics.definitions.fundPaid")}\n${t("statistics.definitions.yoy")}`,
    },
    {
      id: "fundRatio",
      label: t("statistics.kpi.fundRatio"),
      display: { value: ratioPercent(c.fundPaid, c.totalCost), unit: pctUnit },
      yoy: ratioChangePoints(c, py),
      mom: ratioChangePoints(c, pp),
      unit: ` ${pts}`,
      note: t("statistics.kpi.failureRate", { rate: `${ratioPercent(c.failures, c.failures + c.visits)}${pctUnit}` }),
      def: `${t("statistics.definitions.fundRatio")}\n${t("statistics.definitions.failures")}`,
    },
  ];
  return (
    <section className={css.kpis} aria-label={t("statistics.title")}>
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
              <span className="yb-body2">{k.display.unit}</span>
            </div>
            <div>
              <Change label={t("statistics.kpi.yoy")} value={k.yoy} unit={k.unit} />
              <Change label={t("statistics.kpi.mom")} value={k.mom} unit={k.unit} />
            </div>
            <span className={css.note}>{k.note}</span>
          </div>
        </div>
      ))}
    </section>
  );
}
