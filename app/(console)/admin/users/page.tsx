import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { ButtonLink } from "@/components/ui/links";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { listBureausInScope, listUsers, userStatus } from "@/lib/users/queries";
import { formatDateTime } from "../../_components/date-time";
import { pickParams, type SearchParams } from "../_components/search-params";
import { UrlPagination } from "../_components/url-pagination";
import { UserFilters } from "./_components/user-filters";
import { CreateUserDialog } from "./_components/create-user-dialog";
import { UserStatusChip } from "./_components/user-status-chip";

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
        <TableContainer>
          <Table size="small" aria-label={t("admin.users.title")} data-testid="users-table">
            <TableHead>
              <TableRow>
                <TableCell>{t("admin.users.username")}</TableCell>
                <TableCell>{t("admin.users.displayName")}</TableCell>
                <TableCell>{t("admin.users.bureau")}</TableCell>
                <TableCell>{t("admin.users.roles")}</TableCell>
                <TableCell>{t("admin.users.status")}</TableCell>
                <TableCell>{t("admin.users.lastLogin")}</TableCell>
                <TableCell align="right">{t("common.actions")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {page.items.map((u) => (
                <TableRow
                  key={u.id}
                  hover
                  data-testid="user-row"
                  data-username={u.username}
                  sx={u.disabled ? { "& td": { color: "text.secondary" } } : undefined}
                >
                  <TableCell sx={{ fontFamily: "monospace", fontSize: "0.85rem" }}>{u.username}</TableCell>
                  <TableCell>{u.displayName}</TableCell>
                  <TableCell>{bureauName(u.bureau)}</TableCell>
                  <TableCell>
                    <Box sx={{ display: "flex", gap: 0.5, flexWrap: "wrap" }}>
                      {u.roles.map((r) => (
                        <Chip key={r} label={t(`roles.${r}`)} variant="outlined" color={r === "ADMIN" ? "primary" : "default"} />
                      ))}
                    </Box>
                  </TableCell>
                  <TableCell>
                    <Box sx={{ display: "flex", gap: 0.5, flexWrap: "wrap" }}>
                      <UserStatusChip status={userStatus(u, now)} t={t} />
                      {u.mustChangePassword && !u.disabled && (
                        <Chip label={t("admin.users.mustChangePassword")} variant="outlined" color="warning" />
                      )}
                    </Box>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: "nowrap", color: u.lastLoginAt ? "text.primary" : "text.secondary" }}>
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt, { seconds: false }) : t("admin.users.neverSignedIn")}
                  </TableCell>
                  <TableCell align="right">
                    <ButtonLink href={`/admin/users/${u.id}`} size="small" data-testid="edit-user">
                      {t("admin.users.edit")}
                    </ButtonLink>
                  </TableCell>
                </TableRow>
              ))}
              {page.items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={7}>
                    <Typography color="text.secondary" sx={{ py: 4, textAlign: "center" }}>
                      {t("admin.users.empty")}
                    </Typography>
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
        <UrlPagination total={page.total} page={page.page} pageSize={page.pageSize} />
      </Paper>
    </>
  );
}
