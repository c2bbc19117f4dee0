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
import { EXPIRY_WINDOWS, expiryWindow } from "@/lib/agreements/codes";
import { AgreementTabs } from "../_components/agreement-tabs";
import { PartyChips, StatusChip } from "../_components/chips";
import { requireAgreementsArea } from "../_components/guard";
import { WindowFilter } from "./_components/window-filter";

const WINDOWS = EXPIRY_WINDOWS;

function windowOf(sp: RawParams): number {
  return expiryWindow(first(sp, "days"));
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("agreements.expiring.title") };
}

/** `?party=` (a 6-digit region code, as on the agreements list): only agreements concerning it. */
function partyOf(sp: RawParams): string | undefined {
  const p = first(sp, "party");
  return p && /^\d{6}$/.test(p) ? p : undefined;
}

export default async function ExpiringPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const actor = await requireAgreementsArea();
  const sp = await searchParams;
  const days = windowOf(sp);
  const [t, items] = await Promise.all([getT(), listExpiring(actor, days, partyOf(sp))]);
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
            {
              key: "number",
              header: t("agreements.list.number"),
              nowrap: true,
              cell: (a) => <RowLink href={`/agreements/${a.id}`}>{a.number}</RowLink>,
            },
            { key: "title", header: t("agreements.list.titleCol"), cell: (a) => a.title },
            {
              key: "parties",
              header: t("agreements.list.parties"),
              cell: (a) => <PartyChips parties={a.parties} mutual={a.direction === "MUTUAL"} t={t} />,
            },
            {
              key: "period",
              header: t("agreements.list.period"),
              nowrap: true,
              cell: (a) => `${a.effectiveFrom} ~ ${a.effectiveTo}`,
            },
            { key: "status", header: t("agreements.list.status"), cell: (a) => <StatusChip status={a.status} t={t} /> },
            {
              key: "left",
              header: t("agreements.expiring.daysLeftHeader"),
              nowrap: true,
              cell: (a) => (
                <Tag
                  color={a.daysLeft <= 30 ? "error" : "warning"}
                  label={t("agreements.expiring.daysLeft", { days: a.daysLeft })}
                />
              ),
            },
          ]}
        />
      </Paper>
    </>
  );
}
