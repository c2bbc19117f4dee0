// Flows at a glance (issue 17): the province tile grid beside the Sankey of the largest flows,
// both with a table view and a PNG export (components/ui/chart-frame.tsx, png-button.tsx).
import { FlowSankey } from "./flow-sankey";
import { FlowTileMap } from "./flow-tile-map";
import { GridCell } from "@/components/ui/card-grid";
import type { Glance, SankeyLevel } from "./glance-data";

export function FlowsGlance({ glance, levelHrefs }: { glance: Glance; levelHrefs: Record<SankeyLevel, string> }) {
  return (
    <>
      <GridCell span="half" testId="panel-tiles">
        <FlowTileMap tiles={glance.tiles} />
      </GridCell>
      <GridCell span="half" testId="panel-sankey">
        <FlowSankey data={glance.sankey} level={glance.level} levelHrefs={levelHrefs} />
      </GridCell>
    </>
  );
}
