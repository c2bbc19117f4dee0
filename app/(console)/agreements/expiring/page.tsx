// Agreements in force whose end date falls within the next 60 days.
import type { Metadata } from "next";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import Chip from "@mui/material/Chip";
import { TextLink } from "@/components/ui/links";
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
          <Table size="small" data-testid="expiring-list">
            <TableHead>
              <TableRow>
                <TableCell>{t("agreements.list.number")}</TableCell>
                <TableCell>{t("agreements.list.titleCol")}</TableCell>
                <TableCell>{t("agreements.list.parties")}</TableCell>
                <TableCell>{t("agreements.list.period")}</TableCell>
                <TableCell>{t("agreements.list.status")}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <TextLink href={`/agreements/${a.id}`}>{a.number}</TextLink>
                  </TableCell>
                  <TableCell>{a.title}</TableCell>
                  <TableCell>
                    <PartyChips parties={a.parties} mutual={a.direction === "MUTUAL"} t={t} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: "nowrap" }}>
                    {a.effectiveFrom} ~ {a.effectiveTo}
                  </TableCell>
                  <TableCell>
                    <StatusChip status={a.status} t={t} />
                  </TableCell>
                  <TableCell>
                    <Chip size="small" color={a.daysLeft <= 30 ? "error" : "warning"} label={t("agreements.expiring.daysLeft", { days: a.daysLeft })} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography color="text.secondary" sx={{ p: 3 }}>
            {t("agreements.expiring.empty")}
          </Typography>
        )}
      </Paper>
    </>
  );
}
