// The ticket page's parts (server components): heading, downtime hint, case facts, the two
// bureaus, the SLA clocks, the complainant and the timeline — each a kit Section.
import type { ReactNode } from "react";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { FactGrid, Section } from "@/components/ui/section";
import { Tag } from "@/components/ui/tag";
import type { Translate } from "@/lib/i18n";
import type { ComplaintDetail } from "@/lib/complaints/queries";
import { otherSide } from "@/lib/complaints/codes";
import { formatDateTime } from "../../../_components/date-time";
import s from "../../_components/complaints.module.css";
import { formatBusinessMinutes } from "../../_components/format";
import { SlaChip } from "../../_components/sla-chip";
import { StateChip } from "../../_components/state-chip";

interface Props {
  d: ComplaintDetail;
  t: Translate;
}
/** A bureau's name by region code (bureau-names.ts), in the reader's language. */
type BureauOf = (code: string | null) => string | null;

const at = (d: Date) => formatDateTime(d, { seconds: false });

export function TicketHeading({ d, t }: Props) {
  return (
    <Box sx={{ display: "flex", alignItems: "center", gap: 1.5, flexWrap: "wrap", mb: 2 }}>
      <Typography variant="h2" component="h1" sx={{ fontFamily: "monospace" }}>
        {d.number}
      </Typography>
      <StateChip state={d.state} t={t} size="medium" />
      <Tag label={t(`complaints.category.${d.category}`)} variant="outlined" />
      <Tag
        label={t(`complaints.priority.${d.priority}`)}
        variant="outlined"
        color={d.priority === "URGENT" ? "error" : d.priority === "HIGH" ? "warning" : "default"}
      />
      <SlaChip sla={d.sla} t={t} />
      <p className={`yb-body2 ${s.end}`} data-testid="relation">
        {t("complaints.detail.relation", { relation: t(`complaints.relation.${d.relation}`) })}
      </p>
    </Box>
  );
}

/** The downtime windows the settlement time falls in, and the root cause they suggest. */
export function DowntimeHint({ d, t }: Props) {
  if (d.downtimes.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="downtime-hint">
      <AlertTitle>{t("complaints.detail.downtime")}</AlertTitle>
      {d.downtimes.map((w) => (
        <div key={w.id}>
          {t("complaints.detail.downtimeSide", {
            side: t(`complaints.side.${w.side}`),
            region: w.region.name,
            kind: t(`complaints.downtime.kind.${w.kind}`),
            start: at(w.startsAt),
            end: at(w.endsAt),
            reason: w.reason,
          })}
        </div>
      ))}
      {d.suggestedRootCause && (
        <strong>{t("complaints.detail.suggest", { cause: t(`complaints.rootCause.${d.suggestedRootCause}`) })}</strong>
      )}
    </Alert>
  );
}

export function CaseFacts({ d, t }: Props) {
  return (
    <Section title={t("complaints.detail.case")}>
      <FactGrid
        facts={[
          { label: t("complaints.detail.channel"), value: t(`complaints.channel.${d.channel}`) },
          {
            label: t("complaints.detail.service"),
            value: d.serviceType ? t(`complaints.service.${d.serviceType}`) : "—",
          },
          {
            label: t("complaints.list.institution"),
            value: (
              <>
                {d.institutionName ?? "—"}{" "}
                {d.institutionCode && <span className={`yb-caption ${s.mono}`}>{d.institutionCode}</span>}
              </>
            ),
          },
          { label: t("complaints.detail.settlement"), value: d.settlementId ?? "—" },
          { label: t("complaints.detail.settlementAt"), value: d.settlementAt ? at(d.settlementAt) : "—" },
          { label: t("complaints.list.created"), value: at(d.createdAt) },
          d.rootCause && {
            label: t("complaints.detail.rootCause"),
            value: t(`complaints.rootCause.${d.rootCause}`),
            testId: "root-cause-value",
          },
          {
            label: t("complaints.detail.description"),
            value: <div className={s.pre}>{d.description}</div>,
            wide: true,
          },
          {
            label: t("complaints.detail.attachments"),
            value: d.attachments.length ? d.attachments.map((a) => a.name).join("、") : t("complaints.detail.none"),
            wide: true,
          },
        ]}
      />
    </Section>
  );
}

export function Bureaus({ d, t, locale, bureauOf }: Props & { locale: string; bureauOf: BureauOf }) {
  const side = (x: "HOME" | "VISIT") => t(`complaints.side.${x}`);
  const partySide = otherSide(d.ownerSide);
  const partyRegion = partySide === "HOME" ? d.homeRegion : d.visitRegion;
  const ownerRegion = d.ownerSide === "HOME" ? d.homeRegion : d.visitRegion;
  return (
    <Section title={t("complaints.detail.parties")}>
      <FactGrid
        columns={2}
        facts={[
          {
            label: t("complaints.detail.owner", { side: side(d.ownerSide) }),
            value: `${locale === "en" ? d.ownerBureau.nameEn : d.ownerBureau.name}（${ownerRegion.name}）`,
            wide: true,
          },
          {
            label: t("complaints.detail.party", { side: side(partySide) }),
            value: (
              <span title={`${partyRegion.name} ${partyRegion.code}`} data-testid="party-bureau">
                {bureauOf(partyRegion.code) ?? partyRegion.name}
              </span>
            ),
            wide: true,
          },
        ]}
      />
      {(d.awaitingSide || (d.escalatedToRegion && d.state === "ESCALATED")) && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap", px: 2, pb: 2 }}>
          {d.awaitingSide && (
            <Tag
              color="warning"
              label={t("complaints.detail.awaiting", { side: side(d.awaitingSide) })}
              testId="awaiting"
            />
          )}
          {d.escalatedToRegion && d.state === "ESCALATED" && (
            <Tag
              color="error"
              label={t("complaints.detail.escalatedTo", {
                region: bureauOf(d.escalatedToRegion) ?? d.escalatedToRegion,
              })}
            />
          )}
        </Stack>
      )}
    </Section>
  );
}

export function SlaClocks({ d, t }: Props) {
  const clock = (due: Date | null, doneAt?: Date | null) =>
    doneAt ? t("complaints.sla.responded", { at: at(doneAt) }) : due ? at(due) : "—";
  const left = d.sla.businessMinutesLeft;
  return (
    <Section title={t("complaints.list.sla")}>
      <FactGrid
        columns={2}
        facts={[
          {
            label: t("complaints.sla.firstResponse"),
            value: clock(d.sla.firstResponseDueAt, d.sla.firstRespondedAt),
            wide: true,
          },
          d.sla.nextUpdateDueAt && {
            label: t("complaints.sla.nextUpdate"),
            value: clock(d.sla.nextUpdateDueAt),
            wide: true,
          },
          { label: t("complaints.sla.resolution"), value: clock(d.sla.resolutionDueAt), wide: true },
        ]}
      />
      <Box sx={{ px: 2, pb: 2 }}>
        {left !== null && (
          <p className={left < 0 ? `yb-body2 ${s.error}` : "yb-body2"}>
            {t(left < 0 ? "complaints.sla.over" : "complaints.sla.left", { time: formatBusinessMinutes(left, t) })}
          </p>
        )}
        <span className="yb-caption">{t("complaints.sla.note")}</span>
      </Box>
    </Section>
  );
}

export function Complainant({ d, t, unmask }: Props & { unmask: ReactNode }) {
  return (
    <Section title={t("complaints.detail.complainant")}>
      <FactGrid
        columns={2}
        testId="complainant"
        facts={[
          { label: t("complaints.form.name"), value: d.complainantName, wide: true },
          { label: t("complaints.detail.phone"), value: d.complainantPhone ?? "—", wide: true },
          { label: t("complaints.detail.idNumber"), value: d.complainantIdNumber ?? "—", wide: true },
        ]}
      />
      {unmask && (
        <Box className="yb-no-print" sx={{ px: 2, pb: 2 }}>
          {unmask}
        </Box>
      )}
    </Section>
  );
}

export function Timeline({ d, t, bureauOf }: Props & { bureauOf: BureauOf }) {
  return (
    <Section title={t("complaints.detail.timeline")} padded>
      <Stack spacing={1.25} data-testid="timeline">
        {d.events.map((e, i) => (
          <div key={i} className={s.event}>
            <p className="yb-body2">
              <strong>{t(`complaints.action.${e.action}`)}</strong>
              {e.fromState &&
                e.fromState !== e.toState &&
                ` · ${t(`complaints.state.${e.fromState}`)} → ${t(`complaints.state.${e.toState}`)}`}
            </p>
            <span className="yb-caption">
              {e.actorName} ·{" "}
              <span title={e.actorRegion ?? undefined}>{bureauOf(e.actorRegion) ?? e.actorRegion ?? ""}</span> ·{" "}
              {at(e.at)}
            </span>
            {e.rootCause && (
              <p className="yb-body2">
                {t("complaints.detail.rootCauseValue", { cause: t(`complaints.rootCause.${e.rootCause}`) })}
              </p>
            )}
            {e.note && <p className="yb-body2">{e.action === "MERGED_IN" ? e.note : `“${e.note}”`}</p>}
          </div>
        ))}
      </Stack>
    </Section>
  );
}
