import type { ReactNode } from "react";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Grid from "@mui/material/Grid";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import { PageHeader } from "@/components/layout/page-header";
import { requirePageActor } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { listOwnTokens } from "@/lib/users/queries";
import { formatDateTime } from "../_components/date-time";
import { ChangePasswordForm } from "./_components/change-password-form";
import { ApiTokens, type TokenRow } from "./_components/api-tokens";

export async function generateMetadata() {
  return { title: (await getT())("profile.title") };
}

function tokenRows(tokens: Awaited<ReturnType<typeof listOwnTokens>>, now = Date.now()): TokenRow[] {
  return tokens.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: formatDateTime(k.createdAt, { seconds: false }),
    expiresAt: k.expiresAt ? formatDateTime(k.expiresAt, { seconds: false }) : null,
    lastUsedAt: k.lastUsedAt ? formatDateTime(k.lastUsedAt, { seconds: false }) : null,
    revokedAt: k.revokedAt ? formatDateTime(k.revokedAt, { seconds: false }) : null,
    status: k.revokedAt ? "revoked" : k.expiresAt && k.expiresAt.getTime() < now ? "expired" : "active",
  }));
}

export default async function ProfilePage() {
  const actor = await requirePageActor();
  const [t, locale, tokens] = await Promise.all([getT(), getLocale(), listOwnTokens(actor)]);
  const rows = tokenRows(tokens);
  const facts: [string, ReactNode][] = [
    [t("profile.username"), <Box key="u" component="span" sx={{ fontFamily: "monospace" }}>{actor.username}</Box>],
    [t("profile.displayName"), actor.displayName],
    [t("profile.bureau"), locale === "en" ? actor.bureauNameEn : actor.bureauName],
    [t("profile.region"), actor.regionName],
    [
      t("profile.roles"),
      <Box key="r" component="span" sx={{ display: "inline-flex", gap: 0.5, flexWrap: "wrap" }}>
        {actor.roles.map((r) => (
          <Chip key={r} label={t(`roles.${r}`)} variant="outlined" color={r === "ADMIN" ? "primary" : "default"} />
        ))}
      </Box>,
    ],
  ];

  return (
    <>
      <PageHeader title={t("profile.title")} subtitle={t("profile.subtitle")} />
      <Grid container spacing={2.5}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Paper sx={{ p: 3, height: "100%" }}>
            <Typography variant="h3" component="h2" sx={{ mb: 2 }}>
              {t("profile.account")}
            </Typography>
            <Box component="dl" sx={{ m: 0, display: "grid", gridTemplateColumns: "auto 1fr", columnGap: 3, rowGap: 1.5 }}>
              {facts.map(([k, v]) => (
                <Box key={k} sx={{ display: "contents" }}>
                  <Typography component="dt" variant="body2" color="text.secondary">
                    {k}
                  </Typography>
                  <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                    {v}
                  </Typography>
                </Box>
              ))}
            </Box>
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <Paper sx={{ p: 3, height: "100%" }}>
            <Typography variant="h3" component="h2" sx={{ mb: 0.5 }}>
              {t("profile.password.title")}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {t("profile.password.hint")}
            </Typography>
            <ChangePasswordForm />
          </Paper>
        </Grid>
        <Grid size={{ xs: 12 }}>
          <ApiTokens tokens={rows} />
        </Grid>
      </Grid>
    </>
  );
}
