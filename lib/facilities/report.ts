// The import report as the API and the UI show it: each row error's catalogue key translated in
// the caller's locale, the key kept beside it for programs.
import type { Translate } from "../i18n";
import type { ImportReport } from "./import";
import { ValidationError } from "../errors";

/**
 * A file that cannot be read at all (empty, too large, undecodable, not XLSX) is `400 VALIDATION`
 * on `file` — the answer the settlement import gives; problems of rows stay in the report.
 */
export function refuseUnreadableFile(report: ImportReport): ImportReport {
  const whole = report.errors.filter((e) => e.row === 0 && e.field === "file");
  if (whole.length) throw new ValidationError({ file: whole.map((e) => e.message) });
  return report;
}

export function translateImportReport(report: ImportReport, t: Translate) {
  return {
    ...report,
    errors: report.errors.map((e) => ({
      row: e.row,
      code: e.code,
      field: e.field,
      message: t(e.message.key, e.message.params),
      messageKey: e.message,
    })),
  };
}
