import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import Button from "@mui/material/Button";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { canHandleComplaints } from "@/lib/auth/policy";
import { QUEUES, type Queue } from "@/lib/complaints/codes";
import { listComplaints, listNotifications, queueCounts } from "@/lib/complaints/queries";
import { formatDateTime } from "../_components/date-time";
import { pickParams, type SearchParams } from "../admin/_components/search-params";
import { UrlPagination } from "@/components/ui/url-pagination";
import { ComplaintTable } from "./_components/complaint-table";
import { ComplaintsNav } from "./_components/complaints-nav";
import { NotificationsBell } from "./_components/notifications";
import { QueueFilters } from "./_components/queue-filters";
import { QueueTabs } from "./_components/queue-tabs";

export async function generateMetadata() {
  return { title: (await getT())("complaints.title") };
}

const KEYS = ["queue", "q", "owner", "state", "category", "priority", "region", "page", "pageSize"] as const;

async function loadPage(actor: Actor, params: Record<string, string>) {
  try {
    return { page: await listComplaints(actor, params), filterInvalid: false };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return {
      page: await listComplaints(actor, {
        queue: params.queue && (QUEUES as readonly string[]).includes(params.queue) ? params.queue : "ALL",
      }),
      filterInvalid: true,
    };
  }
}

export default async function ComplaintsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireArea("complaints");
  const [t, locale, sp] = await Promise.all([getT(), getLocale(), searchParams]);
  const params = pickParams(sp, KEYS);
  const handler = canHandleComplaints(actor);
  params.queue ??= handler ? "BUREAU" : "ALL";
  const queue = ((QUEUES as readonly string[]).includes(params.queue) ? params.queue : "ALL") as Queue;
  const [{ page, filterInvalid }, counts, notifications] = await Promise.all([
    loadPage(actor, params),
    queueCounts(actor),
    listNotifications(actor),
  ]);
  const exportQuery = new URLSearchParams(
    Object.entries(params).filter(([k]) => k !== "page" && k !== "pageSize"),
  ).toString();

  return (
    <>
      <PageHeader
        title={t("complaints.title")}
        subtitle={t("complaints.subtitle")}
        actions={
          <NotificationsBell
            unread={notifications.unread}
            items={notifications.items.map((n) => ({
              id: n.id,
              kind: n.kind,
              number: n.params.number ?? "",
              at: formatDateTime(n.createdAt, { seconds: false }),
              read: n.readAt !== null,
            }))}
          />
        }
      />
      <ComplaintsNav current="/complaints" t={t} canCreate={handler} />
      {filterInvalid && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t("complaints.list.filterInvalid")}
        </Alert>
      )}
      <Paper>
        <QueueTabs value={queue} counts={counts} />
        <QueueFilters key={JSON.stringify(params)} values={filterInvalid ? {} : params} />
        <Box sx={{ display: "flex", gap: 1, px: 2, pb: 1, alignItems: "center" }}>
          <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
            {t("complaints.list.maskedNote")} {t("complaints.sla.note")}
          </Typography>
          <Button
            href={`/api/v1/complaints/export?format=csv&${exportQuery}`}
            size="small"
            data-testid="export-csv"
            sx={{ whiteSpace: "nowrap", flexShrink: 0 }}
          >
            {t("complaints.list.exportCsv")}
          </Button>
          <Button
            href={`/api/v1/complaints/export?format=xlsx&${exportQuery}`}
            size="small"
            sx={{ whiteSpace: "nowrap", flexShrink: 0 }}
          >
            {t("complaints.list.exportXlsx")}
          </Button>
        </Box>
        <ComplaintTable items={page.items} t={t} locale={locale} />
        <UrlPagination total={page.total} page={page.page} pageSize={page.pageSize} />
      </Paper>
    </>
  );
}
