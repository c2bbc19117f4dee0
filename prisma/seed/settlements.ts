// Demo settlements: the 24 complete months before the seeding day (demo-calendar.ts, decision
// 029) for the demo regions, so every dashboard has YoY. Loaded once (when no settlement was ever
// imported) through the real import pipeline (records COPYed into their partitions, cubes
// upserted): ~100,000 rows, a few seconds.
import { Readable } from "node:stream";
import pg from "pg";
import { importSettlementCsv } from "../../lib/settlements/service";
import { generateSettlementCsv } from "./settlement-generator";
import { demoSettlementPeriod } from "./demo-calendar";

export const DEMO_SETTLEMENT_ROWS = 100_000;

export async function seedDemoSettlements(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const any = await client.query("select 1 from settlement_import where state = 'DONE' and accepted > 0 limit 1");
    if (any.rowCount) return null;
    // Institutions from the roster demo data when present (by their county), else synthetic codes.
    const roster = await client
      .query<{ code: string; region_code: string }>(
        "select code, region_code from institution where code like 'H%' order by code",
      )
      .catch(() => ({ rows: [] as { code: string; region_code: string }[] }));
    const institutions = new Map<string, string[]>();
    for (const r of roster.rows) institutions.set(r.region_code, [...(institutions.get(r.region_code) ?? []), r.code]);
    const demo = demoSettlementPeriod();
    const chunks = generateSettlementCsv({
      rows: DEMO_SETTLEMENT_ROWS,
      from: demo.from,
      to: demo.to,
      seed: 2026,
      institutions,
    });
    const bytes = Readable.from(
      (function* () {
        for (const c of chunks) yield Buffer.from(c, "utf8");
      })(),
    );
    const outcome = await importSettlementCsv(client, bytes, {
      source: "seed",
      fileName: "demo-settlements.csv",
      scopePrefix: "",
    });
    return outcome.accepted;
  } finally {
    await client.end();
  }
}
