import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Divider from "@mui/material/Divider";
import Grid from "@mui/material/Grid";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import ArrowBack from "@mui/icons-material/ArrowBack";
import { ButtonLink } from "@/components/ui/links";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { NotFoundError } from "@/lib/errors";
import { getUser, userStatus } from "@/lib/users/queries";
import { listAuditEntries } from "@/lib/audit/queries";
import type { RoleName } from "@/lib/auth/roles";
import { formatDateTime } from "../../../_components/date-time";
import { AuditTable } from "../../_components/audit-table";
import { toAuditRows } from "../../_components/audit-rows";
import { UserStatusChip } from "../_components/user-status-chip";
import { ProfileForm, ResetPasswordForm, StatusPanel, type EditableUser } from "./_components/user-editor";

type Props = { params: Promise<{ id: string }> };

async function loadUser(id: string) {
  const actor = await requireArea("admin");
  try {
    return { actor, user: await getUser(actor, id) };
  } catch (e) {
    // Outside the admin's region the user does not exist for them.
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

export async function generateMetadata() {
  return { title: (await getT())("admin.users.title") };
}

function Section({ title, subtitle, children, testId }: { title: string; subtitle?: string; children: ReactNode; testId?: string }) {
  return (
    <Paper sx={{ p: 3 }} data-testid={testId}>
      <Typography variant="h3" component="h2" sx={{ mb: subtitle ? 0.5 : 2 }}>
        {title}
      </Typography>
      {subtitle && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {subtitle}
        </Typography>
      )}
      {children}
    </Paper>
  );
}

export default async function UserEditPage({ params }: Props) {
  const { id } = await params;
  const { actor, user } = await loadUser(id);
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const audit = await listAuditEntries(actor, { entityType: "User", entityId: user.id, pageSize: 10 });
  const rows = await toAuditRows(actor, audit.items);
  const now = new Date();
  const status = userStatus(user, now);
  const editable: EditableUser = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as RoleName[],
    disabled: user.disabled,
    locked: Boolean(user.lockedUntil && user.lockedUntil > now),
    lockedUntil: user.lockedUntil ? formatDateTime(user.lockedUntil, { seconds: false }) : null,
    version: user.version,
    isSelf: user.id === actor.id,
  };
  const facts: [string, ReactNode][] = [
    [t("admin.users.username"), <Box key="u" component="span" sx={{ fontFamily: "monospace" }}>{user.username}</Box>],
    [t("admin.users.bureau"), locale === "en" ? user.bureau.nameEn : user.bureau.name],
    [t("admin.edit.createdAt"), formatDateTime(user.createdAt, { seconds: false })],
    [t("admin.edit.updatedAt"), formatDateTime(user.updatedAt, { seconds: false })],
    [t("admin.edit.lastLogin"), user.lastLoginAt ? formatDateTime(user.lastLoginAt, { seconds: false }) : t("admin.users.neverSignedIn")],
    [t("admin.edit.version"), String(user.version)],
  ];

  return (
    <>
      <PageHeader
        title={t("admin.edit.title", { name: user.displayName, username: user.username })}
        subtitle={locale === "en" ? user.bureau.nameEn : user.bureau.name}
        actions={
          <ButtonLink href="/admin/users" startIcon={<ArrowBack />}>
            {t("admin.edit.back")}
          </ButtonLink>
        }
      />
      {editable.isSelf && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t("admin.edit.selfNote")}
        </Alert>
      )}
      <Grid container spacing={2.5}>
        <Grid size={{ xs: 12, md: 8 }} sx={{ display: "flex", flexDirection: "column", gap: 2.5 }}>
          <Section title={t("admin.edit.profile")}>
            <ProfileForm user={editable} />
          </Section>
          <Section title={t("admin.edit.resetPassword")}>
            <ResetPasswordForm user={editable} />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }} sx={{ display: "flex", flexDirection: "column", gap: 2.5 }}>
          <Section title={t("admin.edit.account")}>
            <Box component="dl" sx={{ m: 0, display: "grid", gridTemplateColumns: "auto 1fr", columnGap: 2, rowGap: 1.25 }}>
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
            <Divider sx={{ my: 2 }} />
            <Box sx={{ display: "flex", gap: 0.5, flexWrap: "wrap" }}>
              {user.roles.map((r) => (
                <Chip key={r} label={t(`roles.${r}`)} variant="outlined" color={r === "ADMIN" ? "primary" : "default"} />
              ))}
            </Box>
          </Section>
          <Section title={t("admin.edit.status")} testId="status-section">
            <StatusPanel
              user={editable}
              statusChip={
                <>
                  <UserStatusChip status={status} t={t} />
                  {user.mustChangePassword && !user.disabled && (
                    <Chip label={t("admin.users.mustChangePassword")} variant="outlined" color="warning" />
                  )}
                </>
              }
            />
          </Section>
        </Grid>
        <Grid size={{ xs: 12 }}>
          <Paper>
            <Box sx={{ p: 2.5, pb: 1.5, display: "flex", justifyContent: "space-between", alignItems: "flex-end", gap: 2, flexWrap: "wrap" }}>
              <Box>
                <Typography variant="h3" component="h2">
                  {t("admin.edit.recentAudit")}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                  {t("admin.edit.recentAuditHint")}
                </Typography>
              </Box>
              <ButtonLink href={`/admin/audit?entityType=User&entityId=${user.id}`} size="small">
                {t("admin.edit.viewAll")}
              </ButtonLink>
            </Box>
            <AuditTable rows={rows} regionNames={audit.regionNames} compact emptyText={t("admin.audit.empty")} />
          </Paper>
        </Grid>
      </Grid>
    </>
  );
}
