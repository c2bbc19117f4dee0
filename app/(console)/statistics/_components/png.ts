"use client";
// PNG export: the chart's own SVG when the panel has one, else a plain SVG table drawn from the
// panel's rows; rasterised on a canvas at 2× for print.
export interface PanelTable {
  columns: string[];
  rows: (string | number)[][];
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function tableSvg(title: string, table: PanelTable): { svg: string; width: number; height: number } {
  const colW = 150;
  const rowH = 24;
  const width = Math.max(400, table.columns.length * colW + 20);
  const rows = table.rows.slice(0, 40);
  const height = 50 + (rows.length + 1) * rowH;
  // One font-size per element: a repeated attribute makes the SVG invalid and the image fails to load.
  const family = `font-family="Noto Sans CJK SC, sans-serif"`;
  const font = `${family} font-size="13"`;
  let body = `<text x="10" y="24" ${family} font-size="15" font-weight="600">${esc(title)}</text>`;
  const line = (cells: (string | number)[], y: number, bold: boolean) =>
    cells
      .map(
        (c, i) =>
          `<text x="${10 + i * colW}" y="${y}" ${font}${bold ? ' font-weight="600"' : ""}>${esc(String(c))}</text>`,
      )
      .join("");
  body += line(table.columns, 50, true);
  rows.forEach((r, i) => (body += line(r, 50 + (i + 1) * rowH, false)));
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`,
    width,
    height,
  };
}

export async function downloadPng(
  container: HTMLElement | null,
  title: string,
  table: PanelTable,
  fileName: string,
): Promise<void> {
  // The chart's own surface, not the legend's icons (also svg.recharts-surface, and first in the DOM).
  const chart = container?.querySelector(".recharts-wrapper > svg.recharts-surface") as SVGSVGElement | null;
  let svg: string;
  let width: number;
  let height: number;
  if (chart) {
    const clone = chart.cloneNode(true) as SVGSVGElement;
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    width = chart.clientWidth || Number(chart.getAttribute("width")) || 600;
    height = chart.clientHeight || Number(chart.getAttribute("height")) || 300;
    svg = new XMLSerializer().serializeToString(clone);
  } else {
    ({ svg, width, height } = tableSvg(title, table));
  }
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error("svg"));
    img.src = url;
  });
  const canvas = document.createElement("canvas");
  canvas.width = width * 2;
  canvas.height = height * 2;
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0, width, height);
  URL.revokeObjectURL(url);
  const a = document.createElement("a");
  a.href = canvas.toDataURL("image/png");
  a.download = fileName;
  a.click();
}
