"use client";
// The agreement area's sections as the kit's SubNav; each is its own URL.
import { useT } from "@/components/i18n/i18n-provider";
import { SubNav } from "@/components/ui/sub-nav";

const TABS = ["list", "check", "matrix", "expiring"] as const;
const hrefOf = (key: (typeof TABS)[number]) => (key === "list" ? "/agreements" : `/agreements/${key}`);

/** Readers outside the agreement area (showList false) see the eligibility check only. */
export function AgreementTabs({ showList = true }: { showList?: boolean }) {
  const t = useT();
  const tabs = showList ? TABS : TABS.filter((key) => key === "check");
  return (
    <SubNav
      label={t("agreements.title")}
      items={tabs.map((key) => ({ href: hrefOf(key), label: t(`agreements.tabs.${key}`), testId: `tab-${key}` }))}
    />
  );
}
