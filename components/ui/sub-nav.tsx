"use client";
// An area's sub-navigation (agreements, complaints): tabs that are links, each section its own
// URL. The current tab is the item whose address is the longest prefix of the path (a record
// page lights its list), unless the page names it; `end` holds an action at the right (e.g.
// "+ new complaint"). Scrolls sideways on a phone instead of widening the page; not printed.
import type { ReactNode } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import Box from "@mui/material/Box";
import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";

export interface SubNavItem {
  href: string;
  label: string;
  testId?: string;
}

/** The item a path belongs to: an exact match, else the longest address the path lies under. */
export function currentItem(items: readonly SubNavItem[], pathname: string): string | false {
  const under = items.filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`));
  return under.sort((a, b) => b.href.length - a.href.length)[0]?.href ?? false;
}

export function SubNav({
  items,
  label,
  current,
  end,
  testId,
}: {
  items: readonly SubNavItem[];
  label: string;
  current?: string | false;
  end?: ReactNode;
  testId?: string;
}) {
  const pathname = usePathname();
  const value = current ?? currentItem(items, pathname);
  return (
    <Box
      component="nav"
      aria-label={label}
      data-testid={testId}
      className="yb-no-print"
      sx={{
        display: "flex",
        alignItems: "center",
        gap: 1,
        mb: 2,
        borderBottom: 1,
        borderColor: "divider",
        minWidth: 0,
      }}
    >
      <Tabs value={value} variant="scrollable" scrollButtons={false} sx={{ flex: 1, minWidth: 0 }}>
        {items.map((x) => (
          <Tab
            key={x.href}
            value={x.href}
            label={x.label}
            component={Link}
            href={x.href}
            data-testid={x.testId}
            aria-current={x.href === value ? "page" : undefined}
          />
        ))}
      </Tabs>
      {end}
    </Box>
  );
}
