// Coverage panel of a region (?region=CODE): institutions by type and status, institutions
// offering each cross-region service, the same per sub-region, counties where no institution
// offers a service, and this month's changes. Public like the roster.
// Drawn with the kit (plain tables, tags and panels styled by static CSS, coverage.module.css):
// a province has hundreds of cells and county tags, one Emotion-styled MUI element each before.
// Captions keep the colour they rendered with: MUI 9's Typography took color="text.secondary"
// and "success.main" as no colour at all (it knows only palette names such as "textSecondary").
import type { Metadata } from "next";
import type { CSSProperties, ReactNode } from "react";
import Grid from "@mui/material/Grid";
import { Panel, PanelHead } from "@/components/ui/panel";
import { RowLink } from "@/components/ui/row-link";
import { Tag } from "@/components/ui/tag";
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
import s from "./coverage.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("rosterUi.coverage.title") };
}

const GAP_CHIPS = 24;

// One formatter for the process (the default locale, as toLocaleString() used): a province's
// panel formats a few hundred numbers.
const NUMBER = new Intl.NumberFormat();
const num = (n: number) => NUMBER.format(n);

/** A service's colour (its chip colour's main shade; text colour for "default"). */
const SERVICE_TEXT: Record<string, string> = { primary: "var(--yb-primary)", info: "var(--yb-info)", success: "var(--yb-success)", default: "var(--yb-text)" };

function Figure({ label, value, testId, color = "#123a66" }: { label: string; value: number; testId: string; color?: string }) {
  return (
    <Panel className={s.figure} testId={testId} data-value={value}>
      <div className="yb-caption">{label}</div>
      <p className={s.figureValue} style={{ color }}>
        {num(value)}
      </p>
    </Panel>
  );
}

function Card({ title, children, testId, hint, fill = true, style }: { title: string; children: ReactNode; testId?: string; hint?: string; fill?: boolean; style?: CSSProperties }) {
  return (
    <Panel className={fill ? s.fill : undefined} testId={testId} style={style}>
      <PanelHead title={title}>{hint && <span className="yb-caption">{hint}</span>}</PanelHead>
      {children}
    </Panel>
  );
}

/** Label → count rows without a head (the card's title names them). */
function CountTable({ rows }: { rows: { key: string; label: string; value: ReactNode; testId?: string }[] }) {
  return (
    <table className="yb-table">
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.label}</td>
            <td className="yb-right yb-num" data-testid={r.testId}>
              {r.value}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
      <h2 className="yb-h3" style={{ marginBottom: 12 }} data-testid="coverage-region-name">
        {data.region.name}
        <span className="yb-body2" style={{ marginLeft: 8, fontFamily: "monospace" }}>
          {data.region.code}
        </span>
      </h2>
      <Grid container spacing={2} sx={{ mb: 2 }}>
        <Grid size={{ xs: 6, md: 2 }}>
          <Figure label={t("rosterUi.coverage.institutions")} value={totals.institutions} testId="coverage-institutions" />
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <Figure label={t("rosterUi.coverage.active")} value={totals.active} testId="coverage-active" color="var(--yb-success)" />
        </Grid>
        {SERVICES.map((x) => (
          <Grid key={x} size={{ xs: 6, md: 2 }}>
            <Figure label={t(`facilities.services.${x}`)} value={totals.byService[x] ?? 0} testId={`coverage-service-${x}`} color={SERVICE_TEXT[SERVICE_COLOR[x] ?? "default"]} />
          </Grid>
        ))}
      </Grid>

      <Grid container spacing={2} sx={{ mb: 2 }}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Card title={t("rosterUi.coverage.byType")} testId="coverage-by-type">
            <CountTable rows={INSTITUTION_TYPES.map((x) => ({ key: x, label: t(`facilities.types.${x}`), value: `${num(totals.byType[x] ?? 0)} ${unit}` }))} />
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Card title={t("rosterUi.coverage.byDisease")} testId="coverage-by-disease">
            <CountTable rows={CHRONIC_DISEASES.map((d) => ({ key: d, label: t(`facilities.diseases.${d}`), value: `${num(totals.byDisease[d] ?? 0)} ${unit}` }))} />
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Card title={t("rosterUi.coverage.changes", { since: ch.since })} testId="coverage-changes">
            <CountTable
              rows={(
                [
                  ["institutionsChanged", ch.institutionsChanged],
                  ["created", ch.created],
                  ["statusChanges", ch.statusChanges],
                  ["serviceChanges", ch.serviceChanges],
                  ["fieldChanges", ch.fieldChanges],
                ] as const
              ).map(([k, v]) => ({ key: k, label: t(`rosterUi.coverage.${k}`), value: num(v), testId: `coverage-changes-${k}` }))}
            />
          </Card>
        </Grid>
      </Grid>

      {children.length > 0 && (
        <Card title={t("rosterUi.coverage.children")} testId="coverage-children" fill={false} style={{ marginBottom: 16 }}>
          {children.length <= 40 && (
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
                {children.map((c) => (
                  <tr key={c.code} className="yb-hover" data-testid="coverage-child" data-code={c.code}>
                    <td className="yb-nowrap">{c.level === "COUNTY" ? c.name : <RowLink href={`/facilities/coverage?region=${c.code}`}>{c.name}</RowLink>}</td>
                    <td className="yb-right">{num(c.institutions)}</td>
                    <td className="yb-right">{num(c.active)}</td>
                    {INSTITUTION_TYPES.map((x) => (
                      <td key={x} className={c.byType[x] ? "yb-right" : `yb-right ${s.zero}`}>
                        {num(c.byType[x] ?? 0)}
                      </td>
                    ))}
                    {SERVICES.map((x) => (
                      <td key={x} className={c.byService[x] ? `yb-right ${s.service}` : `yb-right ${s.service} ${s.none}`}>
                        {num(c.byService[x] ?? 0)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}

      <Card title={t("rosterUi.coverage.gaps")} hint={t("rosterUi.coverage.gapsHint")} testId="coverage-gaps" fill={false}>
        <table className="yb-table">
          <tbody>
            {SERVICES.map((x) => {
              const g = gaps[x] ?? { count: 0, counties: [] };
              return (
                <tr key={x} data-testid={`coverage-gap-${x}`} data-count={g.count}>
                  <td className={s.gapService}>
                    {t(`facilities.services.${x}`)}
                    <span className={s.gapCount} style={{ color: g.count ? "var(--yb-error)" : "var(--yb-success)" }}>
                      {g.count}
                    </span>
                  </td>
                  <td>
                    {g.count === 0 ? (
                      <p className="yb-body2">{t("rosterUi.coverage.gapsNone")}</p>
                    ) : (
                      <div className={s.gapTags}>
                        {g.counties.slice(0, GAP_CHIPS).map((c) => (
                          <Tag key={c.code} label={c.name} variant="outlined" title={c.code} />
                        ))}
                        {g.count > GAP_CHIPS && <span className="yb-caption">{t("rosterUi.coverage.gapsMore", { count: g.count })}</span>}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
      <p className={`yb-caption ${s.definition}`}>{t("rosterUi.coverage.definition")}</p>
    </>
  );
}
