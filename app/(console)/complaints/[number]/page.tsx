import { notFound } from "next/navigation";
import { PrintButton } from "@/components/ui/print-button";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import { TextLink } from "@/components/ui/links";
import { Section } from "@/components/ui/section";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { canHandleComplaints, canUnmaskComplainant } from "@/lib/auth/policy";
import { bureauNamer } from "@/lib/complaints/bureau-names";
import { getComplaintDetail } from "@/lib/complaints/queries";
import { formatDateTime } from "../../_components/date-time";
import { ComplaintsNav } from "../_components/complaints-nav";
import { ActionPanel } from "./_components/action-panel";
import { CommentTabs } from "./_components/comment-tabs";
import {
  Bureaus,
  CaseFacts,
  Complainant,
  DowntimeHint,
  SlaClocks,
  TicketHeading,
  Timeline,
} from "./_components/ticket-sections";
import { UnmaskButton } from "./_components/unmask-button";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }) {
  return { title: (await params).number };
}

export default async function ComplaintPage({ params }: { params: Promise<{ number: string }> }) {
  const actor = await requireArea("complaints");
  const [t, locale, { number }] = await Promise.all([getT(), getLocale(), params]);
  const d = await getComplaintDetail(actor, decodeURIComponent(number));
  if (!d) notFound();
  const bureauOf = await bureauNamer(locale === "en" ? "en" : "zh");
  const scope = {
    ownerBureauId: d.ownerBureau.id,
    ownerRegionCode: d.ownerRegionCode,
    homeRegionCode: d.homeRegion.code,
    visitRegionCode: d.visitRegion.code,
  };
  const handler = canHandleComplaints(actor);
  const comment = (c: (typeof d.internalNotes)[number]) => ({
    id: c.id,
    body: c.body,
    authorName: c.authorName,
    region: bureauOf(c.authorRegion) ?? c.authorRegion ?? "",
    at: formatDateTime(c.at, { seconds: false }),
  });

  return (
    <>
      <ComplaintsNav current="/complaints" t={t} canCreate={handler} />
      <Box
        className="yb-no-print"
        sx={{ mb: 1, display: "flex", justifyContent: "space-between", alignItems: "center" }}
      >
        <TextLink href="/complaints">← {t("complaints.detail.back")}</TextLink>
        <PrintButton />
      </Box>
      <TicketHeading d={d} t={t} />
      <DowntimeHint d={d} t={t} />
      {d.mergedInto && (
        <Alert severity="info" sx={{ mb: 2 }}>
          <TextLink href={`/complaints/${d.mergedInto}`}>
            {t("complaints.detail.mergedInto", { number: d.mergedInto })}
          </TextLink>
        </Alert>
      )}
      <Box
        sx={{
          display: "grid",
          gridTemplateColumns: { xs: "minmax(0, 1fr)", lg: "minmax(0, 2fr) minmax(0, 1fr)" },
          gap: 2,
          alignItems: "start",
          "& .yb-section": { mb: 0 },
        }}
      >
        <Stack spacing={2}>
          <div className="yb-no-print">
            <Section title={t("complaints.detail.actions")} padded>
              <ActionPanel
                number={d.number}
                version={d.version}
                allowed={d.allowedTransitions}
                suggestedRootCause={d.suggestedRootCause}
              />
            </Section>
          </div>
          <CaseFacts d={d} t={t} />
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
          <Bureaus d={d} t={t} locale={locale} bureauOf={bureauOf} />
          <SlaClocks d={d} t={t} />
          <Complainant d={d} t={t} unmask={canUnmaskComplainant(actor, scope) && <UnmaskButton number={d.number} />} />
          <Timeline d={d} t={t} bureauOf={bureauOf} />
        </Stack>
      </Box>
    </>
  );
}
