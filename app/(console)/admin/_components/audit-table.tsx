"use client";
// The audit-entry table with a detail dialog: before and after side by side, the fields that
// changed highlighted. Used by the audit log browser and the user edit page.
// The list is plain markup with the kit's classes and tags (audit-table.module.css) rather than
// a styled MUI element per cell; only the per-row detail button stays MUI's. Texts that had
// Typography's color="text.secondary" keep the colour they rendered with (MUI 9 takes only
// palette names there, so it was no colour).
import { useState } from "react";
import Link from "next/link";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import Grid from "@mui/material/Grid";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { Tag } from "@/components/ui/tag";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { Locale, Translate } from "@/lib/i18n";
import { formatDateTime, isIsoTimestamp } from "../../_components/date-time";
import s from "./audit-table.module.css";

export interface AuditRow {
  id: string;
  /** Already formatted in Beijing time on the server. */
  at: string;
  actorName: string;
  actorRegion: string | null;
  action: string;
  entityType: string;
  entityId: string;
  entityRegion: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  /** e.g. the username of a User entity, when the viewer may see it. */
  entityLabel?: string;
  entityHref?: string;
}

type ChipColor = "default" | "primary" | "success" | "warning" | "error" | "info";
const ACTION_COLOR: Record<string, ChipColor> = {
  CREATE: "success",
  UPDATE: "primary",
  ENABLE: "success",
  DISABLE: "error",
  PASSWORD_RESET: "warning",
  UNLOCK: "info",
  SIGN_IN_FAILED: "warning",
  ACCOUNT_LOCKED: "error",
  TOKEN_CREATED: "info",
  TOKEN_REVOKED: "warning",
};

/** A catalogue label, or the raw value when the catalogue has none (actions of newer domains). */
function label(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  const text = t(key);
  return text === key ? value : text;
}

export function actionLabel(t: Translate, action: string) {
  return label(t, "admin.audit.actions", action);
}

function regionLabel(code: string | null, regionNames: Record<string, string>) {
  if (!code) return "—";
  return regionNames[code] ? `${regionNames[code]}（${code}）` : code;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** List and label punctuation: 、 and ： in Chinese, ", " and ": " in English. */
function punctuation(locale: Locale) {
  return locale === "en" ? { list: ", ", label: ": ", items: "; " } : { list: "、", label: "：", items: "；" };
}

function formatValue(t: Translate, key: string, v: unknown, locale: Locale = "zh-CN"): string {
  if (v === undefined) return "";
  if (v === null) return "—";
  if (typeof v === "boolean") return v ? t("common.yes") : t("common.no");
  if (isIsoTimestamp(v)) return formatDateTime(v);
  if (key === "roles" && Array.isArray(v)) return v.map((r) => label(t, "roles", String(r))).join(punctuation(locale).list);
  if (typeof v === "string" || typeof v === "number") return String(v);
  return JSON.stringify(v, null, 2);
}

/** "角色：统计分析员 → 统计分析员、投诉处理人" for each field an entry changed. */
function changeSummary(t: Translate, locale: Locale, row: AuditRow): string {
  if (!isRecord(row.before) || !isRecord(row.after)) return "";
  const before = row.before;
  const after = row.after;
  const p = punctuation(locale);
  return [...new Set([...Object.keys(after), ...Object.keys(before)])]
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${label(t, "admin.audit.fields", k)}${p.label}${formatValue(t, k, before[k] ?? null, locale)} → ${formatValue(t, k, after[k] ?? null, locale)}`)
    .join(p.items);
}

function AuditDetail({ row, regionNames, onClose }: { row: AuditRow; regionNames: Record<string, string>; onClose: () => void }) {
  const { t, locale } = useI18n();
  const before = isRecord(row.before) ? row.before : null;
  const after = isRecord(row.after) ? row.after : null;
  const keys = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  // Only a two-sided entry has "changes"; a creation's fields are all new.
  const changed = (k: string) => before !== null && after !== null && JSON.stringify(before[k]) !== JSON.stringify(after[k]);
  const facts: [string, string][] = [
    [t("admin.audit.time"), row.at],
    [t("admin.audit.actor"), row.actorName === "system" ? t("admin.audit.system") : row.actorName],
    [t("admin.audit.actorRegion"), regionLabel(row.actorRegion, regionNames)],
    [t("admin.audit.action"), actionLabel(t, row.action)],
    [t("admin.audit.entityType"), label(t, "admin.audit.entityTypes", row.entityType)],
    [t("admin.audit.entityId"), row.entityLabel ? `${row.entityLabel} · ${row.entityId}` : row.entityId],
    [t("admin.audit.region"), regionLabel(row.entityRegion, regionNames)],
    [t("admin.audit.ip"), row.ip ?? "—"],
  ];
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="audit-detail-title">
      <DialogTitle id="audit-detail-title">{t("admin.audit.detailTitle", { id: row.id })}</DialogTitle>
      <DialogContent dividers data-testid="audit-detail">
        <Grid container spacing={1.5} sx={{ mb: 3 }}>
          {facts.map(([k, v]) => (
            <Grid key={k} size={{ xs: 12, sm: 6 }}>
              <Typography variant="caption" color="text.secondary" component="div">
                {k}
              </Typography>
              <Typography variant="body2" sx={{ wordBreak: "break-all" }}>
                {v}
              </Typography>
            </Grid>
          ))}
        </Grid>
        {keys.length === 0 ? (
          <Typography color="text.secondary">{t("admin.audit.noData")}</Typography>
        ) : (
          <TableContainer sx={{ border: 1, borderColor: "divider", borderRadius: 1 }}>
            <Table size="small" data-testid="audit-diff">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: "22%" }}>{t("admin.audit.field")}</TableCell>
                  <TableCell sx={{ width: "39%" }}>{t("admin.audit.before")}</TableCell>
                  <TableCell sx={{ width: "39%" }}>{t("admin.audit.after")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {keys.map((k) => {
                  const isChanged = changed(k);
                  return (
                    <TableRow key={k} data-changed={isChanged || undefined} sx={isChanged ? { bgcolor: "#fff6e0" } : undefined}>
                      <TableCell sx={{ verticalAlign: "top" }}>
                        <Typography variant="body2" sx={{ fontWeight: isChanged ? 600 : 400 }}>
                          {label(t, "admin.audit.fields", k)}
                        </Typography>
                        <Typography variant="caption" color="text.secondary" sx={{ fontFamily: "monospace" }}>
                          {k}
                        </Typography>
                        {isChanged && <Chip label={t("admin.audit.changed")} color="warning" sx={{ ml: 1, height: 18, fontSize: 11 }} />}
                      </TableCell>
                      <ValueCell text={before ? formatValue(t, k, before[k], locale) : ""} strike={isChanged} />
                      <ValueCell text={after ? formatValue(t, k, after[k], locale) : ""} strong={isChanged} />
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1.5 }}>
          {t("admin.audit.redactedNote")}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t("common.close")}</Button>
      </DialogActions>
    </Dialog>
  );
}

function ValueCell({ text, strike, strong }: { text: string; strike?: boolean; strong?: boolean }) {
  return (
    <TableCell sx={{ verticalAlign: "top" }}>
      <Box
        component="pre"
        sx={{
          m: 0,
          fontFamily: "inherit",
          fontSize: "0.85rem",
          whiteSpace: "pre-wrap",
          wordBreak: "break-all",
          color: strike ? "error.dark" : strong ? "success.dark" : "text.primary",
          textDecoration: strike ? "line-through" : "none",
          fontWeight: strong ? 600 : 400,
        }}
      >
        {text}
      </Box>
    </TableCell>
  );
}

export function AuditTable({
  rows,
  regionNames,
  compact = false,
  emptyText,
}: {
  rows: AuditRow[];
  regionNames: Record<string, string>;
  /** Hides entity and region columns (when the page is already about one entity). */
  compact?: boolean;
  emptyText: string;
}) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState<AuditRow | null>(null);
  const columns = compact ? 6 : 8;
  return (
    <>
      <div className="yb-table-wrap">
        <table className={`yb-table ${s.audit}`} data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col" style={{ width: 170 }}>
                {t("admin.audit.time")}
              </th>
              <th scope="col">{t("admin.audit.actor")}</th>
              <th scope="col">{t("admin.audit.action")}</th>
              {!compact && <th scope="col">{t("admin.audit.entity")}</th>}
              {!compact && <th scope="col">{t("admin.audit.region")}</th>}
              <th scope="col">{t("admin.audit.changes")}</th>
              <th scope="col">{t("admin.audit.ip")}</th>
              <th scope="col" className="yb-right">
                {t("common.actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="yb-hover" data-testid="audit-row" data-action={r.action}>
                <td className={s.time}>{r.at}</td>
                <td className="yb-nowrap">{r.actorName === "system" ? t("admin.audit.system") : r.actorName}</td>
                <td>
                  <Tag label={actionLabel(t, r.action)} color={ACTION_COLOR[r.action] ?? "default"} variant="outlined" />
                </td>
                {!compact && (
                  <td className="yb-nowrap">
                    <span className={`yb-body2 ${s.entityType}`}>{label(t, "admin.audit.entityTypes", r.entityType)}</span>
                    {r.entityHref ? (
                      <Link href={r.entityHref} prefetch={false} className={s.entityLink}>
                        {r.entityLabel ?? r.entityId}
                      </Link>
                    ) : (
                      <span className={`yb-body2 ${r.entityLabel ? s.entityLabel : s.entityId}`}>{r.entityLabel ?? shortId(r.entityId)}</span>
                    )}
                  </td>
                )}
                {!compact && <td className="yb-nowrap">{r.entityRegion ? regionNames[r.entityRegion] ?? r.entityRegion : "—"}</td>}
                <ChangesCell text={changeSummary(t, locale, r)} />
                <td className={s.ip}>{r.ip ?? "—"}</td>
                <td className="yb-right">
                  <Button size="small" onClick={() => setOpen(r)} data-testid="audit-detail-open">
                    {t("admin.audit.detail")}
                  </Button>
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns}>
                  <p className={`yb-body1 ${s.empty}`}>{emptyText}</p>
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {open && <AuditDetail row={open} regionNames={regionNames} onClose={() => setOpen(null)} />}
    </>
  );
}

function ChangesCell({ text }: { text: string }) {
  return (
    <td className={s.changes}>
      <p className={`yb-body2 ${s.noWrap}`} title={text}>
        {text || "—"}
      </p>
    </td>
  );
}
/** UUIDs are long; the first block is enough to tell entries apart at a glance. */
function shortId(id: string) {
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? `${id.slice(0, 8)}…` : id;
}
