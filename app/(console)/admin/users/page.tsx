// The user list: filters and paging in the URL. Rows are plain markup with the kit's classes and
// tags (users.module.css) rather than a styled MUI element per cell; the per-row edit button
// stays MUI's.
import Alert from "@mui/material/Alert";
import Paper from "@mui/material/Paper";
import { ButtonLink } from "@/components/ui/links";
import { Tag, Tags } from "@/components/ui/tag";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { listBureausInScope, listUsers, userStatus } from "@/lib/users/queries";
import { formatDateTime } from "../../_components/date-time";
import { pickParams, type SearchParams } from "../_components/search-params";
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

/** A user's roles as outlined tags, the administrator's in the primary colour. */
function RoleTags({ roles, t }: { roles: readonly string[]; t: (key: string) => string }) {
  return (
    <Tags>
      {roles.map((r) => (
        <Tag key={r} label={t(`roles.${r}`)} variant="outlined" color={r === "ADMIN" ? "primary" : "default"} />
      ))}
    </Tags>
  );
}

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireArea("admin");
  const [t, locale, sp] = await Promise.all([getT(), getLocale(), searchParams]);
  const params = pickParams(sp, FILTER_KEYS);
  const [{ page, filterInvalid }, bureaus] = await Promise.all([loadPage(actor, params), listBureausInScope(actor)]);
  const bureauName = (b: { name: string; nameEn: string }) => (locale === "en" ? b.nameEn : b.name);
  const now = new Date();

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
        <div className="yb-table-wrap">
          <table className={`yb-table ${s.users}`} aria-label={t("admin.users.title")} data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t("admin.users.username")}</th>
                <th scope="col">{t("admin.users.displayName")}</th>
                <th scope="col">{t("admin.users.bureau")}</th>
                <th scope="col">{t("admin.users.roles")}</th>
                <th scope="col">{t("admin.users.status")}</th>
                <th scope="col">{t("admin.users.lastLogin")}</th>
                <th scope="col" className="yb-right">
                  {t("common.actions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((u) => (
                <tr key={u.id} className={u.disabled ? `yb-hover ${s.disabled}` : "yb-hover"} data-testid="user-row" data-username={u.username}>
                  <td className={s.username}>{u.username}</td>
                  <td>{u.displayName}</td>
                  <td>{bureauName(u.bureau)}</td>
                  <td>
                    <RoleTags roles={u.roles} t={t} />
                  </td>
                  <td>
                    <Tags>
                      <UserStatusChip status={userStatus(u, now)} t={t} />
                      {u.mustChangePassword && !u.disabled && <Tag label={t("admin.users.mustChangePassword")} variant="outlined" color="warning" />}
                    </Tags>
                  </td>
                  <td className={u.lastLoginAt ? s.lastLogin : `${s.lastLogin} ${s.never}`}>
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt, { seconds: false }) : t("admin.users.neverSignedIn")}
                  </td>
                  <td className="yb-right">
                    <ButtonLink href={`/admin/users/${u.id}`} size="small" data-testid="edit-user">
                      {t("admin.users.edit")}
                    </ButtonLink>
                  </td>
                </tr>
              ))}
              {page.items.length === 0 && (
                <tr>
                  <td colSpan={7}>
                    <p className={`yb-body1 ${s.empty}`}>{t("admin.users.empty")}</p>
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <UrlPagination total={page.total} page={page.page} pageSize={page.pageSize} />
      </Paper>
    </>
  );
}
