// One institution: its record, cross-region services (open and closed), the services it had on
// a chosen date, pending changes with the checker's decision, status changes and the
// field-level history (paged in the URL: hpage, hpageSize).
// Drawn with the kit (panels, plain tables and tags; institution.module.css) instead of one
// Emotion-styled MUI element per cell. Texts that had Typography's color="text.secondary" keep
// the colour they rendered with: MUI 9 takes only palette names there, so it was no colour.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import Alert from "@mui/material/Alert";
import ArrowBack from "@mui/icons-material/ArrowBack";
import { ButtonLink } from "@/components/ui/links";
import { Tag } from "@/components/ui/tag";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { canDecideChangeRequest } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { todayCn } from "@/lib/facilities/codes";
import { getInstitutionPage } from "@/lib/facilities/queries";
import { formatDateTime } from "../../_components/date-time";
import { changeSummary, fieldLabel, formatValue, reasonText, sourceLabel } from "../_components/history-format";
import { diseaseList, levelLabel, ServiceTag, StatusTag } from "../_components/labels";
import { pick, type RawParams } from "../_components/params";
import { DecisionButtons } from "../_components/decision-buttons";
import { InstitutionActions } from "../_components/institution-actions";
import { UrlPagination } from "@/components/ui/url-pagination";
import { Section } from "@/components/ui/section";
import { SavedNotice, savedOutcome } from "../_components/saved-notice";
import { ServicesOnForm } from "../_components/services-on-form";
import s from "./institution.module.css";

type Params = Promise<{ code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { code } = await params;
  return { title: `${decodeURIComponent(code)} · ${(await getT())("facilities.title")}` };
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <div className="yb-caption">{label}</div>
      <div className={`yb-body2 ${s.factValue}`} data-testid={testId}>
        {children}
      </div>
    </div>
  );
}

export default async function InstitutionPage({ params, searchParams }: { params: Params; searchParams: Promise<RawParams> }) {
  const actor = await requireArea("facilities");
  const [{ code: rawCode }, sp, t, locale] = await Promise.all([params, searchParams, getT(), getLocale()]);
  const code = decodeURIComponent(rawCode);
  const q = pick(sp, ["on", "hpage", "hpageSize", "saved"]);
  const today = todayCn();
  const on = q.on ?? today;
  // The record, a page of its history and its services on the date, with one lookup of the
  // institution (a missing one is a 404; an invalid history page falls back to the first, an
  // invalid date is shown on its field).
  const data = await getInstitutionPage(actor, code, { page: q.hpage ?? "1", pageSize: q.hpageSize ?? "10" }, on).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const { inst, history } = data;
  const onDate = data.onDate.ok ? data.onDate : { ok: false as const, error: t("facilities.validation.date") };
  const regionPath = inst.regionPath.map((r) => r.name).join(" / ");
  const current = inst.servicePeriods.filter((p) => !p.closedOn);
  const closed = inst.servicePeriods.filter((p) => p.closedOn);
  const punct = locale === "en" ? ", " : "，";

  return (
    <>
      <PageHeader
        title={inst.name}
        subtitle={
          <span className={s.subtitle}>
            <span className={s.mono} data-testid="institution-code">
              {inst.code}
            </span>
            <span>·</span>
            <span>{t(`facilities.types.${inst.type}`)}</span>
            <span>·</span>
            <span>{regionPath}</span>
          </span>
        }
        actions={
          <ButtonLink href="/facilities" startIcon={<ArrowBack />}>
            {t("rosterUi.detail.back")}
          </ButtonLink>
        }
      />

      <SavedNotice outcome={savedOutcome(q.saved)} t={t} />
      {inst.canEdit ? (
        <div className={s.actions}>
          <InstitutionActions
            code={inst.code}
            version={inst.version}
            status={inst.status}
            type={inst.type}
            openServices={current.map((p) => p.service)}
            today={today}
          />
        </div>
      ) : (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="read-only-notice">
          {t("rosterUi.detail.readOnly")}
        </Alert>
      )}

      {inst.pendingChanges.length > 0 && (
        <Section title={t("rosterUi.detail.pending")} testId="pending-changes">
          <p className={`yb-body2 ${s.pendingHint}`}>{t("rosterUi.detail.pendingHint")}</p>
          <div className="yb-table-wrap">
            <table className="yb-table">
              <thead>
                <tr>
                  <th scope="col">{t("rosterUi.changes.kind")}</th>
                  <th scope="col">{t("rosterUi.changes.summary")}</th>
                  <th scope="col">{t("rosterUi.changes.maker")}</th>
                  <th scope="col">{t("rosterUi.changes.createdAt")}</th>
                  <th scope="col">{t("common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {inst.pendingChanges.map((c) => (
                  <tr key={c.id} data-testid="pending-change">
                    <td className="yb-nowrap">{t(`facilities.changeKinds.${c.kind}`)}</td>
                    <td>{changeSummary(t, c.kind, c.summary, c.payload, locale)}</td>
                    <td className="yb-nowrap">{c.makerName}</td>
                    <td className="yb-nowrap">{formatDateTime(c.createdAt, { seconds: false })}</td>
                    <td>
                      {canDecideChangeRequest(actor, c) ? (
                        <DecisionButtons id={c.id} />
                      ) : (
                        <p className="yb-body2">{c.makerId === actor.id ? t("rosterUi.changes.own") : t("rosterUi.changes.notChecker")}</p>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}

      <Section title={t("rosterUi.detail.record")} testId="institution-record">
        <div className={s.facts}>
          <Fact label={t("rosterUi.detail.code")}>
            <span className={s.mono}>{inst.code}</span>
          </Fact>
          <Fact label={t("rosterUi.fields.name")} testId="field-name">
            {inst.name}
          </Fact>
          <Fact label={t("rosterUi.detail.shortName")} testId="field-shortName">
            {inst.shortName ?? "—"}
          </Fact>
          <Fact label={t("rosterUi.detail.type")}>{t(`facilities.types.${inst.type}`)}</Fact>
          <Fact label={`${t("rosterUi.detail.level")} / ${t("rosterUi.detail.grade")}`}>{levelLabel(t, inst.level, inst.grade, locale)}</Fact>
          <Fact label={t("rosterUi.detail.ownership")}>{t(`facilities.ownership.${inst.ownership}`)}</Fact>
          <Fact label={t("rosterUi.detail.region")}>
            {regionPath}
            <code className={`yb-caption ${s.monoNote}`}>{inst.region.code}</code>
          </Fact>
          <Fact label={t("rosterUi.detail.address")} testId="field-address">
            {inst.address ?? "—"}
          </Fact>
          <Fact label={t("rosterUi.detail.phone")} testId="field-phone">
            {inst.phone ?? "—"}
          </Fact>
          <Fact label={t("rosterUi.detail.designatedSince")}>{inst.designatedSince}</Fact>
          <Fact label={t("rosterUi.detail.status")} testId="field-status">
            <div className={s.statusLine}>
              <StatusTag status={inst.status} t={t} />
              <span>{t("rosterUi.detail.statusSince", { date: inst.statusSince })}</span>
              {inst.statusReason && <span>{t("rosterUi.detail.statusReason", { reason: reasonText(t, inst.statusReason) })}</span>}
            </div>
          </Fact>
          <Fact label={t("rosterUi.detail.updatedAt")}>
            {formatDateTime(inst.updatedAt, { seconds: false })}
            <span className={`yb-caption ${s.note}`}>{t("rosterUi.detail.version", { version: inst.version })}</span>
          </Fact>
        </div>
      </Section>

      <div className={s.split}>
        <div className={s.main}>
          <Section title={t("rosterUi.detail.services")} testId="service-periods">
            {inst.servicePeriods.length === 0 ? (
              <p className={`yb-body1 ${s.empty}`}>{t("rosterUi.detail.noServices")}</p>
            ) : (
              <div className="yb-table-wrap">
                <table className={`yb-table ${s.services}`}>
                  <thead>
                    <tr>
                      <th scope="col">{t("rosterUi.detail.serviceCol")}</th>
                      <th scope="col">{t("rosterUi.detail.serviceState")}</th>
                      <th scope="col">{t("rosterUi.detail.openedOn")}</th>
                      <th scope="col">{t("rosterUi.detail.closedOn")}</th>
                      <th scope="col">{t("rosterUi.detail.diseases")}</th>
                      <th scope="col">{t("rosterUi.detail.closeReason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...current, ...closed].map((p) => (
                      <tr key={p.id} className={p.closedOn ? s.closed : undefined} data-testid="service-period" data-service={p.service} data-open={p.closedOn ? "false" : "true"}>
                        <td>
                          <ServiceTag service={p.service} t={t} />
                        </td>
                        <td>
                          <Tag label={p.closedOn ? t("rosterUi.detail.closed") : t("rosterUi.detail.current")} color={p.closedOn ? "default" : "success"} variant={p.closedOn ? "outlined" : "filled"} />
                        </td>
                        <td className="yb-nowrap">{p.openedOn}</td>
                        <td className="yb-nowrap">{p.closedOn ?? "—"}</td>
                        <td>{p.service === "CHRONIC" ? diseaseList(t, p.diseases, locale) : "—"}</td>
                        <td>{p.closeReason ? reasonText(t, p.closeReason) : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>
        </div>
        <div className={s.side}>
          <Section title={t("rosterUi.detail.servicesOn")} testId="services-on">
            <div className={s.onBox}>
              <p className={`yb-body2 ${s.onHint}`}>{t("rosterUi.detail.servicesOnHint")}</p>
              <ServicesOnForm key={on} value={onDate.ok ? onDate.date : on} error={onDate.ok ? undefined : onDate.error} />
              {onDate.ok && (
                <div className={s.onResult} data-testid="services-on-result">
                  <p className={`yb-body2 ${s.onStatus}`}>
                    {onDate.status
                      ? t("rosterUi.detail.onDateStatus", { date: onDate.date, status: t(`facilities.statuses.${onDate.status.status}`), since: onDate.status.since })
                      : t("rosterUi.detail.notDesignatedYet", { date: onDate.date })}
                  </p>
                  {onDate.services.length ? (
                    <ul className={s.onList}>
                      {onDate.services.map((x) => (
                        <li key={x.id}>
                          <p className="yb-body2">
                            {t(`facilities.services.${x.service}`)}
                            <span className="yb-caption">
                              {punct}
                              {t("rosterUi.detail.openedOn")} {x.openedOn}
                              {x.service === "CHRONIC" && x.diseases.length ? `${punct}${diseaseList(t, x.diseases, locale)}` : ""}
                            </span>
                          </p>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="yb-body2">{t("rosterUi.detail.noServicesOn")}</p>
                  )}
                </div>
              )}
            </div>
          </Section>
        </div>
      </div>

      {inst.statusEvents.length > 0 && (
        <Section title={t("rosterUi.detail.statusEvents")} testId="status-events">
          <div className="yb-table-wrap">
            <table className="yb-table">
              <thead>
                <tr>
                  <th scope="col">{t("rosterUi.detail.effectiveOn")}</th>
                  <th scope="col">{t("rosterUi.detail.status")}</th>
                  <th scope="col">{t("rosterUi.detail.reason")}</th>
                  <th scope="col">{t("rosterUi.detail.by")}</th>
                  <th scope="col">{t("rosterUi.detail.at")}</th>
                </tr>
              </thead>
              <tbody>
                {inst.statusEvents.map((e, i) => (
                  <tr key={i}>
                    <td className="yb-nowrap">{e.effectiveOn}</td>
                    <td>
                      <StatusTag status={e.status} t={t} />
                    </td>
                    <td>{reasonText(t, e.reason)}</td>
                    <td className="yb-nowrap">{e.actorName}</td>
                    <td className="yb-nowrap">{formatDateTime(e.at, { seconds: false })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}

      <Section title={t("rosterUi.detail.history")} testId="institution-history" action={<p className="yb-body2">{t("rosterUi.detail.historyTotal", { count: history.total })}</p>}>
        <div className="yb-table-wrap">
          <table className={`yb-table ${s.history}`}>
            <thead>
              <tr>
                <th scope="col" style={{ width: 150 }}>
                  {t("rosterUi.detail.at")}
                </th>
                <th scope="col" style={{ width: 150 }}>
                  {t("rosterUi.detail.field")}
                </th>
                <th scope="col">{t("rosterUi.detail.before")}</th>
                <th scope="col">{t("rosterUi.detail.after")}</th>
                <th scope="col" style={{ width: 170 }}>
                  {t("rosterUi.detail.actor")}
                </th>
                <th scope="col" style={{ width: 100 }}>
                  {t("rosterUi.detail.source")}
                </th>
              </tr>
            </thead>
            <tbody>
              {history.items.map((h) => (
                <tr key={h.id} data-testid="history-entry" data-field={h.field} data-source={h.source}>
                  <td className={s.at}>{formatDateTime(h.at, { seconds: false })}</td>
                  <td className={s.field}>{fieldLabel(t, h.field, locale)}</td>
                  <td className={h.before === null ? `${s.before} ${s.none}` : s.before}>{h.field === "*" ? "—" : formatValue(t, h.field, h.before, locale)}</td>
                  <td className={s.after}>{formatValue(t, h.field, h.after, locale)}</td>
                  <td>
                    {h.actorName}
                    {h.requestedBy && <div className="yb-caption">{t("rosterUi.detail.requestedBy", { name: h.requestedBy })}</div>}
                  </td>
                  <td>
                    <Tag label={sourceLabel(t, h.source)} variant="outlined" />
                    {h.importId && h.source !== "IMPORT" && <div className="yb-caption">{sourceLabel(t, "IMPORT")}</div>}
                  </td>
                </tr>
              ))}
              {history.items.length === 0 && (
                <tr>
                  <td colSpan={6}>
                    <p className={`yb-body1 ${s.historyEmpty}`}>{t("rosterUi.detail.historyEmpty")}</p>
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <UrlPagination total={history.total} page={history.page} pageSize={history.pageSize} pageKey="hpage" options={[10, 20, 50]} />
      </Section>
    </>
  );
}
