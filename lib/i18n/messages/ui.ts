// The UI kit's own words (components/ui): tables, filters, forms, printing.
import { defineMessages } from "./define";

export const ui = defineMessages(
  {
    table: { columns: "显示列", loading: "正在加载…" },
    print: { action: "打印", printedBy: "{bureau} · {user}" },
    chart: { showTable: "以表格查看", showChart: "以图表查看", png: "导出 PNG" },
  },
  {
    table: { columns: "Columns", loading: "Loading…" },
    print: { action: "Print", printedBy: "{bureau} · {user}" },
    chart: { showTable: "View as table", showChart: "View as chart", png: "Export PNG" },
  },
);
