// The agreement page's sections (server components): overview, parties, covered institutions,
// scope and ratio rules, approvals, status history.
import Box from "@mui/material/Box";
import { TextLink } from "@/components/ui/links";
import { DataTable } from "@/components/ui/data-table";
import { FactGrid, Section } from "@/components/ui/section";
import { Tag } from "@/components/ui/tag";
import { UrlPagination } from "@/components/ui/url-pagination";
import { FILING_TYPES, NATIONAL_RATIO_CAPS } from "@/lib/agreements/codes";
import type { listCoveredInstitutions } from "@/lib/agreements/queries";
import type { AgreementView } from "@/lib/agreements/views";
import type { Translate } from "@/lib/i18n";
import { formatDateTime } from "../../../_components/date-time";
import { PartyChips } from "../../_components/chips";
import css from "../agreement.module.css";

interface Props {
  a: AgreementView;
  t: Translate;
}

export function Overview({ a, t, en }: Props & { en: boolean }) {
  const sep = t("nav.roleSeparator");
  const otherTitle = en ? a.title : a.titleEn;
  return (
    <Section title={t("agreements.detail.overview")} testId="agreement-overview">
      <FactGrid
        columns={2}
        facts={[
          { label: t("agreements.list.type"), value: t(`agreements.types.${a.type}`) },
          {
            label: t("agreements.list.period"),
            value: `${a.effectiveFrom} ~ ${a.effectiveTo ?? t("agreements.list.openEnded")}`,
          },
          { label: t("agreements.detail.direction"), value: t(`agreements.directions.${a.direction}`) },
          { label: t("agreements.detail.signedOn"), value: a.signedOn ?? "—" },
          {
            label: t("agreements.list.services"),
            value: `${a.services.map((s) => t(`agreements.services.${s}`)).join(sep)}${a.diseases.length ? ` (${a.diseases.map((d) => t(`agreements.diseases.${d}`)).join(sep)})` : ""}`,
          },
          { label: t("agreements.detail.documentRef"), value: a.documentRef ?? "—" },
          { label: t("agreements.detail.filingFree"), value: a.filingFree ? t("common.yes") : t("common.no") },
          {
            label: t("agreements.detail.attachments"),
            value: a.attachments.length
              ? a.attachments.map((x) => x.name).join(sep)
              : t("agreements.detail.noAttachments"),
          },
          Boolean(otherTitle) && { label: t("agreements.detail.otherTitle"), value: otherTitle!, wide: true },
          Boolean(a.notes) && { label: t("agreements.detail.notes"), value: a.notes!, wide: true },
        ]}
      />
    </Section>
  );
}

export function Parties({ a, t }: Props) {
  const sep = t("nav.roleSeparator");
  const names = (role: "HOME" | "VISIT") =>
    a.parties
      .filter((p) => p.role !== role)
      .map((p) => p.regionName)
      .join(sep);
  return (
    <Section title={t("agreements.detail.parties")} testId="agreement-parties" padded>
      <PartyChips parties={a.parties} mutual={a.direction === "MUTUAL"} t={t} />
      <p className="yb-body2" style={{ marginTop: 12 }}>
        {a.direction === "MUTUAL"
          ? a.parties.map((p) => p.regionName).join(" ⇄ ")
          : `${names("VISIT")} → ${names("HOME")}`}
      </p>
    </Section>
  );
}

export function Covered({
  covered,
  t,
}: {
  covered: Awaited<ReturnType<typeof listCoveredInstitutions>>;
  t: Translate;
}) {
  return (
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
          {
            key: "source",
            header: t("agreements.detail.colSource"),
            cell: (i) => (
              <Tag
                variant="outlined"
                label={i.listed ? t("agreements.detail.listed") : t("agreements.detail.byRule")}
              />
            ),
          },
        ]}
      />
      <UrlPagination total={covered.total} page={covered.page} pageSize={covered.pageSize} />
    </Section>
  );
}

function ruleText(
  rule: { minLevel?: string | null; types?: string[]; regionCodes?: string[] },
  t: Translate,
  names: Map<string, string>,
): string {
  const parts = [
    rule.minLevel ? t("agreements.detail.ruleLevel", { level: t(`agreements.levels.${rule.minLevel}`) }) : null,
    rule.types?.length
      ? t("agreements.detail.ruleTypes", {
          types: rule.types.map((x) => t(`agreements.institutionTypes.${x}`)).join("、"),
        })
      : null,
    rule.regionCodes?.length
      ? t("agreements.detail.ruleRegions", { regions: rule.regionCodes.map((c) => names.get(c) ?? c).join("、") })
      : null,
  ].filter(Boolean);
  return parts.length ? parts.join("；") : t("agreements.detail.ruleAny");
}

/** Who the agreement covers and the payment-ratio reductions by filing type (national caps where it sets none). */
export function Scope({ a, t, names }: Props & { names: Map<string, string> }) {
  const firstParty = a.parties.find((p) => a.direction === "MUTUAL" || p.role !== "VISIT");
  return (
    <Section title={t("agreements.detail.scope")} padded>
      {a.institutionCount > 0 && (
        <p className="yb-body2">{t("agreements.detail.scopeList", { count: a.institutionCount })}</p>
      )}
      {a.scopeRule && (
        <p className="yb-body2">{t("agreements.detail.scopeRule", { rule: ruleText(a.scopeRule, t, names) })}</p>
      )}
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
          <TextLink href={`/agreements/check?homeRegion=${firstParty.regionCode}&service=${a.services[0]}`}>
            {t("agreements.detail.checkHere")}
          </TextLink>
        </Box>
      )}
    </Section>
  );
}

export function Approvals({ a, t }: Props) {
  const partyName = new Map(a.parties.map((p) => [p.regionCode, p.regionName]));
  return (
    <Section title={t("agreements.detail.approvals")} testId="agreement-approvals" padded>
      <div className={css.stack4}>
        {a.approvals.map((p) => (
          <p key={p.regionCode} className="yb-body2">
            ✓{" "}
            {t("agreements.detail.approvedBy", {
              region: partyName.get(p.regionCode) ?? p.regionCode,
              name: p.approverName,
            })}
          </p>
        ))}
        {a.pendingApprovals.map((p) => (
          <p key={p.code} className="yb-body2">
            … {t("agreements.detail.pending", { region: p.name })}
          </p>
        ))}
      </div>
    </Section>
  );
}

export function Timeline({ a, t }: Props) {
  return (
    <Section title={t("agreements.detail.timeline")} testId="agreement-timeline" padded>
      <div className={css.stack10}>
        {[...a.transitions].reverse().map((x, i) => (
          <div key={i} className={x.toStatus === "ACTIVE" ? `${css.step} ${css.stepActive}` : css.step}>
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
  );
}
