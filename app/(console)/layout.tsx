import type { ReactNode } from "react";
import Alert from "@mui/material/Alert";
import { TextLink } from "@/components/ui/links";
import { AppShell, type NavArea } from "@/components/layout/app-shell";
import { requirePageActor } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { canSeeArea, JOB_ROLES } from "@/lib/auth/policy";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor({ passwordChangePage: true });
  const [locale, t] = await Promise.all([getLocale(), getT()]);
  const areas = (Object.keys(JOB_ROLES) as NavArea[]).filter((a) => canSeeArea(actor, a));
  return (
    <AppShell
      areas={areas}
      user={{
        displayName: actor.displayName,
        username: actor.username,
        bureauName: locale === "en" ? actor.bureauNameEn : actor.bureauName,
        regionName: actor.regionName,
        roles: actor.roles,
      }}
    >
      {actor.mustChangePassword && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={<TextLink href="/profile">{t("auth.changePassword")}</TextLink>}
        >
          {t("auth.mustChangePassword")}
        </Alert>
      )}
      {children}
    </AppShell>
  );
}
