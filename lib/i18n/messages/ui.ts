// The UI kit's own words (components/ui): tables, filters, forms.
import { defineMessages } from "./define";

export const ui = defineMessages(
  {
    table: { columns: "显示列", loading: "正在加载…" },
  },
  {
    table: { columns: "Columns", loading: "Loading…" },
  },
);
