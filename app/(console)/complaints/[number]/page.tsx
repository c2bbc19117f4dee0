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
import { getComplaintDetail, type ComplaintDetail } from "@/lib/complaints/queries";
import type { Translate } from "@/lib/i18n";
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

/** The workflow's actions for this ticket (not printed). */
function Actions({ d, t }: { d: ComplaintDetail; t: Translate }) {
  return (
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
  );
}

/** Notes and replies for the tabs: the author's bureau by name, times without seconds. */
function Comments({
  d,
  bureauOf,
  handler,
}: {
  d: ComplaintDetail;
  bureauOf: (code: string | null) => string | null;
  handler: boolean;
}) {
  const comment = (c: (typeof d.internalNotes)[number]) => ({
    id: c.id,
    body: c.body,
    authorName: c.authorName,
    region: bureauOf(c.authorRegion) ?? c.authorRegion ?? "",
    at: formatDateTime(c.at, { seconds: false }),
  });
  return (
    <Paper sx={{ p: 2 }}>
      <CommentTabs
        number={d.number}
        notes={d.internalNotes.map(comment)}
        replies={d.replies.map(comment)}
        canNote={handler}
        canReply={handler && d.relation === "OWNER"}
      />
    </Paper>
  );
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
          <Actions d={d} t={t} />
          <CaseFacts d={d} t={t} />
          <Comments d={d} bureauOf={bureauOf} handler={handler} />
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
