"use client";
// The console frame: app bar (user, bureau, region, language, sign-out) and a left navigation
// grouped by job. Which entries show is decided on the server (`areas`); pages re-check.
import { useState, type ReactNode } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import Box from "@mui/material/Box";
import Drawer from "@mui/material/Drawer";
import IconButton from "@mui/material/IconButton";
import Menu from "@mui/material/Menu";
import MenuItem from "@mui/material/MenuItem";
import Divider from "@mui/material/Divider";
import Typography from "@mui/material/Typography";
import Button from "@mui/material/Button";
import DashboardOutlined from "@mui/icons-material/DashboardOutlined";
import LocalHospitalOutlined from "@mui/icons-material/LocalHospitalOutlined";
import HandshakeOutlined from "@mui/icons-material/HandshakeOutlined";
import InsightsOutlined from "@mui/icons-material/InsightsOutlined";
import SupportAgentOutlined from "@mui/icons-material/SupportAgentOutlined";
import PeopleOutlined from "@mui/icons-material/PeopleOutlined";
import HistoryOutlined from "@mui/icons-material/HistoryOutlined";
import AccountBalanceOutlined from "@mui/icons-material/AccountBalanceOutlined";
import AccountTreeOutlined from "@mui/icons-material/AccountTreeOutlined";
import AccountCircleOutlined from "@mui/icons-material/AccountCircleOutlined";
import MenuIcon from "@mui/icons-material/Menu";
import { useT } from "@/components/i18n/i18n-provider";
import { LanguageSwitch } from "./language-switch";
import "./shell.css";
import "@/components/ui/print.css";

const DRAWER_WIDTH = 224;

export type NavArea = "facilities" | "agreements" | "statistics" | "complaints" | "admin";

export interface ShellUser {
  displayName: string;
  username: string;
  bureauName: string;
  regionName: string;
  roles: string[];
}

interface NavItem {
  href: string;
  label: string;
  icon: ReactNode;
}

export function AppShell({ user, areas, children }: { user: ShellUser; areas: NavArea[]; children: ReactNode }) {
  const t = useT();
  const pathname = usePathname();
  const [mobileOpen, setMobileOpen] = useState(false);
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  // The mobile drawer and the user menu are rendered once first opened (then kept for their
  // closing transitions): closed, they would still cost a Modal each on every page.
  const [mobileUsed, setMobileUsed] = useState(false);
  const [menuUsed, setMenuUsed] = useState(false);
  const has = (a: NavArea) => areas.includes(a);

  const jobs: NavItem[] = [
    { href: "/", label: t("nav.home"), icon: <DashboardOutlined /> },
    ...(has("facilities")
      ? [{ href: "/facilities", label: t("nav.facilities"), icon: <LocalHospitalOutlined /> }]
      : []),
    ...(has("agreements") ? [{ href: "/agreements", label: t("nav.agreements"), icon: <HandshakeOutlined /> }] : []),
    ...(has("statistics") ? [{ href: "/statistics", label: t("nav.statistics"), icon: <InsightsOutlined /> }] : []),
    ...(has("complaints") ? [{ href: "/complaints", label: t("nav.complaints"), icon: <SupportAgentOutlined /> }] : []),
  ];
  const system: NavItem[] = [
    ...(has("admin") ? [{ href: "/admin/users", label: t("nav.users"), icon: <PeopleOutlined /> }] : []),
    ...(has("admin") ? [{ href: "/admin/bureaus", label: t("nav.bureaus"), icon: <AccountBalanceOutlined /> }] : []),
    ...(has("admin") ? [{ href: "/admin/audit", label: t("nav.audit"), icon: <HistoryOutlined /> }] : []),
    { href: "/regions", label: t("nav.regions"), icon: <AccountTreeOutlined /> },
  ];
  const isActive = (href: string) =>
    href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);

  // Plain links styled by the kit (kit.css: the look of MUI's dense list buttons) — the menu is on
  // every page, and a dozen MUI list items cost more to render than some whole pages.
  const renderItems = (items: NavItem[]) =>
    items.map((item) => {
      const active = isActive(item.href);
      return (
        <li key={item.href}>
          <Link
            href={item.href}
            className={active ? "yb-nav-item yb-selected" : "yb-nav-item"}
            aria-current={active ? "page" : undefined}
            onClick={() => setMobileOpen(false)}
          >
            <span className="yb-nav-icon">{item.icon}</span>
            <span className="yb-nav-text">{item.label}</span>
          </Link>
        </li>
      );
    });

  const nav = (
    <nav aria-label={t("nav.mainNav")}>
      <div className="yb-toolbar" />
      <ul className="yb-nav-list">{renderItems(jobs)}</ul>
      <hr className="yb-divider" />
      <ul className="yb-nav-list yb-with-subheader">
        <li className="yb-nav-subheader">{t("nav.admin")}</li>
        {renderItems(system)}
      </ul>
    </nav>
  );

  return (
    <div className="yb-shell">
      {/* The first Tab stop of every page: past the bar and the navigation to the page itself. */}
      <a href="#main" className="yb-skip-link">
        {t("nav.skipToContent")}
      </a>
      <header className="yb-appbar mui-fixed">
        <div className="yb-toolbar yb-gap">
          <IconButton
            color="inherit"
            edge="start"
            aria-label={t("nav.openMenu")}
            onClick={() => {
              setMobileUsed(true);
              setMobileOpen(!mobileOpen);
            }}
            sx={{ display: { md: "none" } }}
          >
            <MenuIcon />
          </IconButton>
          <div className="yb-appbar-title">{t("common.appName")}</div>
          <div className="yb-shell-scope" data-testid="shell-scope">
            <span className="yb-tag" style={{ backgroundColor: "rgba(255,255,255,0.15)", color: "#fff" }}>
              <span>{user.bureauName}</span>
            </span>
            <p className="yb-body2" style={{ opacity: 0.85 }}>
              {t("nav.region", { region: user.regionName })}
            </p>
          </div>
          <LanguageSwitch color="inherit" />
          <Button
            color="inherit"
            startIcon={<AccountCircleOutlined />}
            onClick={(e) => {
              setMenuUsed(true);
              setMenuAnchor(e.currentTarget);
            }}
            aria-label={t("nav.userMenu", { name: user.displayName })}
            aria-haspopup="menu"
            className="yb-appbar-user"
            data-testid="user-menu"
          >
            <span className="yb-appbar-user-name">{user.displayName}</span>
          </Button>
          {menuUsed && (
            <Menu anchorEl={menuAnchor} open={Boolean(menuAnchor)} onClose={() => setMenuAnchor(null)}>
              <Box sx={{ px: 2, py: 1, maxWidth: 280 }}>
                <Typography variant="subtitle2">
                  {user.displayName}（{user.username}）
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {user.bureauName}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {t("nav.roles", { roles: user.roles.map((r) => t(`roles.${r}`)).join(t("nav.roleSeparator")) })}
                </Typography>
              </Box>
              <Divider />
              <MenuItem component={Link} href="/profile" onClick={() => setMenuAnchor(null)}>
                {t("nav.profile")}
              </MenuItem>
              <MenuItem onClick={() => signOut({ callbackUrl: "/login" })} data-testid="sign-out">
                {t("nav.signOut")}
              </MenuItem>
            </Menu>
          )}
        </div>
      </header>
      {mobileUsed && (
        <Drawer
          variant="temporary"
          open={mobileOpen}
          onClose={() => setMobileOpen(false)}
          sx={{ display: { xs: "block", md: "none" }, "& .MuiDrawer-paper": { width: DRAWER_WIDTH } }}
        >
          {nav}
        </Drawer>
      )}
      <div className="yb-drawer">
        <div className="yb-drawer-paper">{nav}</div>
      </div>
      <main className="yb-main" id="main" tabIndex={-1}>
        <div className="yb-toolbar" />
        <p className="yb-print-only yb-caption" data-testid="print-head">
          {t("common.appName")} · {t("ui.print.printedBy", { bureau: user.bureauName, user: user.displayName })}
        </p>
        {children}
      </main>
    </div>
  );
}
