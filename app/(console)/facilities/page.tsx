import { ComingSoon } from "@/components/layout/coming-soon";
import { requireArea } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";

export default async function Page() {
  await requireArea("facilities");
  const t = await getT();
  return <ComingSoon title={t("nav.facilities")} body={t("placeholder.facilities")} badge={t("common.comingSoon")} />;
}
