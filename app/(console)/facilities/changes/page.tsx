// The checker's inbox: change requests of the actor's bureau (maker-checker), pending first;
// ?state=APPROVED|REJECTED shows decided ones. Roster managers only.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
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
import { ButtonLink, TextLink } from "@/components/ui/links";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { canDecideChangeRequest, hasRole } from "@/lib/auth/policy";
import { listChangeRequests } from "@/lib/facilities/queries";
import { formatDateTime } from "../../_components/date-time";
import { RosterTabs } from "../_components/roster-tabs";
import { DecisionButtons } from "../_components/decision-buttons";
import { changeSummary } from "../_components/history-format";
import { KeyPagination } from "../_components/key-pagination";
import { pick, type RawParams } from "../_components/params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("rosterUi.changes.title") };
}

const STATES = ["PENDING", "APPROVED", "REJECTED"] as const;
const STATE_COLOR = { PENDING: "warning", APPROVED: "success", REJECTED: "error" } as const;

export default async function ChangesPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const actor = await requireArea("facilities");
  if (!hasRole(actor, "ROSTER_MANAGER")) notFound();
  const [t, locale, sp] = await Promise.all([getT(), getLocale(), searchParams]);
  const q = pick(sp, ["state", "cpage", "cpageSize"]);
  const state = (STATES as readonly string[]).includes(q.state ?? "") ? (q.state as (typeof STATES)[number]) : "PENDING";
  const page = await listChangeRequests(actor, { state, page: Number(q.cpage) || 1, pageSize: Math.min(200, Number(q.cpageSize) || 20) });
  return (
    <>
      <PageHeader title={t("facilities.title")} subtitle={t("rosterUi.changes.subtitle")} />
      <RosterTabs manager />
      <Box sx={{ display: "flex", gap: 1, mb: 2 }}>
        {STATES.map((s) => (
          <ButtonLink key={s} href={s === "PENDING" ? "/facilities/changes" : `/facilities/changes?state=${s}`} variant={s === state ? "contained" : "outlined"} size="small" data-testid={`changes-state-${s}`}>
            {t(`facilities.changeStates.${s}`)}
          </ButtonLink>
        ))}
      </Box>
      <Paper>
        <TableContainer>
          <Table size="small" data-testid="change-requests">
            <TableHead>
              <TableRow>
                <TableCell>{t("rosterUi.changes.kind")}</TableCell>
                <TableCell>{t("rosterUi.changes.institution")}</TableCell>
                <TableCell>{t("rosterUi.changes.summary")}</TableCell>
                <TableCell>{t("rosterUi.changes.maker")}</TableCell>
                <TableCell>{t("rosterUi.changes.createdAt")}</TableCell>
                <TableCell>{state === "PENDING" ? t("common.actions") : t("rosterUi.changes.states")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {page.items.map((c) => (
                <TableRow key={c.id} data-testid="change-request" sx={{ verticalAlign: "top" }}>
                  <TableCell sx={{ whiteSpace: "nowrap" }}>
                    <Chip label={t(`facilities.changeKinds.${c.kind}`)} variant="outlined" />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: "nowrap" }}>
                    {c.code && c.kind !== "CREATE" ? <TextLink href={`/facilities/${c.code}`}>{c.institutionName ?? c.code}</TextLink> : (c.code ?? "—")}
                  </TableCell>
                  <TableCell sx={{ maxWidth: 480 }}>{changeSummary(t, c.kind, c.summary, c.payload, locale) || "—"}</TableCell>
                  <TableCell sx={{ whiteSpace: "nowrap" }}>{c.makerName}</TableCell>
                  <TableCell sx={{ whiteSpace: "nowrap" }}>{formatDateTime(c.createdAt, { seconds: false })}</TableCell>
                  <TableCell>
                    {state !== "PENDING" ? (
                      <Box>
                        <Chip label={t(`facilities.changeStates.${c.state}`)} color={STATE_COLOR[c.state]} variant="outlined" />
                        <Typography variant="caption" color="text.secondary" component="div">
                          {t("rosterUi.changes.decided", { name: c.checkerName ?? "—", at: formatDateTime(c.decidedAt, { seconds: false }) })}
                        </Typography>
                        {c.comment && <Typography variant="body2">{c.comment}</Typography>}
                      </Box>
                    ) : canDecideChangeRequest(actor, c) ? (
                      <DecisionButtons id={c.id} />
                    ) : (
                      <Typography variant="body2" color="text.secondary">
                        {c.makerId === actor.id ? t("rosterUi.changes.own") : t("rosterUi.changes.notChecker")}
                      </Typography>
                    )}
                  </TableCell>
                </TableRow>
              ))}
              {page.items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6}>
                    <Typography color="text.secondary" sx={{ py: 4, textAlign: "center" }}>
                      {t("rosterUi.changes.empty")}
                    </Typography>
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
        <KeyPagination total={page.total} page={page.page} pageSize={page.pageSize} pageKey="cpage" options={[20, 50, 100]} />
      </Paper>
    </>
  );
}
