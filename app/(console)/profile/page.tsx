// The signed-in user's page: account facts, password change, personal API tokens, each a kit
// Section (the facts a FactGrid); the forms stay MUI's.
import Grid from "@mui/material/Grid";
import { FactGrid, Section, type Fact } from "@/components/ui/section";
import { PageHeader } from "@/components/layout/page-header";
import { requirePageActor } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { listOwnTokens } from "@/lib/users/queries";
import { formatDateTime } from "../_components/date-time";
import { RoleTags } from "../_components/role-tags";
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
  const facts: Fact[] = [
    { label: t("profile.username"), value: <span className={s.mono}>{actor.username}</span> },
    { label: t("profile.displayName"), value: actor.displayName },
    { label: t("profile.bureau"), value: locale === "en" ? actor.bureauNameEn : actor.bureauName },
    { label: t("profile.region"), value: actor.regionName },
    { label: t("profile.roles"), value: <RoleTags roles={actor.roles} t={t} />, wide: true },
  ];

  return (
    <>
      <PageHeader title={t("profile.title")} subtitle={t("profile.subtitle")} />
      <Grid container spacing={2.5} sx={{ "& .yb-section": { mb: 0 } }}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title={t("profile.account")}>
            <FactGrid facts={facts} columns={2} />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }} id="password">
          <Section title={t("profile.password.title")} subtitle={t("profile.password.hint")} padded>
            <ChangePasswordForm />
          </Section>
        </Grid>
        <Grid size={{ xs: 12 }}>
          <ApiTokens tokens={rows} />
        </Grid>
      </Grid>
    </>
  );
}
