// The checker's inbox: change requests of the actor's bureau (maker-checker), pending first;
// ?state=APPROVED|REJECTED shows decided ones. Roster managers only.
// The list is plain markup with the kit's classes and tags (changes.module.css), not a styled
// MUI element per cell; Typography's color="text.secondary" had no effect in MUI 9, so those
// texts keep the inherited colour they rendered with.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import { ButtonLink } from "@/components/ui/links";
import { RowLink } from "@/components/ui/row-link";
import { Tag } from "@/components/ui/tag";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { canDecideChangeRequest, hasRole } from "@/lib/auth/policy";
import { listChangeRequests } from "@/lib/facilities/queries";
import { formatDateTime } from "../../_components/date-time";
import { RosterTabs } from "../_components/roster-tabs";
import { DecisionButtons } from "../_components/decision-buttons";
import { changeSummary } from "../_components/history-format";
import { UrlPagination } from "@/components/ui/url-pagination";
import { SavedNotice, savedOutcome } from "../_components/saved-notice";
import { pick, type RawParams } from "../_components/params";
import s from "./changes.module.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("rosterUi.changes.title") };
}

const STATES = ["PENDING", "APPROVED", "REJECTED"] as const;
const STATE_COLOR = { PENDING: "warning", APPROVED: "success", REJECTED: "error" } as const;

export default async function ChangesPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const actor = await requireArea("facilities");
  if (!hasRole(actor, "ROSTER_MANAGER")) notFound();
  const [t, locale, sp] = await Promise.all([getT(), getLocale(), searchParams]);
  const q = pick(sp, ["state", "cpage", "cpageSize", "saved"]);
  const state = (STATES as readonly string[]).includes(q.state ?? "") ? (q.state as (typeof STATES)[number]) : "PENDING";
  const page = await listChangeRequests(actor, { state, page: Number(q.cpage) || 1, pageSize: Math.min(200, Number(q.cpageSize) || 20) });
  return (
    <>
      <PageHeader title={t("facilities.title")} subtitle={t("rosterUi.changes.subtitle")} />
      <RosterTabs manager />
      <SavedNotice outcome={savedOutcome(q.saved)} t={t} />
      <Box sx={{ display: "flex", gap: 1, mb: 2 }}>
        {STATES.map((x) => (
          <ButtonLink key={x} href={x === "PENDING" ? "/facilities/changes" : `/facilities/changes?state=${x}`} variant={x === state ? "contained" : "outlined"} size="small" data-testid={`changes-state-${x}`}>
            {t(`facilities.changeStates.${x}`)}
          </ButtonLink>
        ))}
      </Box>
      <Paper>
        <div className="yb-table-wrap">
          <table className={`yb-table ${s.changes}`} data-testid="change-requests">
            <thead>
              <tr>
                <th scope="col">{t("rosterUi.changes.kind")}</th>
                <th scope="col">{t("rosterUi.changes.institution")}</th>
                <th scope="col">{t("rosterUi.changes.summary")}</th>
                <th scope="col">{t("rosterUi.changes.maker")}</th>
                <th scope="col">{t("rosterUi.changes.createdAt")}</th>
                <th scope="col">{state === "PENDING" ? t("common.actions") : t("rosterUi.changes.states")}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((c) => (
                <tr key={c.id} className={s.top} data-testid="change-request">
                  <td className="yb-nowrap">
                    <Tag label={t(`facilities.changeKinds.${c.kind}`)} variant="outlined" />
                  </td>
                  <td className="yb-nowrap">{c.code && c.kind !== "CREATE" ? <RowLink href={`/facilities/${c.code}`}>{c.institutionName ?? c.code}</RowLink> : (c.code ?? "—")}</td>
                  <td className={s.summary}>{changeSummary(t, c.kind, c.summary, c.payload, locale) || "—"}</td>
                  <td className="yb-nowrap">{c.makerName}</td>
                  <td className="yb-nowrap">{formatDateTime(c.createdAt, { seconds: false })}</td>
                  <td>
                    {state !== "PENDING" ? (
                      <div>
                        <Tag label={t(`facilities.changeStates.${c.state}`)} color={STATE_COLOR[c.state]} variant="outlined" />
                        <div className="yb-caption">{t("rosterUi.changes.decided", { name: c.checkerName ?? "—", at: formatDateTime(c.decidedAt, { seconds: false }) })}</div>
                        {c.comment && <p className="yb-body2">{c.comment}</p>}
                      </div>
                    ) : canDecideChangeRequest(actor, c) ? (
                      <DecisionButtons id={c.id} />
                    ) : (
                      <p className="yb-body2">{c.makerId === actor.id ? t("rosterUi.changes.own") : t("rosterUi.changes.notChecker")}</p>
                    )}
                  </td>
                </tr>
              ))}
              {page.items.length === 0 && (
                <tr>
                  <td colSpan={6}>
                    <p className={`yb-body1 ${s.empty}`}>{t("rosterUi.changes.empty")}</p>
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <UrlPagination total={page.total} page={page.page} pageSize={page.pageSize} pageKey="cpage" options={[20, 50, 100]} />
      </Paper>
    </>
  );
}
