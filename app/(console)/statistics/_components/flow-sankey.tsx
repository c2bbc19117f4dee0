"use client";
// The largest home → visit flows as a recharts Sankey: home regions on the left, visit regions on
// the right (a region on both sides is two nodes), link width by settled visits.
import { useRef } from "react";
import { ResponsiveContainer, Sankey, Tooltip } from "recharts";
import { useT } from "@/components/i18n/i18n-provider";
import { ButtonLink } from "@/components/ui/links";
import { ChartFrame } from "@/components/ui/chart-frame";
import { PngButton } from "@/components/ui/png-button";
import type { SankeyDatum, SankeyLevel } from "./glance-data";
import css from "./dashboard.module.css";

interface NodeShape {
  x: number;
  y: number;
  width: number;
  height: number;
  payload: { name: string; side: "home" | "visit" };
}

function SankeyNode({ x, y, width, height, payload }: NodeShape) {
  const left = payload.side === "home";
  return (
    <g>
      <rect x={x} y={y} width={width} height={height} fill={left ? "#1a4f8b" : "#b8860b"} />
      {/* Labels inside the chart (home right of its node, visit left of its own): long names never clip at the edges. */}
      <text
        x={left ? x + width + 6 : x - 6}
        y={y + height / 2}
        textAnchor={left ? "start" : "end"}
        dominantBaseline="middle"
        fontSize={12}
        fontWeight={600}
        fill="#1f2937"
      >
        {payload.name}
      </text>
    </g>
  );
}

export function FlowSankey({
  data,
  level,
  levelHrefs,
}: {
  data: SankeyDatum;
  level: SankeyLevel;
  levelHrefs: Record<SankeyLevel, string>;
}) {
  const t = useT();
  const body = useRef<HTMLDivElement>(null);
  const table = {
    columns: [
      { key: "home", label: t("regionGroups.flows.home") },
      { key: "visit", label: t("regionGroups.flows.visit") },
      { key: "visits", label: t("regionGroups.flows.visits"), align: "right" as const },
    ],
    rows: data.links.map((l) => ({
      home: data.nodes[l.source]!.name,
      visit: data.nodes[l.target]!.name,
      visits: l.text,
    })),
  };
  const levels = { PROVINCE: "levelProvince", CITY: "levelCity", GROUP: "levelGroup" } as const;
  return (
    <ChartFrame
      title={t("regionGroups.flows.sankeyTitle")}
      subtitle={t("regionGroups.flows.sankeySubtitle", { count: data.links.length })}
      table={table}
      actions={
        <>
          <div className={css.toggles} role="group" aria-label={t("regionGroups.flows.sankeyLevel")}>
            {(Object.keys(levels) as SankeyLevel[]).map((l) => (
              <ButtonLink
                key={l}
                href={levelHrefs[l]}
                size="small"
                variant={level === l ? "contained" : "text"}
                data-testid={`sankey-level-${l.toLowerCase()}`}
              >
                {t(`regionGroups.flows.${levels[l]}`)}
              </ButtonLink>
            ))}
          </div>
          <PngButton target={body} fileName={`flows-sankey-${level}.png`} testId="sankey-png" />
        </>
      }
    >
      <div ref={body} data-testid="sankey" data-links={data.links.length}>
        {data.links.length ? (
          <ResponsiveContainer width="100%" height={Math.max(240, data.nodes.length * 22)}>
            <Sankey
              data={data}
              nodePadding={14}
              nodeWidth={10}
              margin={{ left: 8, right: 8, top: 8, bottom: 8 }}
              node={(p: unknown) => <SankeyNode {...(p as NodeShape)} />}
              link={{ stroke: "#1a4f8b", strokeOpacity: 0.25 }}
            >
              <Tooltip
                formatter={(v) => [
                  typeof v === "number" ? v.toLocaleString() : String(v),
                  t("regionGroups.flows.visits"),
                ]}
              />
            </Sankey>
          </ResponsiveContainer>
        ) : (
          <p className="yb-body1">{t("regionGroups.flows.sankeyEmpty")}</p>
        )}
      </div>
    </ChartFrame>
  );
}
