// The UI kit's own words (components/ui): tables, filters, forms, printing.
import { defineMessages } from "./define";

export const ui = defineMessages(
  {
    table: { columns: "显示列", loading: "正在加载…" },
    print: { action: "打印", printedBy: "{bureau} · {user}" },
    chart: { viewTable: "查看表格", viewChart: "收起表格", empty: "暂无数据" },
  },
  {
    table: { columns: "Columns", loading: "Loading…" },
    print: { action: "Print", printedBy: "{bureau} · {user}" },
    chart: { viewTable: "View as table", viewChart: "Hide table", empty: "No data" },
  },
);
