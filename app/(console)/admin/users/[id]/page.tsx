// One user: profile and roles, password reset, status (enable, disable, unlock) and the latest
// audit entries about them. Static parts are the kit's sections, fact grid and tags; the forms
// stay MUI's.
import { notFound } from "next/navigation";
import Alert from "@mui/material/Alert";
import Grid from "@mui/material/Grid";
import ArrowBack from "@mui/icons-material/ArrowBack";
import { ButtonLink } from "@/components/ui/links";
import { FactGrid, Section, type Fact } from "@/components/ui/section";
import { Tag } from "@/components/ui/tag";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { getUser, userStatus } from "@/lib/users/queries";
import { listAuditEntries } from "@/lib/audit/queries";
import type { RoleName } from "@/lib/auth/roles";
import type { Locale, Translate } from "@/lib/i18n";
import { formatDateTime } from "../../../_components/date-time";
import { RoleTags } from "../../../_components/role-tags";
import { AuditTable } from "../../_components/audit-table";
import { toAuditRows } from "../../_components/audit-rows";
import { UserStatusChip } from "../_components/user-status-chip";
import { ProfileForm, ResetPasswordForm, StatusPanel, type EditableUser } from "./_components/user-editor";
import s from "./user.module.css";

type Props = { params: Promise<{ id: string }> };

async function loadUser(id: string) {
  const actor = await requireArea("admin");
  // Outside the admin's region the user does not exist for them.
  const user = await getUser(actor, id);
  if (!user) notFound();
  return { actor, user };
}

export async function generateMetadata() {
  return { title: (await getT())("admin.users.title") };
}

type User = NonNullable<Awaited<ReturnType<typeof getUser>>>;

/** What the client forms may know of the user, as of `now`. */
function editableOf(user: User, actorId: string, now: Date): EditableUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as RoleName[],
    disabled: user.disabled,
    locked: Boolean(user.lockedUntil && user.lockedUntil > now),
    lockedUntil: user.lockedUntil ? formatDateTime(user.lockedUntil, { seconds: false }) : null,
    version: user.version,
    isSelf: user.id === actorId,
  };
}

function AccountSection({ user, t, locale }: { user: User; t: Translate; locale: Locale }) {
  const facts: Fact[] = [
    { label: t("admin.users.username"), value: <span className={s.mono}>{user.username}</span> },
    { label: t("admin.users.bureau"), value: locale === "en" ? user.bureau.nameEn : user.bureau.name },
    { label: t("admin.edit.createdAt"), value: formatDateTime(user.createdAt, { seconds: false }) },
    { label: t("admin.edit.updatedAt"), value: formatDateTime(user.updatedAt, { seconds: false }) },
    {
      label: t("admin.edit.lastLogin"),
      value: user.lastLoginAt ? formatDateTime(user.lastLoginAt, { seconds: false }) : t("admin.users.neverSignedIn"),
    },
    { label: t("admin.edit.version"), value: String(user.version) },
  ];
  return (
    <Section title={t("admin.edit.account")}>
      <FactGrid facts={facts} columns={2} />
      <div className={s.roles}>
        <RoleTags roles={user.roles} t={t} />
      </div>
    </Section>
  );
}

const COLUMN_SX = { display: "flex", flexDirection: "column", gap: 2.5, "& > section": { mb: 0 } } as const;

export default async function UserEditPage({ params }: Props) {
  const [{ id }, actor] = await Promise.all([params, requireArea("admin")]);
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  // The user and their audit entries at once: the audit list is scoped on its own, and is
  // thrown away when the user is not visible (404).
  const translator = getT();
  const [{ user }, t, locale, { audit, rows }] = await Promise.all([
    loadUser(id),
    translator,
    getLocale(),
    listAuditEntries(actor, { entityType: "User", entityId: id, pageSize: 10 }).then(async (audit) => ({
      audit,
      rows: await toAuditRows(actor, audit.items, await translator),
    })),
  ]);
  const now = new Date();
  const editable = editableOf(user, actor.id, now);
  const statusChip = (
    <>
      <UserStatusChip status={userStatus(user, now)} t={t} />
      {user.mustChangePassword && !user.disabled && (
        <Tag label={t("admin.users.mustChangePassword")} variant="outlined" color="warning" />
      )}
    </>
  );

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
        <Grid size={{ xs: 12, md: 8 }} sx={COLUMN_SX}>
          <Section title={t("admin.edit.profile")} padded>
            <ProfileForm user={editable} />
          </Section>
          <Section title={t("admin.edit.resetPassword")} padded>
            <ResetPasswordForm user={editable} />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }} sx={COLUMN_SX}>
          <AccountSection user={user} t={t} locale={locale} />
          <Section title={t("admin.edit.status")} testId="status-section" padded>
            <StatusPanel user={editable} statusChip={statusChip} />
          </Section>
        </Grid>
        <Grid size={{ xs: 12 }}>
          <Section
            title={t("admin.edit.recentAudit")}
            subtitle={t("admin.edit.recentAuditHint")}
            action={
              <ButtonLink href={`/admin/audit?entityType=User&entityId=${user.id}`} size="small">
                {t("admin.edit.viewAll")}
              </ButtonLink>
            }
          >
            <AuditTable rows={rows} regionNames={audit.regionNames} compact emptyText={t("admin.audit.empty")} />
          </Section>
        </Grid>
      </Grid>
    </>
  );
}
