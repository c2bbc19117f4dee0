// Coverage panel of a region (?region=CODE): institutions by type and status, institutions
// offering each cross-region service, the same per sub-region, counties where no institution
// offers a service, and this month's changes. Public like the roster.
import type { Metadata } from "next";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Grid from "@mui/material/Grid";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { TextLink } from "@/components/ui/links";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { hasRole } from "@/lib/auth/policy";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { CHRONIC_DISEASES, INSTITUTION_TYPES, SERVICES } from "@/lib/facilities/codes";
import { coverage } from "@/lib/facilities/queries";
import { RosterTabs } from "../_components/roster-tabs";
import { SERVICE_COLOR } from "../_components/labels";
import { pick, type RawParams } from "../_components/params";
import { CoverageRegion } from "./_components/coverage-region";
import { CoverageChart } from "./_components/coverage-chart";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("rosterUi.coverage.title") };
}

const GAP_CHIPS = 24;

function Figure({ label, value, testId, color = "primary.dark" }: { label: string; value: number; testId: string; color?: string }) {
  return (
    <Paper sx={{ p: 2, height: "100%" }} data-testid={testId} data-value={value}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography sx={{ fontSize: "1.7rem", fontWeight: 600, color, fontVariantNumeric: "tabular-nums" }}>{value.toLocaleString()}</Typography>
    </Paper>
  );
}

function Card({ title, children, testId, hint, fill = true }: { title: string; children: React.ReactNode; testId?: string; hint?: string; fill?: boolean }) {
  return (
    <Paper sx={fill ? { height: "100%" } : undefined} data-testid={testId}>
      <Box sx={{ px: 2, py: 1.5, borderBottom: 1, borderColor: "divider" }}>
        <Typography variant="h4" component="h2">
          {title}
        </Typography>
        {hint && (
          <Typography variant="caption" color="text.secondary">
            {hint}
          </Typography>
        )}
      </Box>
      {children}
    </Paper>
  );
}

async function load(actor: Awaited<ReturnType<typeof requireArea>>, region: string) {
  try {
    return await coverage(actor, region);
  } catch (e) {
    if (e instanceof ValidationError || e instanceof NotFoundError) return null;
    throw e;
  }
}

export default async function CoveragePage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const actor = await requireArea("facilities");
  const [t, sp] = await Promise.all([getT(), searchParams]);
  const asked = pick(sp, ["region"]).region;
  const data = (asked && (await load(actor, asked))) || (await coverage(actor, actor.regionCode));
  const { totals, children, gaps, changesThisMonth: ch } = data;
  const unit = t("rosterUi.coverage.unit");
  const chart = children.map((c) => ({ name: c.name, ...c.byService }));

  return (
    <>
      <PageHeader
        title={t("facilities.title")}
        subtitle={t("rosterUi.coverage.subtitle", { region: data.region.name, date: data.asOf })}
        actions={<CoverageRegion region={{ code: data.region.code, name: data.region.name }} />}
      />
      <RosterTabs manager={hasRole(actor, "ROSTER_MANAGER")} />
      <Typography variant="h3" component="h2" sx={{ mb: 1.5 }} data-testid="coverage-region-name">
        {data.region.name}
        <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1, fontFamily: "monospace" }}>
          {data.region.code}
        </Typography>
      </Typography>
      <Grid container spacing={2} sx={{ mb: 2 }}>
        <Grid size={{ xs: 6, md: 2 }}>
          <Figure label={t("rosterUi.coverage.institutions")} value={totals.institutions} testId="coverage-institutions" />
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <Figure label={t("rosterUi.coverage.active")} value={totals.active} testId="coverage-active" color="success.main" />
        </Grid>
        {SERVICES.map((s) => (
          <Grid key={s} size={{ xs: 6, md: 2 }}>
            <Figure label={t(`facilities.services.${s}`)} value={totals.byService[s] ?? 0} testId={`coverage-service-${s}`} color={SERVICE_COLOR[s] === "default" ? "text.primary" : `${SERVICE_COLOR[s]}.main`} />
          </Grid>
        ))}
      </Grid>

      <Grid container spacing={2} sx={{ mb: 2 }}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Card title={t("rosterUi.coverage.byType")} testId="coverage-by-type">
            <Table size="small">
              <TableBody>
                {INSTITUTION_TYPES.map((x) => (
                  <TableRow key={x}>
                    <TableCell>{t(`facilities.types.${x}`)}</TableCell>
                    <TableCell align="right" sx={{ fontVariantNumeric: "tabular-nums" }}>
                      {(totals.byType[x] ?? 0).toLocaleString()} {unit}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Card title={t("rosterUi.coverage.byDisease")} testId="coverage-by-disease">
            <Table size="small">
              <TableBody>
                {CHRONIC_DISEASES.map((d) => (
                  <TableRow key={d}>
                    <TableCell>{t(`facilities.diseases.${d}`)}</TableCell>
                    <TableCell align="right" sx={{ fontVariantNumeric: "tabular-nums" }}>
                      {(totals.byDisease[d] ?? 0).toLocaleString()} {unit}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Card title={t("rosterUi.coverage.changes", { since: ch.since })} testId="coverage-changes">
            <Table size="small">
              <TableBody>
                {(
                  [
                    ["institutionsChanged", ch.institutionsChanged],
                    ["created", ch.created],
                    ["statusChanges", ch.statusChanges],
                    ["serviceChanges", ch.serviceChanges],
                    ["fieldChanges", ch.fieldChanges],
                  ] as const
                ).map(([k, v]) => (
                  <TableRow key={k}>
                    <TableCell>{t(`rosterUi.coverage.${k}`)}</TableCell>
                    <TableCell align="right" sx={{ fontVariantNumeric: "tabular-nums" }} data-testid={`coverage-changes-${k}`}>
                      {v.toLocaleString()}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Card>
        </Grid>
      </Grid>

      {children.length > 0 && (
        <Paper sx={{ mb: 2 }} data-testid="coverage-children">
          <Box sx={{ px: 2, py: 1.5, borderBottom: 1, borderColor: "divider" }}>
            <Typography variant="h4" component="h2">
              {t("rosterUi.coverage.children")}
            </Typography>
          </Box>
          {children.length <= 40 && (
            <Box sx={{ px: 1, pt: 2 }}>
              <Typography variant="caption" color="text.secondary" sx={{ px: 1 }}>
                {t("rosterUi.coverage.chart")}
              </Typography>
              <CoverageChart data={chart} services={SERVICES} />
            </Box>
          )}
          <TableContainer>
            <Table size="small" sx={{ "& th, & td": { px: 1.25 } }}>
              <TableHead>
                <TableRow>
                  <TableCell>{t("rosterUi.coverage.regionCol")}</TableCell>
                  <TableCell align="right">{t("rosterUi.coverage.institutions")}</TableCell>
                  <TableCell align="right">{t("rosterUi.coverage.active")}</TableCell>
                  {INSTITUTION_TYPES.map((x) => (
                    <TableCell key={x} align="right" title={t(`facilities.types.${x}`)}>
                      {t(`rosterUi.typeShort.${x}`)}
                    </TableCell>
                  ))}
                  {SERVICES.map((s) => (
                    <TableCell key={s} align="right" sx={{ bgcolor: "#eef3f9 !important", whiteSpace: "nowrap" }}>
                      {t(`rosterUi.serviceShort.${s}`)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {children.map((c) => (
                  <TableRow key={c.code} hover data-testid="coverage-child" data-code={c.code}>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>
                      {c.level === "COUNTY" ? c.name : <TextLink href={`/facilities/coverage?region=${c.code}`}>{c.name}</TextLink>}
                    </TableCell>
                    <TableCell align="right">{c.institutions.toLocaleString()}</TableCell>
                    <TableCell align="right">{c.active.toLocaleString()}</TableCell>
                    {INSTITUTION_TYPES.map((x) => (
                      <TableCell key={x} align="right" sx={{ color: c.byType[x] ? "text.primary" : "text.disabled" }}>
                        {(c.byType[x] ?? 0).toLocaleString()}
                      </TableCell>
                    ))}
                    {SERVICES.map((s) => (
                      <TableCell key={s} align="right" sx={{ bgcolor: "#f7f9fc", color: c.byService[s] ? "text.primary" : "error.main", fontWeight: 500 }}>
                        {(c.byService[s] ?? 0).toLocaleString()}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Paper>
      )}

      <Card title={t("rosterUi.coverage.gaps")} hint={t("rosterUi.coverage.gapsHint")} testId="coverage-gaps" fill={false}>
        <Table size="small">
          <TableBody>
            {SERVICES.map((s) => {
              const g = gaps[s] ?? { count: 0, counties: [] };
              return (
                <TableRow key={s} data-testid={`coverage-gap-${s}`} data-count={g.count}>
                  <TableCell sx={{ width: 180, verticalAlign: "top", whiteSpace: "nowrap" }}>
                    {t(`facilities.services.${s}`)}
                    <Typography component="span" sx={{ ml: 1, fontWeight: 600, color: g.count ? "error.main" : "success.main" }}>
                      {g.count}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    {g.count === 0 ? (
                      <Typography variant="body2" color="success.main">
                        {t("rosterUi.coverage.gapsNone")}
                      </Typography>
                    ) : (
                      <Box sx={{ display: "flex", gap: 0.5, flexWrap: "wrap", alignItems: "center" }}>
                        {g.counties.slice(0, GAP_CHIPS).map((c) => (
                          <Chip key={c.code} label={c.name} variant="outlined" title={c.code} />
                        ))}
                        {g.count > GAP_CHIPS && (
                          <Typography variant="caption" color="text.secondary">
                            {t("rosterUi.coverage.gapsMore", { count: g.count })}
                          </Typography>
                        )}
                      </Box>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Card>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1.5 }}>
        {t("rosterUi.coverage.definition")}
      </Typography>
    </>
  );
}
