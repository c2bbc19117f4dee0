// One institution: its record, cross-region services (open and closed), the services it had on
// a chosen date, pending changes with the checker's decision, status changes and the
// field-level history (paged in the URL: hpage, hpageSize).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Grid from "@mui/material/Grid";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import ArrowBack from "@mui/icons-material/ArrowBack";
import { ButtonLink } from "@/components/ui/links";
import { PageHeader } from "@/components/layout/page-header";
import { requireArea } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { canDecideChangeRequest } from "@/lib/auth/policy";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { todayCn } from "@/lib/facilities/codes";
import { getInstitution, listInstitutionHistory, servicesOn } from "@/lib/facilities/queries";
import type { Translate } from "@/lib/i18n";
import { formatDateTime } from "../../_components/date-time";
import { changeSummary, fieldLabel, formatValue, sourceLabel } from "../_components/history-format";
import { diseaseList, levelLabel, SERVICE_COLOR, StatusChip } from "../_components/labels";
import { pick, type RawParams } from "../_components/params";
import { DecisionButtons } from "../_components/decision-buttons";
import { InstitutionActions } from "../_components/institution-actions";
import { KeyPagination } from "../_components/key-pagination";
import { ServicesOnForm } from "../_components/services-on-form";

type Params = Promise<{ code: string }>;

async function load(actor: Awaited<ReturnType<typeof requireArea>>, code: string) {
  try {
    return await getInstitution(actor, code);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { code } = await params;
  return { title: `${decodeURIComponent(code)} · ${(await getT())("facilities.title")}` };
}

function Section({ title, children, testId, action }: { title: string; children: React.ReactNode; testId?: string; action?: React.ReactNode }) {
  return (
    <Paper sx={{ mb: 2 }} data-testid={testId}>
      <Box sx={{ px: 2, py: 1.5, borderBottom: 1, borderColor: "divider", display: "flex", alignItems: "center", gap: 1 }}>
        <Typography variant="h4" component="h2" sx={{ flex: 1 }}>
          {title}
        </Typography>
        {action}
      </Box>
      {children}
    </Paper>
  );
}

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Grid size={{ xs: 12, sm: 6, md: 4 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div" data-testid={testId} sx={{ wordBreak: "break-all" }}>
        {children}
      </Typography>
    </Grid>
  );
}

function ServiceName({ service, t }: { service: string; t: Translate }) {
  return <Chip label={t(`facilities.services.${service}`)} color={SERVICE_COLOR[service] ?? "default"} variant="outlined" />;
}

export default async function InstitutionPage({ params, searchParams }: { params: Params; searchParams: Promise<RawParams> }) {
  const actor = await requireArea("facilities");
  const [{ code: rawCode }, sp, t, locale] = await Promise.all([params, searchParams, getT(), getLocale()]);
  const code = decodeURIComponent(rawCode);
  const inst = await load(actor, code);
  const q = pick(sp, ["on", "hpage", "hpageSize"]);
  const today = todayCn();
  const on = q.on ?? today;
  const [history, onDate] = await Promise.all([
    listInstitutionHistory(actor, inst.code, { page: q.hpage ?? "1", pageSize: q.hpageSize ?? "10" }).catch((e) => {
      if (e instanceof ValidationError) return listInstitutionHistory(actor, inst.code, { page: 1, pageSize: 10 });
      throw e;
    }),
    servicesOn(inst.code, on).then(
      (r) => ({ ok: true as const, ...r }),
      (e) => {
        if (e instanceof ValidationError) return { ok: false as const, error: t("facilities.validation.date") };
        throw e;
      },
    ),
  ]);
  const regionPath = inst.regionPath.map((r) => r.name).join(" / ");
  const current = inst.servicePeriods.filter((p) => !p.closedOn);
  const closed = inst.servicePeriods.filter((p) => p.closedOn);
  const punct = locale === "en" ? ", " : "，";

  return (
    <>
      <PageHeader
        title={inst.name}
        subtitle={
          <Box component="span" sx={{ display: "inline-flex", gap: 1, alignItems: "center", flexWrap: "wrap" }}>
            <Box component="span" sx={{ fontFamily: "monospace" }} data-testid="institution-code">
              {inst.code}
            </Box>
            <span>·</span>
            <span>{t(`facilities.types.${inst.type}`)}</span>
            <span>·</span>
            <span>{regionPath}</span>
          </Box>
        }
        actions={
          <ButtonLink href="/facilities" startIcon={<ArrowBack />}>
            {t("rosterUi.detail.back")}
          </ButtonLink>
        }
      />

      {inst.canEdit ? (
        <Box sx={{ mb: 2 }}>
          <InstitutionActions
            code={inst.code}
            version={inst.version}
            status={inst.status}
            type={inst.type}
            openServices={current.map((p) => p.service)}
            today={today}
          />
        </Box>
      ) : (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="read-only-notice">
          {t("rosterUi.detail.readOnly")}
        </Alert>
      )}

      {inst.pendingChanges.length > 0 && (
        <Section title={t("rosterUi.detail.pending")} testId="pending-changes">
          <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 1.5 }}>
            {t("rosterUi.detail.pendingHint")}
          </Typography>
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t("rosterUi.changes.kind")}</TableCell>
                  <TableCell>{t("rosterUi.changes.summary")}</TableCell>
                  <TableCell>{t("rosterUi.changes.maker")}</TableCell>
                  <TableCell>{t("rosterUi.changes.createdAt")}</TableCell>
                  <TableCell>{t("common.actions")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {inst.pendingChanges.map((c) => (
                  <TableRow key={c.id} data-testid="pending-change">
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{t(`facilities.changeKinds.${c.kind}`)}</TableCell>
                    <TableCell>{changeSummary(t, c.kind, c.summary, c.payload, locale)}</TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{c.makerName}</TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{formatDateTime(c.createdAt, { seconds: false })}</TableCell>
                    <TableCell>
                      {canDecideChangeRequest(actor, c) ? (
                        <DecisionButtons id={c.id} />
                      ) : (
                        <Typography variant="body2" color="text.secondary">
                          {c.makerId === actor.id ? t("rosterUi.changes.own") : t("rosterUi.changes.notChecker")}
                        </Typography>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Section>
      )}

      <Section title={t("rosterUi.detail.record")} testId="institution-record">
        <Grid container spacing={2} sx={{ p: 2 }}>
          <Fact label={t("rosterUi.detail.code")}>
            <Box component="span" sx={{ fontFamily: "monospace" }}>
              {inst.code}
            </Box>
          </Fact>
          <Fact label={t("rosterUi.fields.name")} testId="field-name">
            {inst.name}
          </Fact>
          <Fact label={t("rosterUi.detail.shortName")} testId="field-shortName">
            {inst.shortName ?? "—"}
          </Fact>
          <Fact label={t("rosterUi.detail.type")}>{t(`facilities.types.${inst.type}`)}</Fact>
          <Fact label={`${t("rosterUi.detail.level")} / ${t("rosterUi.detail.grade")}`}>{levelLabel(t, inst.level, inst.grade, locale)}</Fact>
          <Fact label={t("rosterUi.detail.ownership")}>{t(`facilities.ownership.${inst.ownership}`)}</Fact>
          <Fact label={t("rosterUi.detail.region")}>
            {regionPath}
            <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1, fontFamily: "monospace" }}>
              {inst.region.code}
            </Typography>
          </Fact>
          <Fact label={t("rosterUi.detail.address")} testId="field-address">
            {inst.address ?? "—"}
          </Fact>
          <Fact label={t("rosterUi.detail.phone")} testId="field-phone">
            {inst.phone ?? "—"}
          </Fact>
          <Fact label={t("rosterUi.detail.designatedSince")}>{inst.designatedSince}</Fact>
          <Fact label={t("rosterUi.detail.status")} testId="field-status">
            <Box sx={{ display: "flex", gap: 1, alignItems: "center", flexWrap: "wrap" }}>
              <StatusChip status={inst.status} t={t} />
              <span>{t("rosterUi.detail.statusSince", { date: inst.statusSince })}</span>
              {inst.statusReason && <span>{t("rosterUi.detail.statusReason", { reason: inst.statusReason })}</span>}
            </Box>
          </Fact>
          <Fact label={t("rosterUi.detail.updatedAt")}>
            {formatDateTime(inst.updatedAt, { seconds: false })}
            <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
              {t("rosterUi.detail.version", { version: inst.version })}
            </Typography>
          </Fact>
        </Grid>
      </Section>

      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Section title={t("rosterUi.detail.services")} testId="service-periods">
            {inst.servicePeriods.length === 0 ? (
              <Typography color="text.secondary" sx={{ p: 2 }}>
                {t("rosterUi.detail.noServices")}
              </Typography>
            ) : (
              <TableContainer>
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell>{t("rosterUi.detail.serviceCol")}</TableCell>
                      <TableCell>{t("rosterUi.detail.serviceState")}</TableCell>
                      <TableCell>{t("rosterUi.detail.openedOn")}</TableCell>
                      <TableCell>{t("rosterUi.detail.closedOn")}</TableCell>
                      <TableCell>{t("rosterUi.detail.diseases")}</TableCell>
                      <TableCell>{t("rosterUi.detail.closeReason")}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {[...current, ...closed].map((p) => (
                      <TableRow key={p.id} data-testid="service-period" data-service={p.service} data-open={p.closedOn ? "false" : "true"} sx={p.closedOn ? { "& td": { color: "text.secondary" } } : undefined}>
                        <TableCell>
                          <ServiceName service={p.service} t={t} />
                        </TableCell>
                        <TableCell>
                          <Chip label={p.closedOn ? t("rosterUi.detail.closed") : t("rosterUi.detail.current")} color={p.closedOn ? "default" : "success"} variant={p.closedOn ? "outlined" : "filled"} />
                        </TableCell>
                        <TableCell sx={{ whiteSpace: "nowrap" }}>{p.openedOn}</TableCell>
                        <TableCell sx={{ whiteSpace: "nowrap" }}>{p.closedOn ?? "—"}</TableCell>
                        <TableCell>{p.service === "CHRONIC" ? diseaseList(t, p.diseases, locale) : "—"}</TableCell>
                        <TableCell>{p.closeReason ?? "—"}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            )}
          </Section>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Section title={t("rosterUi.detail.servicesOn")} testId="services-on">
            <Box sx={{ p: 2 }}>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
                {t("rosterUi.detail.servicesOnHint")}
              </Typography>
              <ServicesOnForm key={on} value={onDate.ok ? onDate.date : on} error={onDate.ok ? undefined : onDate.error} />
              {onDate.ok && (
                <Box sx={{ mt: 2 }} data-testid="services-on-result">
                  <Typography variant="body2" sx={{ mb: 1 }}>
                    {onDate.status
                      ? t("rosterUi.detail.onDateStatus", { date: onDate.date, status: t(`facilities.statuses.${onDate.status.status}`), since: onDate.status.since })
                      : t("rosterUi.detail.notDesignatedYet", { date: onDate.date })}
                  </Typography>
                  {onDate.services.length ? (
                    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                      {onDate.services.map((s) => (
                        <li key={s.id}>
                          <Typography variant="body2">
                            {t(`facilities.services.${s.service}`)}
                            <Typography component="span" variant="caption" color="text.secondary">
                              {punct}
                              {t("rosterUi.detail.openedOn")} {s.openedOn}
                              {s.service === "CHRONIC" && s.diseases.length ? `${punct}${diseaseList(t, s.diseases, locale)}` : ""}
                            </Typography>
                          </Typography>
                        </li>
                      ))}
                    </Box>
                  ) : (
                    <Typography variant="body2" color="text.secondary">
                      {t("rosterUi.detail.noServicesOn")}
                    </Typography>
                  )}
                </Box>
              )}
            </Box>
          </Section>
        </Grid>
      </Grid>

      {inst.statusEvents.length > 0 && (
        <Section title={t("rosterUi.detail.statusEvents")} testId="status-events">
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t("rosterUi.detail.effectiveOn")}</TableCell>
                  <TableCell>{t("rosterUi.detail.status")}</TableCell>
                  <TableCell>{t("rosterUi.detail.reason")}</TableCell>
                  <TableCell>{t("rosterUi.detail.by")}</TableCell>
                  <TableCell>{t("rosterUi.detail.at")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {inst.statusEvents.map((e, i) => (
                  <TableRow key={i}>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{e.effectiveOn}</TableCell>
                    <TableCell>
                      <StatusChip status={e.status} t={t} />
                    </TableCell>
                    <TableCell>{e.reason}</TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{e.actorName}</TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{formatDateTime(e.at, { seconds: false })}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Section>
      )}

      <Section
        title={t("rosterUi.detail.history")}
        testId="institution-history"
        action={
          <Typography variant="body2" color="text.secondary">
            {t("rosterUi.detail.historyTotal", { count: history.total })}
          </Typography>
        }
      >
        <TableContainer>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 150 }}>{t("rosterUi.detail.at")}</TableCell>
                <TableCell sx={{ width: 150 }}>{t("rosterUi.detail.field")}</TableCell>
                <TableCell>{t("rosterUi.detail.before")}</TableCell>
                <TableCell>{t("rosterUi.detail.after")}</TableCell>
                <TableCell sx={{ width: 170 }}>{t("rosterUi.detail.actor")}</TableCell>
                <TableCell sx={{ width: 100 }}>{t("rosterUi.detail.source")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {history.items.map((h) => (
                <TableRow key={h.id} data-testid="history-entry" data-field={h.field} data-source={h.source}>
                  <TableCell sx={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>{formatDateTime(h.at, { seconds: false })}</TableCell>
                  <TableCell sx={{ fontWeight: 500 }}>{fieldLabel(t, h.field, locale)}</TableCell>
                  <TableCell sx={{ color: "error.dark", textDecoration: h.before === null ? "none" : "line-through", overflowWrap: "anywhere" }}>
                    {h.field === "*" ? "—" : formatValue(t, h.field, h.before, locale)}
                  </TableCell>
                  <TableCell sx={{ color: "success.dark", fontWeight: 500, overflowWrap: "anywhere" }}>{formatValue(t, h.field, h.after, locale)}</TableCell>
                  <TableCell>
                    {h.actorName}
                    {h.requestedBy && (
                      <Typography variant="caption" color="text.secondary" component="div">
                        {t("rosterUi.detail.requestedBy", { name: h.requestedBy })}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <Chip label={sourceLabel(t, h.source)} variant="outlined" />
                    {h.importId && h.source !== "IMPORT" && (
                      <Typography variant="caption" color="text.secondary" component="div">
                        {sourceLabel(t, "IMPORT")}
                      </Typography>
                    )}
                  </TableCell>
                </TableRow>
              ))}
              {history.items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6}>
                    <Typography color="text.secondary" sx={{ py: 3, textAlign: "center" }}>
                      {t("rosterUi.detail.historyEmpty")}
                    </Typography>
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
        <KeyPagination total={history.total} page={history.page} pageSize={history.pageSize} pageKey="hpage" />
      </Section>
    </>
  );
}
