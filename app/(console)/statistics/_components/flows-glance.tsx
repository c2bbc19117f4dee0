// Flows at a glance (issue 17): the province tile grid beside the Sankey of the largest flows,
// both with a table view and a PNG export (components/ui/chart-frame.tsx, png-button.tsx).
import { FlowSankey } from "./flow-sankey";
import { FlowTileMap } from "./flow-tile-map";
import type { Glance, SankeyLevel } from "./glance-data";
import css from "./dashboard.module.css";

export function FlowsGlance({ glance, levelHrefs }: { glance: Glance; levelHrefs: Record<SankeyLevel, string> }) {
  return (
    <>
      <div className={css.half} data-testid="panel-tiles">
        <FlowTileMap tiles={glance.tiles} />
      </div>
      <div className={css.half} data-testid="panel-sankey">
        <FlowSankey data={glance.sankey} level={glance.level} levelHrefs={levelHrefs} />
      </div>
    </>
  );
}
