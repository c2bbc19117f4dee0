"use client";
// "Export PNG" for a chart drawn as SVG: the first svg[data-png] (or recharts surface) inside
// `target`, rasterised in the browser (svg-png.ts).
import type { RefObject } from "react";
import Button from "@mui/material/Button";
import { useT } from "@/components/i18n/i18n-provider";
import { downloadSvgAsPng } from "./svg-png";

export function PngButton({
  target,
  fileName,
  testId,
}: {
  target: RefObject<HTMLElement | null>;
  fileName: string;
  testId?: string;
}) {
  const t = useT();
  return (
    <Button
      size="small"
      data-testid={testId}
      onClick={() => {
        const svg = target.current?.querySelector<SVGSVGElement>(
          "svg[data-png], .recharts-wrapper > svg.recharts-surface",
        );
        if (svg) void downloadSvgAsPng(svg, fileName);
      }}
    >
      {t("ui.chart.png")}
    </Button>
  );
}
