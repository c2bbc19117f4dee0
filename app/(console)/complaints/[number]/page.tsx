import { notFound } from "next/navigation";
import { PrintButton } from "@/components/ui/print-button";
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { TextLink } from "@/components/ui/links";
import { Tag } from "@/components/ui/tag";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { NotFoundError } from "@/lib/errors";
import { canHandleComplaints, canUnmaskComplainant } from "@/lib/auth/policy";
import { otherSide } from "@/lib/complaints/codes";
import { bureauNamer } from "@/lib/complaints/bureau-names";
import { getComplaintDetail } from "@/lib/complaints/queries";
import { formatDateTime } from "../../_components/date-time";
import { ComplaintsNav } from "../_components/complaints-nav";
import s from "../_components/complaints.module.css";
import { formatBusinessMinutes } from "../_components/format";
import { SlaChip } from "../_components/sla-chip";
import { StateChip } from "../_components/state-chip";
import { ActionPanel } from "./_components/action-panel";
import { CommentTabs } from "./_components/comment-tabs";
import { UnmaskButton } from "./_components/unmask-button";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }) {
  return { title: (await params).number };
}

/** A labelled value: plain markup with the kit's text classes (a dozen on every ticket). */
function Field({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <span className="yb-caption">{label}</span>
      <div className="yb-body2">{children}</div>
    </div>
  );
}

export default async function ComplaintPage({ params }: { params: Promise<{ number: string }> }) {
  const actor = await requireArea("complaints");
  const [t, locale, { number }] = await Promise.all([getT(), getLocale(), params]);
  const d = await getComplaintDetail(actor, decodeURIComponent(number)).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const bureauOf = await bureauNamer(locale === "en" ? "en" : "zh");
  const scope = { ownerBureauId: d.ownerBureau.id, ownerRegionCode: d.ownerRegionCode, homeRegionCode: d.homeRegion.code, visitRegionCode: d.visitRegion.code };
  const handler = canHandleComplaints(actor);
  const partySide = otherSide(d.ownerSide);
  const partyRegion = partySide === "HOME" ? d.homeRegion : d.visitRegion;
  const ownerRegion = d.ownerSide === "HOME" ? d.homeRegion : d.visitRegion;
  const side = (s: "HOME" | "VISIT") => t(`complaints.side.${s}`);
  const clock = (label: string, due: Date | null, doneAt?: Date | null) => (
    <Field label={label}>
      {doneAt ? t("complaints.sla.responded", { at: formatDateTime(doneAt, { seconds: false }) }) : due ? formatDateTime(due, { seconds: false }) : "—"}
    </Field>
  );
  const comment = (c: (typeof d.internalNotes)[number]) => ({ id: c.id, body: c.body, authorName: c.authorName, region: bureauOf(c.authorRegion) ?? c.authorRegion ?? "", at: formatDateTime(c.at, { seconds: false }) });

  return (
    <>
      <ComplaintsNav current="/complaints" t={t} canCreate={handler} />
      <Box sx={{ mb: 1, display: "flex", justifyContent: "space-between", alignItems: "center" }}>
        <TextLink href="/complaints">← {t("complaints.detail.back")}</TextLink>
        <PrintButton />
      </Box>
      <Box sx={{ display: "flex", alignItems: "center", gap: 1.5, flexWrap: "wrap", mb: 2 }}>
        <Typography variant="h2" component="h1" sx={{ fontFamily: "monospace" }}>
          {d.number}
        </Typography>
        <StateChip state={d.state} t={t} size="medium" />
        <Tag label={t(`complaints.category.${d.category}`)} variant="outlined" />
        <Tag label={t(`complaints.priority.${d.priority}`)} variant="outlined" color={d.priority === "URGENT" ? "error" : d.priority === "HIGH" ? "warning" : "default"} />
        <SlaChip sla={d.sla} t={t} />
        <p className={`yb-body2 ${s.end}`} data-testid="relation">
          {t("complaints.detail.relation", { relation: t(`complaints.relation.${d.relation}`) })}
        </p>
      </Box>

      {d.downtimes.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="downtime-hint">
          <AlertTitle>{t("complaints.detail.downtime")}</AlertTitle>
          {d.downtimes.map((w) => (
            <div key={w.id}>
              {t("complaints.detail.downtimeSide", {
                side: side(w.side),
                region: w.region.name,
                kind: t(`complaints.downtime.kind.${w.kind}`),
                start: formatDateTime(w.startsAt, { seconds: false }),
                end: formatDateTime(w.endsAt, { seconds: false }),
                reason: w.reason,
              })}
            </div>
          ))}
          {d.suggestedRootCause && <strong>{t("complaints.detail.suggest", { cause: t(`complaints.rootCause.${d.suggestedRootCause}`) })}</strong>}
        </Alert>
      )}
      {d.mergedInto && (
        <Alert severity="info" sx={{ mb: 2 }}>
          <TextLink href={`/complaints/${d.mergedInto}`}>{t("complaints.detail.mergedInto", { number: d.mergedInto })}</TextLink>
        </Alert>
      )}

      <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", lg: "2fr 1fr" }, gap: 2, alignItems: "start" }}>
        <Stack spacing={2}>
          <Paper sx={{ p: 2 }} className="yb-no-print">
            <h4 className={`yb-h4 ${s.title}`}>
              {t("complaints.detail.actions")}
            </h4>
            <ActionPanel number={d.number} version={d.version} allowed={d.allowedTransitions} suggestedRootCause={d.suggestedRootCause} />
          </Paper>
          <Paper sx={{ p: 2 }}>
            <h4 className={`yb-h4 ${s.title}`}>
              {t("complaints.detail.case")}
            </h4>
            <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr 1fr", md: "repeat(3, 1fr)" }, gap: 1.5, mb: 2 }}>
              <Field label={t("complaints.detail.channel")}>{t(`complaints.channel.${d.channel}`)}</Field>
              <Field label={t("complaints.detail.service")}>{d.serviceType ? t(`complaints.service.${d.serviceType}`) : "—"}</Field>
              <Field label={t("complaints.list.institution")}>
                {d.institutionName ?? "—"} {d.institutionCode && <span className={`yb-caption ${s.mono}`}>{d.institutionCode}</span>}
              </Field>
              <Field label={t("complaints.detail.settlement")}>{d.settlementId ?? "—"}</Field>
              <Field label={t("complaints.detail.settlementAt")}>{d.settlementAt ? formatDateTime(d.settlementAt, { seconds: false }) : "—"}</Field>
              <Field label={t("complaints.list.created")}>{formatDateTime(d.createdAt, { seconds: false })}</Field>
              {d.rootCause && <Field label={t("complaints.detail.rootCause")} testId="root-cause-value">{t(`complaints.rootCause.${d.rootCause}`)}</Field>}
            </Box>
            <Field label={t("complaints.detail.description")}>
              <div className={s.pre}>{d.description}</div>
            </Field>
            <div className={s.spaced}>
              <Field label={t("complaints.detail.attachments")}>{d.attachments.length ? d.attachments.map((a) => a.name).join("、") : t("complaints.detail.none")}</Field>
            </div>
          </Paper>
          <Paper sx={{ p: 2 }}>
            <CommentTabs
              number={d.number}
              notes={d.internalNotes.map(comment)}
              replies={d.replies.map(comment)}
              canNote={handler}
              canReply={handler && d.relation === "OWNER"}
            />
          </Paper>
        </Stack>

        <Stack spacing={2}>
          <Paper sx={{ p: 2 }}>
            <h4 className={`yb-h4 ${s.title}`}>
              {t("complaints.detail.parties")}
            </h4>
            <Stack spacing={1}>
              <Field label={t("complaints.detail.owner", { side: side(d.ownerSide) })}>
                {locale === "en" ? d.ownerBureau.nameEn : d.ownerBureau.name}（{ownerRegion.name}）
              </Field>
              <Field label={t("complaints.detail.party", { side: side(partySide) })}><span title={`${partyRegion.name} ${partyRegion.code}`} data-testid="party-bureau">{bureauOf(partyRegion.code) ?? partyRegion.name}</span></Field>
              {d.awaitingSide && <Tag color="warning" label={t("complaints.detail.awaiting", { side: side(d.awaitingSide) })} testId="awaiting" />}
              {d.escalatedToRegion && d.state === "ESCALATED" && <Tag color="error" label={t("complaints.detail.escalatedTo", { region: bureauOf(d.escalatedToRegion) ?? d.escalatedToRegion })} />}
            </Stack>
          </Paper>
          <Paper sx={{ p: 2 }}>
            <h4 className={`yb-h4 ${s.title}`}>
              {t("complaints.list.sla")}
            </h4>
            <Stack spacing={1}>
              {clock(t("complaints.sla.firstResponse"), d.sla.firstResponseDueAt, d.sla.firstRespondedAt)}
              {d.sla.nextUpdateDueAt && clock(t("complaints.sla.nextUpdate"), d.sla.nextUpdateDueAt)}
              {clock(t("complaints.sla.resolution"), d.sla.resolutionDueAt)}
              {d.sla.businessMinutesLeft !== null && (
                <p className={d.sla.businessMinutesLeft < 0 ? `yb-body2 ${s.error}` : "yb-body2"}>
                  {t(d.sla.businessMinutesLeft < 0 ? "complaints.sla.over" : "complaints.sla.left", { time: formatBusinessMinutes(d.sla.businessMinutesLeft, t) })}
                </p>
              )}
              <span className="yb-caption">{t("complaints.sla.note")}</span>
            </Stack>
          </Paper>
          <Paper sx={{ p: 2 }}>
            <h4 className={`yb-h4 ${s.title}`}>
              {t("complaints.detail.complainant")}
            </h4>
            <Stack spacing={1} data-testid="complainant">
              <Field label={t("complaints.form.name")}>{d.complainantName}</Field>
              <Field label={t("complaints.detail.phone")}>{d.complainantPhone ?? "—"}</Field>
              <Field label={t("complaints.detail.idNumber")}>{d.complainantIdNumber ?? "—"}</Field>
            </Stack>
            {canUnmaskComplainant(actor, scope) && <UnmaskButton number={d.number} />}
          </Paper>
          <Paper sx={{ p: 2 }}>
            <h4 className={`yb-h4 ${s.title}`}>
              {t("complaints.detail.timeline")}
            </h4>
            <Stack spacing={1.25} data-testid="timeline">
              {d.events.map((e, i) => (
                <div key={i} className={s.event}>
                  <p className="yb-body2">
                    <strong>{t(`complaints.action.${e.action}`)}</strong>
                    {e.fromState && e.fromState !== e.toState && ` · ${t(`complaints.state.${e.fromState}`)} → ${t(`complaints.state.${e.toState}`)}`}
                  </p>
                  <span className="yb-caption">
                    {e.actorName} · <span title={e.actorRegion ?? undefined}>{bureauOf(e.actorRegion) ?? e.actorRegion ?? ""}</span> · {formatDateTime(e.at, { seconds: false })}
                  </span>
                  {e.rootCause && <p className="yb-body2">{t("complaints.detail.rootCauseValue", { cause: t(`complaints.rootCause.${e.rootCause}`) })}</p>}
                  {e.note && <p className="yb-body2">{e.action === "MERGED_IN" ? e.note : `“${e.note}”`}</p>}
                </div>
              ))}
            </Stack>
          </Paper>
        </Stack>
      </Box>
    </>
  );
}
