// Times are shown in Beijing time (Asia/Shanghai) whatever the browser's zone, as
// "2026-11-25 14:03:22": the form bureaus use in documents, the same in zh-CN and en.
const formatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export function formatDateTime(value: Date | string | null | undefined, { seconds = true } = {}): string {
  if (value === null || value === undefined) return "";
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  const p = Object.fromEntries(formatter.formatToParts(d).map((x) => [x.type, x.value]));
  const time = seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/** True for ISO-8601 timestamps as JSON carries them (audit before/after values). */
export function isIsoTimestamp(v: unknown): v is string {
  return typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v);
}
