"use client";
// PNG export of a drawn chart, in the browser: the chart's SVG serialised with its computed
// fill and text colours inlined (CSS classes do not travel into an <img>), rasterised on a canvas at
// 2× and downloaded. No server round trip; the figures are the ones on screen.
const INLINED = [
  "fill",
  "stroke",
  "stroke-width",
  "font-size",
  "font-weight",
  "font-family",
  "opacity",
  "fill-opacity",
] as const;

function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  for (const p of INLINED) {
    const v = style.getPropertyValue(p);
    if (v) (target as SVGElement).style.setProperty(p, v);
  }
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i]!, target.children[i]!);
}

/** Downloads `svg` as `fileName` (a PNG at twice its on-screen size, on white). */
export async function downloadSvgAsPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  const url = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(clone)], { type: "image/svg+xml;charset=utf-8" }),
  );
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("svg"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * 2);
    canvas.height = Math.ceil(height * 2);
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, width, height);
    const a = document.createElement("a");
    a.href = canvas.toDataURL("image/png");
    a.download = fileName;
    a.click();
  } finally {
    URL.revokeObjectURL(url);
  }
}
