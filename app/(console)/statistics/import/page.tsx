// Import of settlement CSV files: format notes, upload with progress, per-row error report.
// The format card is the kit's Section; the upload and its report the kit's UploadCard (import-form).
import type { Metadata } from "next";
import Alert from "@mui/material/Alert";
import ArrowBack from "@mui/icons-material/ArrowBack";
import { ButtonLink } from "@/components/ui/links";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { canImportSettlements } from "@/lib/auth/policy";
import { CSV_COLUMNS } from "@/lib/settlements/codes";
import { Section } from "@/components/ui/section";
import { ImportForm } from "./_components/import-form";
import css from "./_components/import.module.css";

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
      <Section title={t("statistics.import.format")} padded>
        <p className="yb-body2">
          {t("statistics.import.formatColumns")} <code className={css.code}>{CSV_COLUMNS.join(",")}</code>
        </p>
        <p className={`yb-body2 ${css.note}`}>{t("statistics.import.formatNotes")}</p>
      </Section>
      {canImportSettlements(actor) ? <ImportForm /> : <Alert severity="info">{t("statistics.import.forbidden")}</Alert>}
    </>
  );
}
