// The roster list's toolbar above the grid: the total, the export hint and one export link per
// format for the current filter. Its texts are kit text classes (roster.module.css);
// Typography's color="text.secondary" had no effect in MUI 9, so they keep the inherited colour
// they rendered with.
import Button from "@mui/material/Button";
import FileDownloadOutlined from "@mui/icons-material/FileDownloadOutlined";
import type { Translate } from "@/lib/i18n";
import { exportHref } from "./params";
import s from "../roster.module.css";

// The default locale, as the toLocaleString() it replaces; one formatter for the process.
const NUMBER = new Intl.NumberFormat();

const EXPORT_LABEL = { csv: "rosterUi.exportCsv", xlsx: "rosterUi.exportXlsx" } as const;

export function RosterToolbar({ t, total, query }: { t: Translate; total: number; query: Record<string, string> }) {
  return (
    <div className={s.toolbar}>
      <p className={`yb-body2 ${s.total}`} data-testid="roster-total">
        {t("rosterUi.grid.total", { count: NUMBER.format(total) })}
      </p>
      <span className="yb-caption">{t("rosterUi.exportHint")}</span>
      {(["csv", "xlsx"] as const).map((format) => (
        <Button
          key={format}
          size="small"
          variant="outlined"
          startIcon={<FileDownloadOutlined />}
          href={exportHref(query, format)}
          download
          data-testid={`export-${format}`}
        >
          {t(EXPORT_LABEL[format])}
        </Button>
      ))}
    </div>
  );
}
