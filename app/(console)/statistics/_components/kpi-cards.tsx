// KPI cards: visits, cost, fund, fund ratio (and failures), each with YoY and MoM arrows and
// its definition one click away. Server component; figures are exact (bigint) until formatted.
import Box from "@mui/material/Box";
import Grid from "@mui/material/Grid";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import ArrowDownward from "@mui/icons-material/ArrowDownward";
import ArrowUpward from "@mui/icons-material/ArrowUpward";
import type { Translate } from "@/lib/i18n";
import type { Summary } from "@/lib/statistics/queries";
import { Definition } from "./definition";
import { amountDisplay, growthPercent, ratioChangePoints, ratioPercent, visitsDisplay, type Display } from "./format";

function Change({ label, value, unit }: { label: string; value: string | null; unit: string; }) {
  const up = value?.startsWith("+");
  const down = value?.startsWith("-");
  return (
    <Box component="span" sx={{ display: "inline-flex", alignItems: "center", gap: 0.25, mr: 1.5, color: up ? "success.main" : down ? "error.main" : "text.secondary" }}>
      <Typography component="span" variant="caption" color="text.secondary" sx={{ mr: 0.25 }}>
        {label}
      </Typography>
      {up && <ArrowUpward sx={{ fontSize: 14 }} />}
      {down && <ArrowDownward sx={{ fontSize: 14 }} />}
      <Typography component="span" variant="caption" sx={{ fontVariantNumeric: "tabular-nums", fontWeight: 600 }}>
        {value === null ? "—" : `${value}${unit}`}
      </Typography>
    </Box>
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
    <Grid container spacing={2} sx={{ mb: 2 }} component="section" aria-label={t("statistics.title")}>
      {cards.map((k) => (
        <Grid key={k.id} size={{ xs: 12, sm: 6, lg: 3 }}>
          <Paper sx={{ p: 2, height: "100%" }} data-testid={`kpi-${k.id}`}>
            <Box sx={{ display: "flex", alignItems: "center", gap: 0.5 }}>
              <Typography variant="body2" color="text.secondary">
                {k.label}
              </Typography>
              <Definition label={t("statistics.definitions.button", { label: k.label })} text={k.def} testId={`definition-${k.id}`} />
            </Box>
            <Box sx={{ display: "flex", alignItems: "baseline", gap: 0.5, my: 0.5 }}>
              <Typography component="span" data-testid={`kpi-${k.id}-value`} sx={{ fontSize: "1.8rem", fontWeight: 600, color: "primary.dark", fontVariantNumeric: "tabular-nums" }}>
                {k.display.value}
              </Typography>
              <Typography component="span" variant="body2" color="text.secondary">
                {k.display.unit}
              </Typography>
            </Box>
            <Box>
              <Change label={t("statistics.kpi.yoy")} value={k.yoy} unit={k.unit} />
              <Change label={t("statistics.kpi.mom")} value={k.mom} unit={k.unit} />
            </Box>
            <Typography variant="caption" color="text.secondary" sx={{ display: "block", mt: 0.5 }}>
              {k.note}
            </Typography>
          </Paper>
        </Grid>
      ))}
    </Grid>
  );
}
