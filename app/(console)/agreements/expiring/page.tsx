// Agreements in force whose end date falls within the next 60 days.
import type { Metadata } from "next";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import { DataTable } from "@/components/ui/data-table";
import { RowLink } from "@/components/ui/row-link";
import { Tag } from "@/components/ui/tag";
import { PageHeader } from "@/components/layout/page-header";
import { getT } from "@/components/i18n/server";
import { listExpiring } from "@/lib/agreements/queries";
import { AgreementTabs } from "../_components/agreement-tabs";
import { PartyChips, StatusChip } from "../_components/chips";
import { requireAgreementsArea } from "../_components/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("agreements.expiring.title") };
}

export default async function ExpiringPage() {
  const actor = await requireAgreementsArea();
  const [t, items] = await Promise.all([getT(), listExpiring(actor, 60)]);
  return (
    <>
      <PageHeader title={t("agreements.expiring.title")} subtitle={t("agreements.expiring.subtitle")} />
      <AgreementTabs />
      <Paper>
        {items.length ? (
          <DataTable
            label={t("agreements.expiring.title")}
            testId="expiring-list"
            hover={false}
            rows={items}
            rowKey={(a) => a.id}
            columns={[
              { key: "number", header: t("agreements.list.number"), cell: (a) => <RowLink href={`/agreements/${a.id}`}>{a.number}</RowLink> },
              { key: "title", header: t("agreements.list.titleCol"), cell: (a) => a.title },
              { key: "parties", header: t("agreements.list.parties"), cell: (a) => <PartyChips parties={a.parties} mutual={a.direction === "MUTUAL"} t={t} /> },
              { key: "period", header: t("agreements.list.period"), nowrap: true, cell: (a) => `${a.effectiveFrom} ~ ${a.effectiveTo}` },
              { key: "status", header: t("agreements.list.status"), cell: (a) => <StatusChip status={a.status} t={t} /> },
              { key: "left", header: "", cell: (a) => <Tag color={a.daysLeft <= 30 ? "error" : "warning"} label={t("agreements.expiring.daysLeft", { days: a.daysLeft })} /> },
            ]}
          />
        ) : (
          <Typography color="text.secondary" sx={{ p: 3 }}>
            {t("agreements.expiring.empty")}
          </Typography>
        )}
      </Paper>
    </>
  );
}
