// CSV / XLSX export of one dashboard panel, with the same URL filters and the same region scope
// as the page (session cookie). PNG is drawn in the browser.
import ExcelJS from "exceljs";
import { authenticateRequest } from "@/lib/auth/session";
import { canReadStatistics } from "@/lib/auth/policy";
import { createTranslator, isLocale, DEFAULT_LOCALE, LOCALE_COOKIE } from "@/lib/i18n";
import { loadDashboard } from "../_components/dashboard-data";
import type { PanelId } from "../_components/dashboard-tables";
import { stateOf } from "../_components/params";

const PANELS: PanelId[] = ["series", "service", "filing", "outflow", "inflow", "flows", "institutions"];

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function GET(req: Request): Promise<Response> {
  const actor = await authenticateRequest(req);
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!canReadStatistics(actor)) return new Response("Not found", { status: 404 });
  const url = new URL(req.url);
  const cookie = req.headers.get("cookie")?.match(new RegExp(`${LOCALE_COOKIE}=([^;]+)`))?.[1];
  const locale = isLocale(cookie) ? cookie : DEFAULT_LOCALE;
  const t = createTranslator(locale);
  const panel = url.searchParams.get("panel") as PanelId;
  if (!PANELS.includes(panel)) return new Response("Unknown panel", { status: 400 });
  const d = await loadDashboard(actor, stateOf(Object.fromEntries(url.searchParams.entries())), t, locale);
  // Filters that fail validation export nothing (the page shows their errors and no figures).
  if (d.invalid) return new Response("Invalid filters", { status: 400 });
  const table = d.tables[panel];
  const name = `statistics-${panel}-${d.filters.from}_${d.filters.to}`;
  if (url.searchParams.get("format") === "xlsx") {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(panel);
    ws.addRow(table.columns).font = { bold: true };
    for (const r of table.rows)
      ws.addRow(r.map((c) => (typeof c === "string" && /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
    ws.columns.forEach((c) => (c.width = 18));
    const buf = await wb.xlsx.writeBuffer();
    return new Response(buf as ArrayBuffer, {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="${name}.xlsx"`,
      },
    });
  }
  const text = "\ufeff" + [table.columns, ...table.rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
  return new Response(text, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` },
  });
}
