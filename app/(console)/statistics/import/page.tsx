// Import of settlement CSV files: format notes, upload with progress, per-row error report.
// The format card is plain markup with static classes (import.module.css, kit.css) in the look of
// the MUI Paper and Typography it replaced.
import type { Metadata } from "next";
import Alert from "@mui/material/Alert";
import ArrowBack from "@mui/icons-material/ArrowBack";
import { ButtonLink } from "@/components/ui/links";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { canImportSettlements } from "@/lib/auth/policy";
import { CSV_COLUMNS } from "@/lib/settlements/codes";
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
      <div className={css.card}>
        <h2 className={css.title}>{t("statistics.import.format")}</h2>
        <p className="yb-body2">
          {t("statistics.import.formatColumns")} <code className={css.code}>{CSV_COLUMNS.join(",")}</code>
        </p>
        <p className={css.note}>{t("statistics.import.formatNotes")}</p>
      </div>
      {canImportSettlements(actor) ? <ImportForm /> : <Alert severity="info">{t("statistics.import.forbidden")}</Alert>}
    </>
  );
}
