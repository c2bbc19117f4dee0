// Import of settlement CSV files: format notes, upload with progress, per-row error report.
import type { Metadata } from "next";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import ArrowBack from "@mui/icons-material/ArrowBack";
import { ButtonLink } from "@/components/ui/links";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { canImportSettlements } from "@/lib/auth/policy";
import { CSV_COLUMNS } from "@/lib/settlements/codes";
import { ImportForm } from "./_components/import-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("statistics.import.title") };
}

export default async function ImportPage() {
  const actor = await requireArea("statistics");
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("statistics.import.title")}
        subtitle={t("statistics.import.subtitle")}
        actions={
          <ButtonLink href="/statistics" startIcon={<ArrowBack />}>
            {t("statistics.import.back")}
          </ButtonLink>
        }
      />
      <Paper sx={{ p: 2, mb: 2 }}>
        <Typography variant="h4" component="h2" sx={{ mb: 1 }}>
          {t("statistics.import.format")}
        </Typography>
        <Typography variant="body2">
          {t("statistics.import.formatColumns")}{" "}
          <Box component="code" sx={{ fontSize: 13, bgcolor: "#f3f5f8", px: 0.5 }}>
            {CSV_COLUMNS.join(",")}
          </Box>
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t("statistics.import.formatNotes")}
        </Typography>
      </Paper>
      {canImportSettlements(actor) ? <ImportForm /> : <Alert severity="info">{t("statistics.import.forbidden")}</Alert>}
    </>
  );
}
