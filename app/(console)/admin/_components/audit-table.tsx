"use client";
// The audit-entry table with a detail dialog: before and after side by side, the fields that
// changed highlighted. Used by the audit log browser and the user edit page.
// The list is the kit's DataTable with its tags (audit-table.module.css for this list's cells);
// only the per-row detail button stays MUI's. Texts that had
// Typography's color="text.secondary" keep the colour they rendered with (MUI 9 takes only
// palette names there, so it was no colour).
import { useState } from "react";
import Link from "next/link";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import Grid from "@mui/material/Grid";
import Typography from "@mui/material/Typography";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Tag } from "@/components/ui/tag";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { Locale, Translate } from "@/lib/i18n";
import type { AuditEntryView } from "@/lib/audit/queries";
import { formatDateTime, isIsoTimestamp } from "../../_components/date-time";
import s from "./audit-table.module.css";

/** An entry as the list shows it: the time already formatted in Beijing time on the server. */
export interface AuditRow extends Omit<AuditEntryView, "at" | "actorId" | "before" | "after"> {
  at: string;
  before: unknown;
  after: unknown;
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

/** An action in words; a ticket's transitions (TRANSITION_<action>) through the complaints' names. */
export function actionLabel(t: Translate, action: string) {
  const transition = /^TRANSITION_([A-Z_]+)$/.exec(action);
  if (transition) return t("admin.audit.actions.TRANSITION", { action: label(t, "complaints.action", transition[1]!) });
  return label(t, "admin.audit.actions", action);
}

export function entityTypeLabel(t: Translate, type: string) {
  return label(t, "admin.audit.entityTypes", type);
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

/** Fields whose values are codes with names in the catalogue (a ticket's state). */
const CODED_FIELDS: Record<string, string> = { state: "complaints.state" };

function formatValue(t: Translate, key: string, v: unknown, locale: Locale = "zh-CN"): string {
  if (v === undefined) return "";
  if (CODED_FIELDS[key] && typeof v === "string") return label(t, CODED_FIELDS[key], v);
  if (v === null) return "—";
  if (typeof v === "boolean") return v ? t("common.yes") : t("common.no");
  if (isIsoTimestamp(v)) return formatDateTime(v);
  if (key === "roles" && Array.isArray(v))
    return v.map((r) => label(t, "roles", String(r))).join(punctuation(locale).list);
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
    .map(
      (k) =>
        `${label(t, "admin.audit.fields", k)}${p.label}${formatValue(t, k, before[k] ?? null, locale)} → ${formatValue(t, k, after[k] ?? null, locale)}`,
    )
    .join(p.items);
}

function AuditDetail({
  row,
  regionNames,
  onClose,
}: {
  row: AuditRow;
  regionNames: Record<string, string>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const before = isRecord(row.before) ? row.before : null;
  const after = isRecord(row.after) ? row.after : null;
  const keys = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  // Only a two-sided entry has "changes"; a creation's fields are all new.
  const changed = (k: string) =>
    before !== null && after !== null && JSON.stringify(before[k]) !== JSON.stringify(after[k]);
  const facts: [string, string][] = [
    [t("admin.audit.time"), row.at],
    [t("admin.audit.actor"), row.actorName === "system" ? t("admin.audit.system") : row.actorName],
    [t("admin.audit.actorRegion"), regionLabel(row.actorRegion, regionNames)],
    [t("admin.audit.action"), actionLabel(t, row.action)],
    [t("admin.audit.entityType"), entityTypeLabel(t, row.entityType)],
    [t("admin.audit.entity"), row.entityLabel ?? row.entityId],
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
          <DiffTable keys={keys} before={before} after={after} changed={changed} />
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

/** Each field before and after, the changed ones shaded, struck through before and bold after. */
function DiffTable({
  keys,
  before,
  after,
  changed,
}: {
  keys: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changed: (k: string) => boolean;
}) {
  const { t, locale } = useI18n();
  const columns: Column<string>[] = [
    {
      key: "field",
      header: t("admin.audit.field"),
      cell: (k) => (
        <>
          <span className={changed(k) ? `yb-body2 ${s.fieldName} ${s.strong}` : `yb-body2 ${s.fieldName}`}>
            {label(t, "admin.audit.fields", k)}
          </span>
          <span className={`yb-caption ${s.fieldKey}`}>{k}</span>
          {changed(k) && (
            <Chip label={t("admin.audit.changed")} color="warning" sx={{ ml: 1, height: 18, fontSize: 11 }} />
          )}
        </>
      ),
    },
    {
      key: "before",
      header: t("admin.audit.before"),
      cell: (k) => (
        <pre className={changed(k) ? `${s.value} ${s.struck}` : s.value}>
          {before ? formatValue(t, k, before[k], locale) : ""}
        </pre>
      ),
    },
    {
      key: "after",
      header: t("admin.audit.after"),
      cell: (k) => (
        <pre className={changed(k) ? `${s.value} ${s.strong}` : s.value}>
          {after ? formatValue(t, k, after[k], locale) : ""}
        </pre>
      ),
    },
  ];
  return (
    <div className={s.diff}>
      <DataTable
        columns={columns}
        rows={keys}
        rowKey={(k) => k}
        rowProps={(k) => (changed(k) ? { "data-changed": "true", className: s.changed } : {})}
        label={t("admin.audit.changes")}
        testId="audit-diff"
        hover={false}
        sticky={false}
        className={s.diffTable}
      />
    </div>
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
  const columns = auditColumns({ t, locale, regionNames, compact, onOpen: setOpen });
  return (
    <>
      <DataTable
        label={t("admin.audit.title")}
        testId="audit-table"
        rows={rows}
        rowKey={(r) => r.id}
        rowProps={(r) => ({ "data-testid": "audit-row", "data-action": r.action })}
        columns={columns}
        empty={emptyText}
      />
      {open && <AuditDetail row={open} regionNames={regionNames} onClose={() => setOpen(null)} />}
    </>
  );
}

/** The list's columns; `compact` leaves out entity and region. */
function auditColumns({
  t,
  locale,
  regionNames,
  compact,
  onOpen,
}: {
  t: Translate;
  locale: Locale;
  regionNames: Record<string, string>;
  compact: boolean;
  onOpen: (row: AuditRow) => void;
}): Column<AuditRow>[] {
  return [
    { key: "at", header: t("admin.audit.time"), width: 170, nowrap: true, numeric: true, cell: (r) => r.at },
    {
      key: "actor",
      header: t("admin.audit.actor"),
      nowrap: true,
      cell: (r) => (r.actorName === "system" ? t("admin.audit.system") : r.actorName),
    },
    {
      key: "action",
      header: t("admin.audit.action"),
      cell: (r) => (
        <Tag label={actionLabel(t, r.action)} color={ACTION_COLOR[r.action] ?? "default"} variant="outlined" />
      ),
    },
    ...(compact
      ? []
      : [
          {
            key: "entity",
            header: t("admin.audit.entity"),
            nowrap: true,
            cell: (r: AuditRow) => <EntityCell t={t} row={r} />,
          },
          {
            key: "region",
            header: t("admin.audit.region"),
            nowrap: true,
            cell: (r: AuditRow) => (r.entityRegion ? (regionNames[r.entityRegion] ?? r.entityRegion) : "—"),
          },
        ]),
    {
      key: "changes",
      header: t("admin.audit.changes"),
      cell: (r) => {
        const text = changeSummary(t, locale, r);
        return (
          <p className={`yb-body2 ${s.noWrap} ${s.changes}`} title={text}>
            {text || "—"}
          </p>
        );
      },
    },
    { key: "ip", header: t("admin.audit.ip"), cell: (r) => <span className={s.ip}>{r.ip ?? "—"}</span> },
    {
      key: "open",
      header: t("common.actions"),
      align: "right",
      cell: (r) => (
        <Button size="small" onClick={() => onOpen(r)} data-testid="audit-detail-open">
          {t("admin.audit.detail")}
        </Button>
      ),
    },
  ];
}

/** The entity's type, then its name: a link to its page where it has one (the id on hover). */
function EntityCell({ t, row }: { t: Translate; row: AuditRow }) {
  return (
    <>
      <span className={`yb-body2 ${s.entityType}`}>{entityTypeLabel(t, row.entityType)}</span>
      {row.entityHref ? (
        <Link href={row.entityHref} prefetch={false} className={s.entityLink} title={row.entityId}>
          {row.entityLabel ?? row.entityId}
        </Link>
      ) : (
        <span className={`yb-body2 ${s.entityLabel}`} title={row.entityId}>
          {row.entityLabel ?? row.entityId}
        </span>
      )}
    </>
  );
}
