import { ButtonLink } from "@/components/ui/links";
import { StatusPage } from "@/components/ui/status-page";
import { getT } from "@/components/i18n/server";

export default async function NotFound() {
  const t = await getT();
  return (
    <StatusPage
      code="404"
      title={t("errors.pageNotFound")}
      hint={t("errors.pageNotFoundHint")}
      actions={
        <ButtonLink variant="contained" href="/">
          {t("errors.home")}
        </ButtonLink>
      }
    />
  );
}
