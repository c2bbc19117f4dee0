// The signed-in user's page: account facts, password change, personal API tokens. Static parts
// are kit panels, tags and text classes (profile.module.css); the forms stay MUI's.
import type { ReactNode } from "react";
import Grid from "@mui/material/Grid";
import { Panel } from "@/components/ui/panel";
import { Tag } from "@/components/ui/tag";
import { PageHeader } from "@/components/layout/page-header";
import { requirePageActor } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { listOwnTokens } from "@/lib/users/queries";
import { formatDateTime } from "../_components/date-time";
import { ChangePasswordForm } from "./_components/change-password-form";
import { ApiTokens, type TokenRow } from "./_components/api-tokens";
import s from "./profile.module.css";

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
  const actor = await requirePageActor({ passwordChangePage: true });
  const [t, locale, tokens] = await Promise.all([getT(), getLocale(), listOwnTokens(actor)]);
  const rows = tokenRows(tokens);
  const facts: [string, ReactNode][] = [
    [t("profile.username"), <span key="u" className={s.mono}>{actor.username}</span>],
    [t("profile.displayName"), actor.displayName],
    [t("profile.bureau"), locale === "en" ? actor.bureauNameEn : actor.bureauName],
    [t("profile.region"), actor.regionName],
    [
      t("profile.roles"),
      <span key="r" className={s.roles}>
        {actor.roles.map((r) => (
          <Tag key={r} label={t(`roles.${r}`)} variant="outlined" color={r === "ADMIN" ? "primary" : "default"} />
        ))}
      </span>,
    ],
  ];

  return (
    <>
      <PageHeader title={t("profile.title")} subtitle={t("profile.subtitle")} />
      <Grid container spacing={2.5}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Panel className={s.card}>
            <h2 className={`yb-h3 ${s.title}`}>{t("profile.account")}</h2>
            <dl className={s.facts}>
              {facts.map(([k, v]) => (
                <div key={k} className={s.fact}>
                  <dt className="yb-body2">{k}</dt>
                  <dd className="yb-body2">{v}</dd>
                </div>
              ))}
            </dl>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <Panel className={s.card}>
            <h2 id="password" className={`yb-h3 ${s.titleWithHint}`}>{t("profile.password.title")}</h2>
            <p className={`yb-body2 ${s.hint}`}>{t("profile.password.hint")}</p>
            <ChangePasswordForm />
          </Panel>
        </Grid>
        <Grid size={{ xs: 12 }}>
          <ApiTokens tokens={rows} />
        </Grid>
      </Grid>
    </>
  );
}
