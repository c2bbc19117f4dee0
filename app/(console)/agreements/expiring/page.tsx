// Agreements in force whose end date falls within the window chosen in the URL (?days=,
// default 60 days).
import type { Metadata } from "next";
import Paper from "@mui/material/Paper";
import { DataTable } from "@/components/ui/data-table";
import { RowLink } from "@/components/ui/row-link";
import { Tag } from "@/components/ui/tag";
import { first, type RawParams } from "@/components/ui/url-query";
import { PageHeader } from "@/components/layout/page-header";
import { getT } from "@/components/i18n/server";
import { listExpiring } from "@/lib/agreements/queries";
import { AgreementTabs } from "../_components/agreement-tabs";
import { PartyChips, StatusChip } from "../_components/chips";
import { requireAgreementsArea } from "../_components/guard";
import { WindowFilter } from "./_components/window-filter";

const WINDOWS = [30, 60, 90, 180, 365] as const;
const DEFAULT_WINDOW = 60;

/** The window from the URL when it is one of the offered spans, else the default. */
function windowOf(sp: RawParams): number {
  const n = Number(first(sp, "days"));
  return (WINDOWS as readonly number[]).includes(n) ? n : DEFAULT_WINDOW;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("agreements.expiring.title") };
}

export default async function ExpiringPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const actor = await requireAgreementsArea();
  const days = windowOf(await searchParams);
  const [t, items] = await Promise.all([getT(), listExpiring(actor, days)]);
  return (
    <>
      <PageHeader title={t("agreements.expiring.title")} subtitle={t("agreements.expiring.subtitle", { days })} />
      <AgreementTabs />
      <Paper>
        <WindowFilter key={days} days={days} choices={WINDOWS} />
        <DataTable
          label={t("agreements.expiring.title")}
          testId="expiring-list"
          hover={false}
          rows={items}
          rowKey={(a) => a.id}
          empty={t("agreements.expiring.empty", { days })}
          columns={[
            { key: "number", header: t("agreements.list.number"), nowrap: true, cell: (a) => <RowLink href={`/agreements/${a.id}`}>{a.number}</RowLink> },
            { key: "title", header: t("agreements.list.titleCol"), cell: (a) => a.title },
            { key: "parties", header: t("agreements.list.parties"), cell: (a) => <PartyChips parties={a.parties} mutual={a.direction === "MUTUAL"} t={t} /> },
            { key: "period", header: t("agreements.list.period"), nowrap: true, cell: (a) => `${a.effectiveFrom} ~ ${a.effectiveTo}` },
            { key: "status", header: t("agreements.list.status"), cell: (a) => <StatusChip status={a.status} t={t} /> },
            { key: "left", header: t("agreements.expiring.daysLeftHeader"), nowrap: true, cell: (a) => <Tag color={a.daysLeft <= 30 ? "error" : "warning"} label={t("agreements.expiring.daysLeft", { days: a.daysLeft })} /> },
          ]}
        />
      </Paper>
    </>
  );
}
