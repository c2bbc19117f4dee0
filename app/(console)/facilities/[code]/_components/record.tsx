// An institution's record: the page header's subtitle (code · type · region) and the facts of
// the record in the kit's FactGrid.
import type { Translate } from "@/lib/i18n";
import type { getInstitutionPage } from "@/lib/facilities/queries";
import { FactGrid } from "@/components/ui/section";
import { Section } from "@/components/ui/section";
import { formatDateTime } from "../../../_components/date-time";
import { reasonText } from "../../_components/history-format";
import { levelLabel, StatusTag } from "../../_components/labels";
import s from "../institution.module.css";

export type InstitutionPageData = NonNullable<Awaited<ReturnType<typeof getInstitutionPage>>>;
export type Inst = InstitutionPageData["inst"];

export function InstitutionSubtitle({ inst, regionPath, t }: { inst: Inst; regionPath: string; t: Translate }) {
  return (
    <span className={s.subtitle}>
      <span className={s.mono} data-testid="institution-code">
        {inst.code}
      </span>
      <span>·</span>
      <span>{t(`facilities.types.${inst.type}`)}</span>
      <span>·</span>
      <span>{regionPath}</span>
    </span>
  );
}

function StatusFact({ inst, t }: { inst: Inst; t: Translate }) {
  return (
    <span className={s.statusLine}>
      <StatusTag status={inst.status} t={t} />
      <span>{t("rosterUi.detail.statusSince", { date: inst.statusSince })}</span>
      {inst.statusReason && (
        <span>{t("rosterUi.detail.statusReason", { reason: reasonText(t, inst.statusReason) })}</span>
      )}
    </span>
  );
}

export function RecordSection({
  inst,
  regionPath,
  t,
  locale,
}: {
  inst: Inst;
  regionPath: string;
  t: Translate;
  locale: string;
}) {
  return (
    <Section title={t("rosterUi.detail.record")} testId="institution-record">
      <FactGrid
        facts={[
          { label: t("rosterUi.detail.code"), value: <span className={s.mono}>{inst.code}</span> },
          { label: t("rosterUi.fields.name"), value: inst.name, testId: "field-name" },
          { label: t("rosterUi.detail.shortName"), value: inst.shortName ?? "—", testId: "field-shortName" },
          { label: t("rosterUi.detail.type"), value: t(`facilities.types.${inst.type}`) },
          {
            label: `${t("rosterUi.detail.level")} / ${t("rosterUi.detail.grade")}`,
            value: levelLabel(t, inst.level, inst.grade, locale),
          },
          { label: t("rosterUi.detail.ownership"), value: t(`facilities.ownership.${inst.ownership}`) },
          {
            label: t("rosterUi.detail.region"),
            value: (
              <>
                {regionPath}
                <code className={`yb-caption ${s.monoNote}`}>{inst.region.code}</code>
              </>
            ),
          },
          { label: t("rosterUi.detail.address"), value: inst.address ?? "—", testId: "field-address" },
          { label: t("rosterUi.detail.phone"), value: inst.phone ?? "—", testId: "field-phone" },
          { label: t("rosterUi.detail.designatedSince"), value: inst.designatedSince },
          { label: t("rosterUi.detail.status"), value: <StatusFact inst={inst} t={t} />, testId: "field-status" },
          {
            label: t("rosterUi.detail.updatedAt"),
            value: (
              <>
                {formatDateTime(inst.updatedAt, { seconds: false })}
                <span className={`yb-caption ${s.note}`}>
                  {t("rosterUi.detail.version", { version: inst.version })}
                </span>
              </>
            ),
          },
        ]}
      />
    </Section>
  );
}
