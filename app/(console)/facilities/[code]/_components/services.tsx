// An institution's cross-region services: every period, open ones first (the kit's DataTable),
// and the box that answers "which services on this date" (the date in the URL: ?on=).
import type { Translate } from "@/lib/i18n";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { Tag } from "@/components/ui/tag";
import { reasonText } from "../../_components/history-format";
import { diseaseList, ServiceTag } from "../../_components/labels";
import { ServicesOnForm } from "../../_components/services-on-form";
import type { Inst, InstitutionPageData } from "./record";
import s from "../institution.module.css";

type Period = Inst["servicePeriods"][number];

export function ServicesSection({ periods, t, locale }: { periods: Period[]; t: Translate; locale: string }) {
  const rows = [...periods.filter((p) => !p.closedOn), ...periods.filter((p) => p.closedOn)];
  const columns: Column<Period>[] = [
    {
      key: "service",
      header: t("rosterUi.detail.serviceCol"),
      cell: (p) => <ServiceTag service={p.service} t={t} />,
      minWidth: 110,
    },
    {
      key: "state",
      header: t("rosterUi.detail.serviceState"),
      cell: (p) => (
        <Tag
          label={p.closedOn ? t("rosterUi.detail.closed") : t("rosterUi.detail.current")}
          color={p.closedOn ? "default" : "success"}
          variant={p.closedOn ? "outlined" : "filled"}
        />
      ),
      nowrap: true,
    },
    { key: "openedOn", header: t("rosterUi.detail.openedOn"), cell: (p) => p.openedOn, nowrap: true, numeric: true },
    {
      key: "closedOn",
      header: t("rosterUi.detail.closedOn"),
      cell: (p) => p.closedOn ?? "—",
      nowrap: true,
      numeric: true,
    },
    {
      key: "diseases",
      header: t("rosterUi.detail.diseases"),
      cell: (p) => (p.service === "CHRONIC" ? diseaseList(t, p.diseases, locale) : "—"),
      minWidth: 120,
    },
    {
      key: "closeReason",
      header: t("rosterUi.detail.closeReason"),
      cell: (p) => (p.closeReason ? reasonText(t, p.closeReason) : "—"),
    },
  ];
  return (
    <Section title={t("rosterUi.detail.services")} testId="service-periods">
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(p) => p.id}
        label={t("rosterUi.detail.services")}
        hover={false}
        className={s.services}
        rowProps={(p) => ({
          className: p.closedOn ? s.closed : undefined,
          "data-testid": "service-period",
          "data-service": p.service,
          "data-open": p.closedOn ? "false" : "true",
        })}
        empty={t("rosterUi.detail.noServices")}
      />
    </Section>
  );
}

type OnDate = InstitutionPageData["onDate"];

function OnDateResult({ onDate, t, locale }: { onDate: Extract<OnDate, { ok: true }>; t: Translate; locale: string }) {
  const punct = locale === "en" ? ", " : "，";
  return (
    <div className={s.onResult} data-testid="services-on-result">
      <p className={`yb-body2 ${s.onStatus}`}>
        {onDate.status
          ? t("rosterUi.detail.onDateStatus", {
              date: onDate.date,
              status: t(`facilities.statuses.${onDate.status.status}`),
              since: onDate.status.since,
            })
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
  );
}

/** The services on `on` (an invalid date is shown on its field). */
export function ServicesOnSection({
  on,
  onDate,
  t,
  locale,
}: {
  on: string;
  onDate: OnDate;
  t: Translate;
  locale: string;
}) {
  return (
    <Section title={t("rosterUi.detail.servicesOn")} testId="services-on" padded>
      <p className={`yb-body2 ${s.onHint}`}>{t("rosterUi.detail.servicesOnHint")}</p>
      <ServicesOnForm
        key={on}
        value={onDate.ok ? onDate.date : on}
        error={onDate.ok ? undefined : t("facilities.validation.date")}
      />
      {onDate.ok && <OnDateResult onDate={onDate} t={t} locale={locale} />}
    </Section>
  );
}
