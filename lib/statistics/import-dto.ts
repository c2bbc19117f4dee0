// The API view of an import outcome (importResultSchema), with rejection messages translated.
import type { Translate } from "../i18n";
import type { ImportOutcome } from "../settlements/service";

export function importResultDto(o: ImportOutcome, t: Translate) {
  return {
    importId: String(o.importId),
    encoding: o.encoding,
    rowsRead: o.rowsRead,
    accepted: o.accepted,
    duplicates: o.duplicates,
    reversals: o.reversals,
    rejected: o.rejected.map((r) => ({ row: r.row, field: r.field, message: t(r.error.key, r.error.params) })),
    rejectedTotal: o.rejectedTotal,
  };
}
