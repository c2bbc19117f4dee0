// Formatting helpers shared by the complaint pages (pure).
import type { Translate } from "@/lib/i18n";

/** Business minutes as "2 h 15 min", or "3 working days 2 h" beyond a day (450 min). */
export function formatBusinessMinutes(minutes: number, t: Translate): string {
  const m = Math.abs(Math.round(minutes));
  if (m < 60) return t("complaints.sla.minutes", { m });
  if (m < 450) return t("complaints.sla.hours", { h: Math.floor(m / 60), m: m % 60 });
  return t("complaints.sla.days", { d: Math.floor(m / 450), h: Math.floor((m % 450) / 60) });
}

export function hoursOf(minutes: number | null): string {
  return minutes === null ? "—" : (minutes / 60).toFixed(1);
}
