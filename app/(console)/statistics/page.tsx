// Settlement statistics dashboard. Server component: reads the aggregate cubes (region-scoped)
// and hands small, plain data to the client charts. All state lives in the URL; every chart
// element links to a drill-down.
import type { Metadata } from "next";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Grid from "@mui/material/Grid";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import UploadFileOutlined from "@mui/icons-material/UploadFileOutlined";
import { ButtonLink, TextLink } from "@/components/ui/links";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { canImportSettlements } from "@/lib/auth/policy";
import { ValidationError } from "@/lib/errors";
import { formatAmount, formatCount, percentOf } from "@/lib/statistics/decimal";
import { filtersSchema } from "@/lib/statistics/schemas";
import { parseStatsInput } from "@/lib/statistics/dto";
import { BarList } from "./_components/bar-list";
import { FilterBar, type FilterValues } from "./_components/filter-bar";
import { FlowMatrix } from "./_components/flow-matrix";
import { KpiCards } from "./_components/kpi-cards";
import { Panel } from "./_components/panel";
import { SeriesChart } from "./_components/series-chart";
import { loadDashboard } from "./_components/dashboard-data";
import { drillBucket, hrefWith, stateOf, type SearchParams } from "./_components/params";
import { wan } from "./_components/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("statistics.title") };
}

const PATH = "/statistics";

export default async function StatisticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireArea("statistics");
  const [sp, t] = await Promise.all([searchParams, getT()]);
  const state = stateOf(sp);
  const d = await loadDashboard(actor, state, t);
  const link = (changes: Parameters<typeof hrefWith>[2]) => hrefWith(PATH, state, changes);
  const exportHref = (panel: string) => `${PATH}/export?${new URLSearchParams({ ...state, panel } as Record<string, string>).toString()}`;

  // Field errors of the URL's filters (the dashboard then shows the default period).
  const errors: Partial<Record<keyof FilterValues, string>> = {};
  if (d.invalid) {
    try {
      parseStatsInput(filtersSchema, { from: state.from ?? d.filters.from, to: state.to ?? d.filters.to, visitRegion: state.visitRegion, homeRegion: state.homeRegion, serviceType: state.serviceType, institution: state.institution });
    } catch (e) {
      if (e instanceof ValidationError) for (const [k, refs] of Object.entries(e.fieldErrors)) errors[k as keyof FilterValues] = t(refs[0]!.key, refs[0]!.params);
    }
  }
  const f = d.filters;
  const unitWan = t("statistics.units.wanVisits");
  const seriesData = d.series.points.map((p) => ({ bucket: p.bucket, current: wan(p.current.visits), lastYear: wan(p.lastYear.visits), href: link(drillBucket(p.bucket, d.grain, f)) }));
  const grains = ["day", "month", "quarter", "year"] as const;
  const levels = ["province", "city", "county"] as const;

  const active: { label: string; remove: string }[] = [];
  if (f.visitRegion.length) active.push({ label: `${t("statistics.filters.visitRegion")}: ${f.visitRegion.join(", ")}`, remove: link({ visitRegion: undefined }) });
  if (f.homeRegion.length) active.push({ label: `${t("statistics.filters.homeRegion")}: ${f.homeRegion.join(", ")}`, remove: link({ homeRegion: undefined }) });
  if (f.serviceType.length) active.push({ label: `${t("statistics.filters.serviceType")}: ${f.serviceType.map((s) => t(`statistics.serviceTypes.${s}`)).join(", ")}`, remove: link({ serviceType: undefined }) });
  if (f.institution) active.push({ label: `${t("statistics.filters.institution")}: ${f.institution}`, remove: link({ institution: undefined }) });

  const scopeName = actor.regionCode === "000000" ? t("statistics.scopeNational") : actor.regionName;

  return (
    <>
      <PageHeader
        title={t("statistics.title")}
        subtitle={`${scopeName} · ${f.from} – ${f.to} · ${t("statistics.subtitle")}`}
        actions={
          canImportSettlements(actor) && (
            <ButtonLink href="/statistics/import" variant="outlined" startIcon={<UploadFileOutlined />}>
              {t("statistics.importAction")}
            </ButtonLink>
          )
        }
      />
      <FilterBar
        key={JSON.stringify(state)}
        initial={{ from: state.from ?? f.from, to: state.to ?? f.to, visitRegion: state.visitRegion ?? "", homeRegion: state.homeRegion ?? "", serviceType: state.serviceType ?? "", institution: state.institution ?? "" }}
        errors={errors}
      />
      {active.length > 0 && (
        <Box sx={{ display: "flex", gap: 1, mb: 2, flexWrap: "wrap", alignItems: "center" }} data-testid="active-filters">
          <Typography variant="body2" color="text.secondary">
            {t("statistics.filters.active")}
          </Typography>
          {active.map((a) => (
            <Chip key={a.label} label={a.label} component="a" href={a.remove} clickable onDelete={undefined} aria-label={t("statistics.filters.remove", { label: a.label })} />
          ))}
        </Box>
      )}
      <KpiCards s={d.summary} t={t} />

      <Grid container spacing={2}>
        <Grid size={12}>
          <Panel
            id="series"
            title={t("statistics.series.title")}
            definition={`${t("statistics.definitions.visits")}\n${t("statistics.definitions.period")}\n${t("statistics.series.drill")}`}
            exportHref={exportHref("series")}
            table={d.tables.series}
            actions={
              <Box sx={{ display: "flex", gap: 0.5, mr: 1 }} role="group" aria-label={t("statistics.series.grain")}>
                {grains.map((g) => (
                  <ButtonLink key={g} href={link({ grain: g })} size="small" variant={d.grain === g ? "contained" : "text"} data-testid={`grain-${g}`}>
                    {t(`statistics.series.${g}`)}
                  </ButtonLink>
                ))}
              </Box>
            }
          >
            {d.series.dayRefused && (
              <Alert severity="info" sx={{ mb: 1 }}>
                {t("statistics.series.dayUnavailable")}
              </Alert>
            )}
            <SeriesChart data={seriesData} unit={unitWan} labels={{ current: t("statistics.series.current"), lastYear: t("statistics.series.lastYear") }} />
          </Panel>
        </Grid>

        <Grid size={{ xs: 12, md: 6 }}>
          <Panel id="service" title={t("statistics.breakdown.service")} definition={t("statistics.definitions.visits")} exportHref={exportHref("service")} table={d.tables.service}>
            <BarList
              testId="service-chart"
              unit={unitWan}
              data={d.services.map((s) => ({ label: t(`statistics.serviceTypes.${s.key}`), value: wan(s.current.visits), href: link({ serviceType: s.key }) }))}
            />
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel id="filing" title={t("statistics.breakdown.filing")} definition={t("statistics.definitions.visits")} exportHref={exportHref("filing")} table={d.tables.filing}>
            {d.filings ? (
              <BarList testId="filing-chart" unit={unitWan} data={d.filings.map((s) => ({ label: t(`statistics.filingTypes.${s.key}`), value: wan(s.current.visits) }))} />
            ) : (
              <Typography color="text.secondary">{t("statistics.errors.filingWithInstitution")}</Typography>
            )}
          </Panel>
        </Grid>

        <Grid size={{ xs: 12, md: 6 }}>
          <Panel id="outflow" title={t("statistics.regions.outflow")} definition={t("statistics.definitions.outflow")} exportHref={exportHref("outflow")} table={d.tables.outflow}>
            {d.outflow.length ? (
              <BarList testId="outflow-chart" unit={unitWan} data={d.outflow.map((r) => ({ label: r.name, value: wan(r.figures.visits), href: link({ visitRegion: r.key }) }))} />
            ) : (
              <Typography color="text.secondary">{t("statistics.regions.empty")}</Typography>
            )}
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel id="inflow" title={t("statistics.regions.inflow")} definition={t("statistics.definitions.inflow")} exportHref={exportHref("inflow")} table={d.tables.inflow}>
            {d.inflow.length ? (
              <BarList testId="inflow-chart" unit={unitWan} data={d.inflow.map((r) => ({ label: r.name, value: wan(r.figures.visits), href: link({ homeRegion: r.key }) }))} />
            ) : (
              <Typography color="text.secondary">{t("statistics.regions.empty")}</Typography>
            )}
          </Panel>
        </Grid>

        <Grid size={12}>
          <Panel
            id="flows"
            title={t("statistics.regions.flows")}
            definition={`${t("statistics.definitions.flows")}\n${t("statistics.definitions.scope")}`}
            exportHref={exportHref("flows")}
            table={d.tables.flows}
            actions={
              <Box sx={{ display: "flex", gap: 0.5, mr: 1 }} role="group" aria-label={t("statistics.regions.level")}>
                {levels.map((l) => (
                  <ButtonLink key={l} href={link({ level: l })} size="small" variant={d.level === l ? "contained" : "text"} data-testid={`level-${l}`}>
                    {t(`statistics.regions.${l}`)}
                  </ButtonLink>
                ))}
              </Box>
            }
          >
            <FlowMatrix flows={d.flows} t={t} hrefFor={(v, h) => link({ visitRegion: v, homeRegion: h })} />
          </Panel>
        </Grid>

        <Grid size={12}>
          <Panel id="institutions" title={t("statistics.institutions.title")} definition={t("statistics.definitions.institutions")} exportHref={exportHref("institutions")} table={d.tables.institutions}>
            {d.institutions.length ? (
              <Table size="small" data-testid="institutions-table">
                <TableHead>
                  <TableRow>
                    <TableCell>#</TableCell>
                    <TableCell>{t("statistics.institutions.code")}</TableCell>
                    <TableCell>{t("statistics.institutions.name")}</TableCell>
                    <TableCell>{t("statistics.institutions.region")}</TableCell>
                    <TableCell align="right">{t("statistics.table.visits")}</TableCell>
                    <TableCell align="right">{t("statistics.table.totalCost")}</TableCell>
                    <TableCell align="right">{t("statistics.table.fundRatio")}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {d.institutions.map((i, n) => (
                    <TableRow key={i.code} hover>
                      <TableCell>{n + 1}</TableCell>
                      <TableCell>
                        <TextLink href={link({ institution: i.code })}>{i.code}</TextLink>
                      </TableCell>
                      <TableCell>{i.name ?? "—"}</TableCell>
                      <TableCell>{d.instRegions[i.visitRegion] ?? i.visitRegion}</TableCell>
                      <TableCell align="right" sx={{ fontVariantNumeric: "tabular-nums" }}>
                        {formatCount(i.figures.visits, "one")}
                      </TableCell>
                      <TableCell align="right" sx={{ fontVariantNumeric: "tabular-nums" }}>
                        {formatAmount(i.figures.totalCost, "wan", 2)}
                      </TableCell>
                      <TableCell align="right" sx={{ fontVariantNumeric: "tabular-nums" }}>
                        {percentOf(i.figures.fundPaid, i.figures.totalCost, 2) ?? "—"}%
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : (
              <Typography color="text.secondary">{t("statistics.regions.empty")}</Typography>
            )}
          </Panel>
        </Grid>
      </Grid>
    </>
  );
}
