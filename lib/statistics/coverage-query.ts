// The coverage map (decision 015): months with settlement data by province, read from the
// province level of the scope cube — every record is there under its visit province and, when
// different, its home province, so "province P has data in month M" is "a row (2, P, M, …)
// exists". At most provinces × months × 28 rows (service × filing type), whatever the number of
// records; read once per process and kept until an import commits (topic "statistics").
import type pg from "pg";
import { SharedCache } from "../cache/shared";
import { readQuery } from "../db/replicas";
import type { Actor } from "../auth/actor";
import { coverageMapOf, type CoverageMap } from "./coverage";

const maps = new SharedCache<CoverageMap>({ topics: ["statistics"], ttlMs: 600_000, max: 4, keysOf: () => "all" });

export function getCoverageMap(actor: Pick<Actor, "recentWrite">): Promise<CoverageMap> {
  return maps.get(actor.recentWrite ? "primary" : "any", () => loadCoverageMap(actor));
}

/** The map read afresh (the benchmark times this; pages use getCoverageMap). */
export async function loadCoverageMap(actor: Pick<Actor, "recentWrite">): Promise<CoverageMap> {
  const rows = await readQuery<{ key: string; month: string } & pg.QueryResultRow>(
    { recentWrite: actor.recentWrite, topics: ["statistics"] },
    `select scope_key as key, to_char(month, 'YYYY-MM') as month from stats.agg_scope_month where lvl = 2 group by 1, 2`,
    [],
  );
  return coverageMapOf(rows);
}
