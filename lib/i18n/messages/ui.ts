// The UI kit's own words (components/ui): tables, filters, forms, printing.
import { defineMessages } from "./define";

export const ui = defineMessages(
  {
    table: { columns: "显示列", loading: "正在加载…" },
    print: { action: "打印", printedBy: "{bureau} · {user}" },
    scope: { label: "范围", own: "本辖区：{region}", national: "全国", chosen: "已选地区：{region}" },
  },
  {
    table: { columns: "Columns", loading: "Loading…" },
    print: { action: "Print", printedBy: "{bureau} · {user}" },
    scope: { label: "Scope", own: "My area: {region}", national: "Nationwide", chosen: "Chosen region: {region}" },
  },
);
