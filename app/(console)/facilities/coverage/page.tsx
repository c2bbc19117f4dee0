// Coverage panel of a region (?region=CODE): institutions by type and status, institutions
// offering each cross-region service, the same per sub-region, counties where no institution
// offers a service, and this month's changes. Public like the roster.
// Drawn with the kit (plain tables, tags and panels styled by static CSS, coverage.module.css):
// a province has hundreds of cells and county tags, one Emotion-styled MUI element each before.
// The two long parts — sub-regions (chart in the kit's ChartFrame, table in its DataTable) and
// county gaps — are client components fed compact rows, so their markup is not sent a second
// time in the React payload.
// Captions keep the colour they rendered with: MUI 9's Typography took color="text.secondary"
// and "success.main" as no colour at all (it knows only palette names such as "textSecondary").
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Panel, PanelHead } from "@/components/ui/panel";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import type { Translate } from "@/lib/i18n";
import { hasRole } from "@/lib/auth/policy";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { CHRONIC_DISEASES, INSTITUTION_TYPES, SERVICES } from "@/lib/facilities/codes";
import { coverage } from "@/lib/facilities/coverage";
import { RosterTabs } from "../_components/roster-tabs";
import { SERVICE_COLOR } from "../_components/labels";
import { pick, type RawParams } from "../_components/params";
import { CoverageRegion } from "./_components/coverage-region";
import { CoverageChildren, type ChildRow } from "./_components/coverage-children";
import { CoverageGaps, type GapRow } from "./_components/coverage-gaps";
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
const SERVICE_TEXT: Record<string, string> = {
  primary: "var(--yb-primary)",
  info: "var(--yb-info)",
  success: "var(--yb-success)",
  default: "var(--yb-text)",
};

function Figure({
  label,
  value,
  testId,
  color = "#123a66",
}: {
  label: string;
  value: number;
  testId: string;
  color?: string;
}) {
  return (
    <Panel className={s.figure} testId={testId} data-value={value}>
      <div className="yb-caption">{label}</div>
      <p className={s.figureValue} style={{ color }}>
        {num(value)}
      </p>
    </Panel>
  );
}

function Card({
  title,
  children,
  testId,
  hint,
  fill = true,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  hint?: string;
  fill?: boolean;
}) {
  return (
    <Panel className={fill ? s.fill : undefined} testId={testId}>
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

type Coverage = Awaited<ReturnType<typeof coverage>>;

function CoverageFigures({ totals, t }: { totals: Coverage["totals"]; t: Translate }) {
  return (
    <div className={s.figures}>
      <div>
        <Figure
          label={t("rosterUi.coverage.institutions")}
          value={totals.institutions}
          testId="coverage-institutions"
        />
      </div>
      <div>
        <Figure
          label={t("rosterUi.coverage.active")}
          value={totals.active}
          testId="coverage-active"
          color="var(--yb-success)"
        />
      </div>
      {SERVICES.map((x) => (
        <div key={x}>
          <Figure
            label={t(`facilities.services.${x}`)}
            value={totals.byService[x] ?? 0}
            testId={`coverage-service-${x}`}
            color={SERVICE_TEXT[SERVICE_COLOR[x] ?? "default"]}
          />
        </div>
      ))}
    </div>
  );
}

function CoverageCards({
  totals,
  ch,
  t,
}: {
  totals: Coverage["totals"];
  ch: Coverage["changesThisMonth"];
  t: Translate;
}) {
  const unit = t("rosterUi.coverage.unit");
  const changes = [
    ["institutionsChanged", ch.institutionsChanged],
    ["created", ch.created],
    ["statusChanges", ch.statusChanges],
    ["serviceChanges", ch.serviceChanges],
    ["fieldChanges", ch.fieldChanges],
  ] as const;
  return (
    <div className={s.cards}>
      <div>
        <Card title={t("rosterUi.coverage.byType")} testId="coverage-by-type">
          <CountTable
            rows={INSTITUTION_TYPES.map((x) => ({
              key: x,
              label: t(`facilities.types.${x}`),
              value: `${num(totals.byType[x] ?? 0)} ${unit}`,
            }))}
          />
        </Card>
      </div>
      <div>
        <Card title={t("rosterUi.coverage.byDisease")} testId="coverage-by-disease">
          <CountTable
            rows={CHRONIC_DISEASES.map((d) => ({
              key: d,
              label: t(`facilities.diseases.${d}`),
              value: `${num(totals.byDisease[d] ?? 0)} ${unit}`,
            }))}
          />
        </Card>
      </div>
      <div>
        <Card title={t("rosterUi.coverage.changes", { since: ch.since })} testId="coverage-changes">
          <CountTable
            rows={changes.map(([k, v]) => ({
              key: k,
              label: t(`rosterUi.coverage.${k}`),
              value: num(v),
              testId: `coverage-changes-${k}`,
            }))}
          />
        </Card>
      </div>
    </div>
  );
}

const childRows = (children: Coverage["children"]): ChildRow[] =>
  children.map((c) => ({
    code: c.code,
    name: c.name,
    county: c.level === "COUNTY",
    institutions: c.institutions,
    active: c.active,
    types: INSTITUTION_TYPES.map((x) => c.byType[x] ?? 0),
    services: SERVICES.map((x) => c.byService[x] ?? 0),
  }));

const gapRows = (gaps: Coverage["gaps"]): GapRow[] =>
  SERVICES.map((x) => {
    const g = gaps[x] ?? { count: 0, counties: [] };
    return {
      service: x,
      count: g.count,
      counties: g.counties.slice(0, GAP_CHIPS).map((c): [string, string] => [c.code, c.name]),
      more: g.count > GAP_CHIPS,
    };
  });

export default async function CoveragePage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const actor = await requireArea("facilities");
  const [t, sp] = await Promise.all([getT(), searchParams]);
  const asked = pick(sp, ["region"]).region;
  const data = (asked && (await load(actor, asked))) || (await coverage(actor, actor.regionCode));

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
        <code className="yb-body2" style={{ marginLeft: 8, fontFamily: "monospace" }}>
          {data.region.code}
        </code>
      </h2>
      <CoverageFigures totals={data.totals} t={t} />
      <CoverageCards totals={data.totals} ch={data.changesThisMonth} t={t} />
      {data.children.length > 0 && <CoverageChildren rows={childRows(data.children)} />}
      <Card
        title={t("rosterUi.coverage.gaps")}
        hint={t("rosterUi.coverage.gapsHint")}
        testId="coverage-gaps"
        fill={false}
      >
        <CoverageGaps rows={gapRows(data.gaps)} />
      </Card>
      <p className={`yb-caption ${s.definition}`}>{t("rosterUi.coverage.definition")}</p>
    </>
  );
}
