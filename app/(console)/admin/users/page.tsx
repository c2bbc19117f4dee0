// The user list: filters and paging in the URL, the rows in the kit's DataTable with its tags
// (users.module.css for the disabled rows and the username); the per-row edit button stays MUI's.
import Alert from "@mui/material/Alert";
import Paper from "@mui/material/Paper";
import { ButtonLink } from "@/components/ui/links";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Tag, Tags } from "@/components/ui/tag";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Translate } from "@/lib/i18n";
import { listBureausInScope, listUsers, userStatus } from "@/lib/users/queries";
import { formatDateTime } from "../../_components/date-time";
import { RoleTags } from "../../_components/role-tags";
import { pickParams, type RawParams } from "@/components/ui/url-query";
import { UrlPagination } from "@/components/ui/url-pagination";
import { UserFilters } from "./_components/user-filters";
import { CreateUserDialog } from "./_components/create-user-dialog";
import { UserStatusChip } from "./_components/user-status-chip";
import s from "./users.module.css";

export async function generateMetadata() {
  return { title: (await getT())("admin.users.title") };
}

const FILTER_KEYS = ["q", "bureauId", "role", "status", "page", "pageSize"] as const;

/** A hand-edited URL with a bad filter shows everyone with a notice, not an error page. */
async function loadPage(actor: Actor, params: Record<string, string>) {
  try {
    return { page: await listUsers(actor, params), filterInvalid: false };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { page: await listUsers(actor, {}), filterInvalid: true };
  }
}

type UserRow = Awaited<ReturnType<typeof listUsers>>["items"][number];
type BureauName = (b: { name: string; nameEn: string }) => string;

function userColumns(t: Translate, bureauName: BureauName, now: Date): Column<UserRow>[] {
  return [
    {
      key: "username",
      header: t("admin.users.username"),
      cell: (u) => <span className={s.username}>{u.username}</span>,
    },
    { key: "displayName", header: t("admin.users.displayName"), cell: (u) => u.displayName },
    { key: "bureau", header: t("admin.users.bureau"), cell: (u) => bureauName(u.bureau) },
    { key: "roles", header: t("admin.users.roles"), cell: (u) => <RoleTags roles={u.roles} t={t} /> },
    {
      key: "status",
      header: t("admin.users.status"),
      cell: (u) => (
        <Tags>
          <UserStatusChip status={userStatus(u, now)} t={t} />
          {u.mustChangePassword && !u.disabled && (
            <Tag label={t("admin.users.mustChangePassword")} variant="outlined" color="warning" />
          )}
        </Tags>
      ),
    },
    {
      key: "lastLogin",
      header: t("admin.users.lastLogin"),
      nowrap: true,
      cell: (u) =>
        u.lastLoginAt ? (
          formatDateTime(u.lastLoginAt, { seconds: false })
        ) : (
          <span className={s.never}>{t("admin.users.neverSignedIn")}</span>
        ),
    },
    {
      key: "actions",
      header: t("common.actions"),
      align: "right",
      cell: (u) => (
        <ButtonLink href={`/admin/users/${u.id}`} size="small" data-testid="edit-user">
          {t("admin.users.edit")}
        </ButtonLink>
      ),
    },
  ];
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const actor = await requireArea("admin");
  const [t, locale, sp] = await Promise.all([getT(), getLocale(), searchParams]);
  const params = pickParams(sp, FILTER_KEYS);
  const [{ page, filterInvalid }, bureaus] = await Promise.all([loadPage(actor, params), listBureausInScope(actor)]);
  const bureauName: BureauName = (b) => (locale === "en" ? b.nameEn : b.name);

  return (
    <>
      <PageHeader
        title={t("admin.users.title")}
        subtitle={t("admin.users.subtitle", { region: actor.regionName })}
        actions={
          <CreateUserDialog
            bureaus={bureaus.map((b) => ({ id: b.id, name: bureauName(b), regionCode: b.regionCode }))}
            defaultBureauId={actor.bureauId}
          />
        }
      />
      {filterInvalid && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t("admin.users.filterInvalid")}
        </Alert>
      )}
      <Paper>
        <UserFilters
          key={JSON.stringify(params)}
          values={filterInvalid ? {} : params}
          bureaus={bureaus.map((b) => ({ id: b.id, name: bureauName(b) }))}
        />
        <DataTable
          columns={userColumns(t, bureauName, new Date())}
          rows={page.items}
          rowKey={(u) => u.id}
          rowProps={(u) => ({
            className: u.disabled ? `yb-hover ${s.disabled}` : "yb-hover",
            "data-testid": "user-row",
            "data-username": u.username,
          })}
          label={t("admin.users.title")}
          testId="users-table"
          className={s.users}
          empty={t("admin.users.empty")}
        />
        <UrlPagination total={page.total} page={page.page} pageSize={page.pageSize} />
      </Paper>
    </>
  );
}
