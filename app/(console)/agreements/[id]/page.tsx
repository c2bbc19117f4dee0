// One agreement: overview, parties, scope and ratio rules, approvals, status history, the
// lifecycle buttons for officers of a party, and the institutions it covers (paginated).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import { ButtonLink, TextLink } from "@/components/ui/links";
import { PrintButton } from "@/components/ui/print-button";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Tag } from "@/components/ui/tag";
import css from "./agreement.module.css";
import { getLocale, getT } from "@/components/i18n/server";
import { NotFoundError } from "@/lib/errors";
import { FILING_TYPES, NATIONAL_RATIO_CAPS } from "@/lib/agreements/codes";
import { agreementPermissions, getAgreement, listCoveredInstitutions, regionNames } from "@/lib/agreements/queries";
import { todayCn } from "@/lib/facilities/codes";
import type { Translate } from "@/lib/i18n";
import { formatDateTime } from "../../_components/date-time";
import { AgreementTabs } from "../_components/agreement-tabs";
import { PartyChips, StatusChip } from "../_components/chips";
import { TransitionPanel } from "../_components/transition-panel";
import { UrlPagination } from "@/components/ui/url-pagination";
import { Section } from "@/components/ui/section";
import { requireAgreementsArea } from "../_components/guard";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("agreements.title") };
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div style={{ padding: "6px 0" }}>
      <div className="yb-caption">{label}</div>
      <div className="yb-body2">{children}</div>
    </div>
  );
}

function ruleText(rule: { minLevel?: string | null; types?: string[]; regionCodes?: string[] }, t: Translate, names: Map<string, string>): string {
  const parts = [
    rule.minLevel ? t("agreements.detail.ruleLevel", { level: t(`agreements.levels.${rule.minLevel}`) }) : null,
    rule.types?.length ? t("agreements.detail.ruleTypes", { types: rule.types.map((x) => t(`agreements.institutionTypes.${x}`)).join("、") }) : null,
    rule.regionCodes?.length ? t("agreements.detail.ruleRegions", { regions: rule.regionCodes.map((c) => names.get(c) ?? c).join("、") }) : null,
  ].filter(Boolean);
  return parts.length ? parts.join("；") : t("agreements.detail.ruleAny");
}

export default async function AgreementPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requireAgreementsArea();
  const [{ id }, sp, t, locale] = await Promise.all([params, searchParams, getT(), getLocale()]);
  const a = await getAgreement(actor, id).catch((e: unknown) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  if (!a) notFound();
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const [covered, names] = await Promise.all([
    listCoveredInstitutions(actor, id, { page: first(sp.page) ?? "1", pageSize: first(sp.pageSize) ?? "20" }).catch(() =>
      listCoveredInstitutions(actor, id, {}),
    ),
    regionNames(a.scopeRule?.regionCodes ?? []),
  ]);
  const perm = agreementPermissions(actor, a);
  const today = todayCn();
  const partyName = new Map(a.parties.map((p) => [p.regionCode, p.regionName]));
  const sep = t("nav.roleSeparator");
  const en = locale === "en";
  const firstParty = a.parties.find((p) => a.direction === "MUTUAL" || p.role !== "VISIT");

  return (
    <>
      <PageHeader
        title={en && a.titleEn ? a.titleEn : a.title}
        subtitle={
          <Stack direction="row" spacing={1} sx={{ alignItems: "center" }} component="span">
            <span>{a.number}</span>
            <StatusChip status={a.status} t={t} />
            {a.statusSince > today && <span>{t("agreements.detail.scheduled", { date: a.statusSince })}</span>}
            <span>{t("agreements.detail.version", { version: a.version })}</span>
          </Stack>
        }
        actions={
          <>
            <ButtonLink href="/agreements" variant="text">
              {t("agreements.detail.back")}
            </ButtonLink>
            {perm.canEdit && (
              <ButtonLink href={`/agreements/${a.id}/edit`} variant="outlined" data-testid="edit-agreement">
                {t("agreements.detail.edit")}
              </ButtonLink>
            )}
            <PrintButton />
          </>
        }
      />
      <AgreementTabs />
      <div className={css.columns}>
        <div className={css.main}>
          <div className={css.stack}>
            <Section title={t("agreements.detail.overview")} testId="agreement-overview" padded>
              <div className={css.facts}>
                <div>
                  <Field label={t("agreements.list.type")}>{t(`agreements.types.${a.type}`)}</Field>
                  <Field label={t("agreements.detail.direction")}>{t(`agreements.directions.${a.direction}`)}</Field>
                  <Field label={t("agreements.list.services")}>
                    {a.services.map((s) => t(`agreements.services.${s}`)).join(sep)}
                    {a.diseases.length ? ` (${a.diseases.map((d) => t(`agreements.diseases.${d}`)).join(sep)})` : ""}
                  </Field>
                  <Field label={t("agreements.detail.filingFree")}>{a.filingFree ? t("common.yes") : t("common.no")}</Field>
                </div>
                <div>
                  <Field label={t("agreements.list.period")}>
                    {a.effectiveFrom} ~ {a.effectiveTo ?? t("agreements.list.openEnded")}
                  </Field>
                  <Field label={t("agreements.detail.signedOn")}>{a.signedOn ?? "—"}</Field>
                  <Field label={t("agreements.detail.documentRef")}>{a.documentRef ?? "—"}</Field>
                  <Field label={t("agreements.detail.attachments")}>
                    {a.attachments.length ? a.attachments.map((x) => x.name).join(sep) : t("agreements.detail.noAttachments")}
                  </Field>
                </div>
              </div>
              {en ? <Field label={t("agreements.detail.otherTitle")}>{a.title}</Field> : a.titleEn && <Field label={t("agreements.detail.otherTitle")}>{a.titleEn}</Field>}
              {a.notes && <Field label={t("agreements.detail.notes")}>{a.notes}</Field>}
            </Section>

            <Section title={t("agreements.detail.parties")} testId="agreement-parties" padded>
              <PartyChips parties={a.parties} mutual={a.direction === "MUTUAL"} t={t} />
              <p className="yb-body2" style={{ marginTop: 12 }}>
                {a.direction === "MUTUAL"
                  ? a.parties.map((p) => p.regionName).join(" ⇄ ")
                  : `${a.parties.filter((p) => p.role !== "VISIT").map((p) => p.regionName).join(sep)} → ${a.parties.filter((p) => p.role !== "HOME").map((p) => p.regionName).join(sep)}`}
              </p>
            </Section>

            <Section title={t("agreements.detail.covered")} testId="covered-institutions" padded>
              <p className="yb-body2" style={{ marginBottom: 8 }}>
                {t("agreements.detail.coveredHint")} · {t("common.total", { count: covered.total })}
              </p>
              <DataTable
                label={t("agreements.detail.covered")}
                hover={false}
                rows={covered.items}
                rowKey={(i) => i.code}
                columns={[
                  { key: "code", header: t("agreements.detail.colCode"), cell: (i) => <code>{i.code}</code> },
                  { key: "name", header: t("agreements.detail.colName"), cell: (i) => i.name },
                  { key: "region", header: t("agreements.detail.colRegion"), cell: (i) => i.regionName },
                  { key: "level", header: t("agreements.detail.colLevel"), cell: (i) => t(`agreements.levels.${i.level}`) },
                  { key: "source", header: t("agreements.detail.colSource"), cell: (i) => <Tag variant="outlined" label={i.listed ? t("agreements.detail.listed") : t("agreements.detail.byRule")} /> },
                ]}
              />
              <UrlPagination total={covered.total} page={covered.page} pageSize={covered.pageSize} />
            </Section>
          </div>
        </div>

        <div className={css.side}>
          <div className={css.stack}>
            {perm.actions.length > 0 && (
              <Section title={t("agreements.transitions.title")} testId="agreement-actions" padded>
                <TransitionPanel id={a.id} version={a.version} actions={perm.actions} disabledActivate={perm.alreadyApproved} />
              </Section>
            )}
            <Section title={t("agreements.detail.scope")} padded>
              {a.institutionCount > 0 && <p className="yb-body2">{t("agreements.detail.scopeList", { count: a.institutionCount })}</p>}
              {a.scopeRule && <p className="yb-body2">{t("agreements.detail.scopeRule", { rule: ruleText(a.scopeRule, t, names) })}</p>}
              <h3 className="yb-subtitle2" style={{ marginTop: 16 }}>
                {t("agreements.detail.ratio")}
              </h3>
              <table className="yb-table" data-testid="ratio-rules">
                <tbody>
                  {FILING_TYPES.map((f) => (
                    <tr key={f}>
                      <td>{t(`agreements.filingTypes.${f}`)}</td>
                      <td className="yb-right">
                        {a.ratioRules[f] ?? NATIONAL_RATIO_CAPS[f]}
                        {a.ratioRules[f] === undefined && <span className="yb-caption"> *</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <span className="yb-caption">* {t("agreements.detail.ratioDefault")}</span>
              {firstParty && (
                <Box sx={{ mt: 1.5 }}>
                  <TextLink href={`/agreements/check?homeRegion=${firstParty.regionCode}&service=${a.services[0]}`}>{t("agreements.detail.checkHere")}</TextLink>
                </Box>
              )}
            </Section>
            <Section title={t("agreements.detail.approvals")} testId="agreement-approvals" padded>
              <div className={css.stack4}>
                {a.approvals.map((p) => (
                  <p key={p.regionCode} className="yb-body2">
                    ✓ {t("agreements.detail.approvedBy", { region: partyName.get(p.regionCode) ?? p.regionCode, name: p.approverName })}
                  </p>
                ))}
                {a.pendingApprovals.map((p) => (
                  <p key={p.code} className="yb-body2">
                    … {t("agreements.detail.pending", { region: p.name })}
                  </p>
                ))}
              </div>
            </Section>
            <Section title={t("agreements.detail.timeline")} testId="agreement-timeline" padded>
              <div className={css.stack10}>
                {[...a.transitions].reverse().map((x, i) => (
                  <div key={i} style={{ borderLeft: `3px solid ${x.toStatus === "ACTIVE" ? "var(--yb-success)" : "var(--yb-divider)"}`, paddingLeft: 12 }}>
                    <p className="yb-body2" style={{ fontWeight: 600 }}>
                      {x.effectiveOn} · {t(`agreements.actions.${x.action}`)} → {t(`agreements.statuses.${x.toStatus}`)}
                    </p>
                    <span className="yb-caption">
                      {x.actorName} · {formatDateTime(x.recordedAt, { seconds: false })}
                      {x.reason ? ` · ${x.reason}` : ""}
                    </span>
                  </div>
                ))}
              </div>
            </Section>
          </div>
        </div>
      </div>
    </>
  );
}
