"use client";
// The agreement area's sections as the kit's SubNav; each is its own URL.
import { useT } from "@/components/i18n/i18n-provider";
import { SubNav } from "@/components/ui/sub-nav";

const TABS = [
  { href: "/agreements", key: "list" },
  { href: "/agreements/check", key: "check" },
  { href: "/agreements/matrix", key: "matrix" },
  { href: "/agreements/expiring", key: "expiring" },
] as const;

/** Readers outside the agreement area (showList false) see the eligibility check only. */
export function AgreementTabs({ showList = true }: { showList?: boolean }) {
  const t = useT();
  const tabs = showList ? TABS : TABS.filter((x) => x.key === "check");
  return <SubNav label={t("agreements.title")} items={tabs.map((x) => ({ href: x.href, label: t(`agreements.tabs.${x.key}`), testId: `tab-${x.key}` }))} />;
}
