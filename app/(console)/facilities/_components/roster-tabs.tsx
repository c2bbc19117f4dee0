"use client";
// The roster area's sections as tabs; each is its own URL. Import and pending changes are
// roster managers' work and only shown to them (the pages check again).
import Link from "next/link";
import { usePathname } from "next/navigation";
import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";
import { useT } from "@/components/i18n/i18n-provider";

const TABS = [
  { href: "/facilities", key: "list", manager: false },
  { href: "/facilities/coverage", key: "coverage", manager: false },
  { href: "/facilities/import", key: "import", manager: true },
  { href: "/facilities/changes", key: "changes", manager: true },
] as const;

export function RosterTabs({ manager }: { manager: boolean }) {
  const t = useT();
  const pathname = usePathname();
  const tabs = TABS.filter((x) => manager || !x.manager);
  const current = tabs.find((x) => x.href !== "/facilities" && pathname.startsWith(x.href))?.href ?? "/facilities";
  return (
    <Tabs value={current} sx={{ mb: 2, borderBottom: 1, borderColor: "divider" }} aria-label={t("facilities.title")}>
      {tabs.map((x) => (
        <Tab
          key={x.href}
          value={x.href}
          label={t(`rosterUi.tabs.${x.key}`)}
          component={Link}
          href={x.href}
          data-testid={`roster-tab-${x.key}`}
        />
      ))}
    </Tabs>
  );
}
