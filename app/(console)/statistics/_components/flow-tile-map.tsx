"use client";
// The province tile grid (components/statistics/province-tiles.ts) shaded by outflow, inflow or
// net inflow; each tile links to the dashboard drilled into its province. One SVG, so the PNG
// export draws exactly what is on screen.
import { useRef, useState } from "react";
import Button from "@mui/material/Button";
import { useT } from "@/components/i18n/i18n-provider";
import { ChartFrame } from "@/components/ui/chart-frame";
import { PngButton } from "@/components/ui/png-button";
import { PROVINCE_TILES } from "@/components/statistics/province-tiles";
import type { TileDatum } from "./glance-data";
import css from "./dashboard.module.css";

const MEASURES = ["outflow", "inflow", "net"] as const;
type Measure = (typeof MEASURES)[number];
const SIZE = 60;
const GAP = 4;
const COLS = 9;
const ROWS = 8;
// Theme primary (#1a4f8b) and secondary (#b8860b) mixed with white by intensity.
const PRIMARY = [26, 79, 139];
const SECONDARY = [184, 134, 11];
const mix = (rgb: number[], r: number) =>
  `rgb(${rgb.map((c) => Math.round(255 + (c - 255) * (0.12 + 0.88 * r))).join(",")})`;

const AT = new Map(PROVINCE_TILES.map((p) => [p.code, p]));
const valueOf = (d: TileDatum, measure: Measure) => (measure === "net" ? d.inflow - d.outflow : d[measure]);

export function FlowTileMap({ tiles }: { tiles: TileDatum[] }) {
  const t = useT();
  const [measure, setMeasure] = useState<Measure>("outflow");
  const body = useRef<HTMLDivElement>(null);
  const max = Math.max(1, ...tiles.map((d) => Math.abs(valueOf(d, measure))));
  const table = {
    columns: [
      { key: "region", label: t("regionGroups.flows.region") },
      ...MEASURES.map((m) => ({ key: m, label: t(`regionGroups.flows.${m}`), align: "right" as const })),
    ],
    rows: tiles
      .filter((d) => d.hasData)
      .map((d) => ({ region: d.name, outflow: d.texts.outflow, inflow: d.texts.inflow, net: d.texts.net })),
  };
  return (
    <ChartFrame
      title={t("regionGroups.flows.tileTitle")}
      subtitle={t("regionGroups.flows.tileSubtitle")}
      table={table}
      actions={
        <>
          <MeasureToggles measure={measure} onChange={setMeasure} />
          <PngButton target={body} fileName={`flows-tiles-${measure}.png`} testId="tile-png" />
        </>
      }
    >
      <div ref={body}>
        <p className="yb-body2">{t(`regionGroups.flows.${measure}`)}</p>
        <svg
          data-png
          viewBox={`0 0 ${COLS * (SIZE + GAP)} ${ROWS * (SIZE + GAP)}`}
          width="100%"
          style={{ maxWidth: COLS * (SIZE + GAP), display: "block" }}
          role="group"
          aria-label={t("regionGroups.flows.tileTitle")}
          data-testid="tile-map"
        >
          {tiles.map((d) => (
            <Tile key={d.code} d={d} measure={measure} max={max} />
          ))}
        </svg>
      </div>
    </ChartFrame>
  );
}

/** Outflow / inflow / net: which measure shades the tiles. */
function MeasureToggles({ measure, onChange }: { measure: Measure; onChange: (m: Measure) => void }) {
  const t = useT();
  return (
    <div className={css.toggles} role="group" aria-label={t("regionGroups.flows.measure")}>
      {MEASURES.map((m) => (
        <Button
          key={m}
          size="small"
          variant={measure === m ? "contained" : "text"}
          aria-pressed={measure === m}
          onClick={() => onChange(m)}
          data-testid={`tile-measure-${m}`}
        >
          {t(`regionGroups.flows.short.${m}`)}
        </Button>
      ))}
    </div>
  );
}

/** One province: a square shaded by its share of the largest value, a link to drill in when it has data. */
function Tile({ d, measure, max }: { d: TileDatum; measure: Measure; max: number }) {
  const t = useT();
  const label = d.hasData
    ? t("regionGroups.flows.tileLabel", { name: d.name, value: d.texts[measure] })
    : `${d.name}：${t("regionGroups.flows.noData")}`;
  const p = AT.get(d.code)!;
  const v = valueOf(d, measure);
  const r = Math.abs(v) / max;
  const fill = d.hasData ? mix(v < 0 ? SECONDARY : PRIMARY, r) : "#eeeeee";
  const x = p.col * (SIZE + GAP);
  const y = p.row * (SIZE + GAP);
  const text = d.hasData && r > 0.55 ? "#ffffff" : "#1f2937";
  const square = (
    <>
      <title>{label}</title>
      <rect
        x={x}
        y={y}
        width={SIZE}
        height={SIZE}
        rx={4}
        fill={fill}
        stroke={d.selected ? "#c62828" : "#ffffff"}
        strokeWidth={d.selected ? 3 : 1}
      />
      <text
        x={x + SIZE / 2}
        y={y + 24}
        textAnchor="middle"
        fontSize={d.name.length > 12 ? 8 : d.name.length > 4 ? 9 : 13}
        fontWeight={600}
        fill={text}
      >
        {d.name}
      </text>
      <text x={x + SIZE / 2} y={y + 44} textAnchor="middle" fontSize={10} fill={text}>
        {d.hasData ? d.texts[measure] : "—"}
      </text>
    </>
  );
  return d.hasData ? (
    <a
      href={d.href[measure]}
      aria-label={`${label} · ${t("regionGroups.flows.drill", { name: d.name })}`}
      data-testid={`tile-${d.code}`}
      data-selected={d.selected}
      data-value={v}
    >
      {square}
    </a>
  ) : (
    <g data-testid={`tile-${d.code}`} data-selected={d.selected} data-nodata="true">
      {square}
    </g>
  );
}
