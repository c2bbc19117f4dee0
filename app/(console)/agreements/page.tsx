import { ComingSoon } from "@/components/layout/coming-soon";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";

export default async function Page() {
  await requireArea("agreements");
  const t = await getT();
  return <ComingSoon title={t("nav.agreements")} body={t("placeholder.agreements")} badge={t("common.comingSoon")} />;
}
