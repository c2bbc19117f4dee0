// Text of the roster's field-level history values and change-request summaries (pure).
import type { Translate } from "@/lib/i18n";
import { diseaseList, levelLabel } from "./labels";

const ENUM_PREFIX: Record<string, string> = {
  type: "facilities.types",
  level: "facilities.levels",
  grade: "facilities.grades",
  ownership: "facilities.ownership",
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A catalogue label, or the raw value when the catalogue has none. */
export function labelOr(t: Translate, key: string, raw: string): string {
  const s = t(key);
  return s === key ? raw : s;
}

/** A stored reason: the system's are catalogue keys (facilities.reasons.*), people's own are shown as typed. */
export function reasonText(t: Translate, reason: string): string {
  return reason.startsWith("facilities.reasons.") ? labelOr(t, reason, reason) : reason;
}

export function fieldLabel(t: Translate, field: string, locale: string): string {
  if (field.startsWith("services.")) {
    const s = field.slice("services.".length);
    return `${t("rosterUi.fields.services")}${locale === "en" ? ": " : "·"}${labelOr(t, `facilities.services.${s}`, s)}`;
  }
  return labelOr(t, `rosterUi.fields.${field}`, field);
}

export function sourceLabel(t: Translate, source: string): string {
  return labelOr(t, `rosterUi.sources.${source}`, source);
}

const sep = (locale: string) => (locale === "en" ? "; " : "；");
const colon = (locale: string) => (locale === "en" ? ": " : "：");

export function formatValue(t: Translate, field: string, v: unknown, locale: string): string {
  if (v === null || v === undefined || v === "") return "—";
  if (field === "status" && isRecord(v)) {
    const parts = [labelOr(t, `facilities.statuses.${String(v.status)}`, String(v.status))];
    if (v.since) parts.push(t("rosterUi.detail.statusSince", { date: String(v.since) }));
    if (v.reason) parts.push(t("rosterUi.detail.statusReason", { reason: reasonText(t, String(v.reason)) }));
    return parts.join(locale === "en" ? ", " : "，");
  }
  if (field.startsWith("services.") && isRecord(v)) {
    const parts: string[] = [];
    if (v.openedOn) parts.push(`${t("rosterUi.detail.openedOn")} ${String(v.openedOn)}`);
    if (Array.isArray(v.diseases) && v.diseases.length) parts.push(diseaseList(t, v.diseases.map(String), locale));
    if (v.closedOn) parts.push(`${t("rosterUi.detail.closedOn")} ${String(v.closedOn)}`);
    if (v.reason) parts.push(t("rosterUi.detail.statusReason", { reason: reasonText(t, String(v.reason)) }));
    return parts.join(locale === "en" ? ", " : "，");
  }
  if (field === "*" && isRecord(v)) {
    const parts = [String(v.name ?? "")];
    if (v.type) parts.push(labelOr(t, `facilities.types.${String(v.type)}`, String(v.type)));
    if (v.level) parts.push(levelLabel(t, String(v.level), v.grade ? String(v.grade) : null, locale));
    // The region is not repeated here as a bare code: the record shows it by name.
    if (v.designatedSince) parts.push(`${t("rosterUi.detail.designatedSince")} ${String(v.designatedSince)}`);
    if (Array.isArray(v.services) && v.services.length) {
      parts.push(
        v.services
          .map((s) => (isRecord(s) ? labelOr(t, `rosterUi.serviceShort.${String(s.service)}`, String(s.service)) : ""))
          .join("、"),
      );
    }
    return parts.filter(Boolean).join(sep(locale));
  }
  if (typeof v === "string" && ENUM_PREFIX[field]) return labelOr(t, `${ENUM_PREFIX[field]}.${v}`, v);
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  if (isRecord(v)) {
    return Object.entries(v)
      .map(([k, x]) => `${k}${colon(locale)}${typeof x === "object" ? JSON.stringify(x) : String(x)}`)
      .join(sep(locale));
  }
  return JSON.stringify(v);
}

/** One line for a change request: what it would change. */
export function changeSummary(t: Translate, kind: string, summary: unknown, payload: unknown, locale: string): string {
  if (kind === "UPDATE" && Array.isArray(summary)) {
    return summary
      .filter(isRecord)
      .map(
        (c) =>
          `${fieldLabel(t, String(c.field), locale)}${colon(locale)}${formatValue(t, String(c.field), c.before, locale)} → ${formatValue(t, String(c.field), c.after, locale)}`,
      )
      .join(sep(locale));
  }
  if (kind === "STATUS" && isRecord(summary) && isRecord(summary.after)) {
    const a = summary.after;
    const b = isRecord(summary.before) ? summary.before : {};
    return `${labelOr(t, `facilities.statuses.${String(b.status)}`, String(b.status))} → ${formatValue(t, "status", { status: a.status, since: a.effectiveOn, reason: a.reason }, locale)}`;
  }
  if ((kind === "OPEN_SERVICE" || kind === "CLOSE_SERVICE") && isRecord(summary)) {
    const s = String(summary.service);
    return `${labelOr(t, `facilities.services.${s}`, s)}${colon(locale)}${formatValue(t, `services.${s}`, { ...summary, service: undefined }, locale)}`;
  }
  if (kind === "CREATE" && isRecord(payload))
    return `${String(payload.code ?? "")} ${formatValue(t, "*", payload, locale)}`;
  if (kind === "IMPORT" && isRecord(summary) && isRecord(summary.counts)) {
    const c = summary.counts;
    return `${t("rosterUi.import.new")} ${String(c.new)}${sep(locale)}${t("rosterUi.import.changed")} ${String(c.changed)}${sep(locale)}${t("rosterUi.import.rejected")} ${String(c.rejected)}`;
  }
  return "";
}
