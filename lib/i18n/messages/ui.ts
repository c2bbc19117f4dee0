// The UI kit's own words (components/ui): tables, filters, forms, printing.
import { defineMessages } from "./define";

export const ui = defineMessages(
  {
    table: { columns: "显示列", loading: "正在加载…" },
    print: { action: "打印", printedBy: "{bureau} · {user}" },
    chart: { viewTable: "查看表格", viewChart: "收起表格", empty: "暂无数据", png: "导出 PNG" },
    scope: { label: "范围", own: "本辖区：{region}", national: "全国", chosen: "已选地区：{region}" },
    institution: { placeholder: "输入机构名称、简称或编码", hint: "输入名称或编码搜索名录", none: "名录中没有匹配的机构", loading: "正在搜索…" },
  },
  {
    table: { columns: "Columns", loading: "Loading…" },
    print: { action: "Print", printedBy: "{bureau} · {user}" },
    chart: { viewTable: "View as table", viewChart: "Hide table", empty: "No data", png: "Export PNG" },
    scope: { label: "Scope", own: "My area: {region}", national: "Nationwide", chosen: "Chosen region: {region}" },
    institution: { placeholder: "Name, short name or code", hint: "Type a name or code to search the roster", none: "No institution in the roster matches", loading: "Searching…" },
  },
);
