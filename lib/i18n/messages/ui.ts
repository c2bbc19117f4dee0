// The UI kit's own words (components/ui): tables, filters, forms, printing.
import { defineEntries } from "./define";

export const ui = defineEntries({
  table: {
    columns: { zh: "显示列", en: "Columns" },
  },
  print: {
    action: { zh: "打印", en: "Print" },
    printedBy: { zh: "{bureau} · {user}", en: "{bureau} · {user}" },
  },
  chart: {
    viewTable: { zh: "查看表格", en: "View as table" },
    viewChart: { zh: "收起表格", en: "Hide table" },
    empty: { zh: "暂无数据", en: "No data" },
    png: { zh: "导出 PNG", en: "Export PNG" },
  },
  scope: {
    label: { zh: "范围", en: "Scope" },
    own: { zh: "本辖区：{region}", en: "My area: {region}" },
    national: { zh: "全国", en: "Nationwide" },
    chosen: { zh: "已选地区：{region}", en: "Chosen region: {region}" },
  },
  institution: {
    placeholder: { zh: "输入机构名称、简称或编码", en: "Name, short name or code" },
    hint: { zh: "输入名称或编码搜索名录", en: "Type a name or code to search the roster" },
    none: { zh: "名录中没有匹配的机构", en: "No institution in the roster matches" },
    loading: { zh: "正在搜索…", en: "Searching…" },
  },
});
