// The import report as the API and the UI show it: each row error's catalogue key translated in
// the caller's locale, the key kept beside it for programs.
import type { Translate } from "../i18n";
import type { ImportReport } from "./import";

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
