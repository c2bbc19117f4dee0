// The UI kit's own words (components/ui): tables, filters, forms, printing.
import { defineMessages } from "./define";

export const ui = defineMessages(
  {
    table: { columns: "显示列", loading: "正在加载…" },
    print: { action: "打印", printedBy: "{bureau} · {user}" },
  },
  {
    table: { columns: "Columns", loading: "Loading…" },
    print: { action: "Print", printedBy: "{bureau} · {user}" },
  },
);
