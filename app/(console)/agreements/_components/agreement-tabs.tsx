"use client";
// The agreement area's sections as tabs; each is its own URL.
import Link from "next/link";
import { usePathname } from "next/navigation";
import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";
import { useT } from "@/components/i18n/i18n-provider";

const TABS = [
  { href: "/agreements", key: "list" },
  { href: "/agreements/check", key: "check" },
  { href: "/agreements/matrix", key: "matrix" },
  { href: "/agreements/expiring", key: "expiring" },
] as const;

export function AgreementTabs({ showList = true }: { showList?: boolean }) {
  const t = useT();
  const pathname = usePathname();
  const tabs = showList ? TABS : TABS.filter((x) => x.key === "check");
  const current = tabs.find((x) => x.href === pathname)?.href ?? (pathname.startsWith("/agreements/") && showList ? "/agreements" : false);
  return (
    <Tabs value={current} sx={{ mb: 2, borderBottom: 1, borderColor: "divider" }} aria-label={t("agreements.title")}>
      {tabs.map((x) => (
        <Tab key={x.href} value={x.href} label={t(`agreements.tabs.${x.key}`)} component={Link} href={x.href} data-testid={`tab-${x.key}`} />
      ))}
    </Tabs>
  );
}
