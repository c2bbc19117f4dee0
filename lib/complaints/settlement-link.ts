// Optional link to the statistics domain's settlement records (stats.settlement, owned by
// lib/settlements). Read-only and defensive: when the table or one of the columns used here is
// absent (not migrated yet, or shaped differently), every function answers "not available"
// instead of failing the complaint feature.
import { prisma } from "../db/client";
import { regionPrefix } from "../auth/roles";
import { beijingDay } from "../time/beijing";

const NEEDED = ["settlement_id", "status", "settled_at", "visit_region", "home_region"];
let known: { at: number; ok: boolean } | undefined;

export async function settlementRecordsAvailable(): Promise<boolean> {
  if (known && Date.now() - known.at < 60_000) return known.ok;
  let ok = false;
  try {
    const rows = await prisma.$queryRaw<{ column_name: string }[]>`
      SELECT column_name::text AS column_name FROM information_schema.columns
       WHERE table_schema = 'stats' AND table_name = 'settlement'`;
    const cols = new Set(rows.map((r) => r.column_name));
    ok = NEEDED.every((c) => cols.has(c));
  } catch {
    ok = false;
  }
  known = { at: Date.now(), ok };
  return ok;
}

/** The settlement time and institution of a settlement id, when the records are there. */
export async function findSettlement(settlementId: string): Promise<{ settledAt: Date; institutionCode: string | null } | null> {
  if (!(await settlementRecordsAvailable())) return null;
  try {
    const rows = await prisma.$queryRawUnsafe<{ settled_at: Date; institution_code: string | null }[]>(
      `SELECT settled_at, institution_code::text AS institution_code FROM stats.settlement WHERE settlement_id = $1 ORDER BY settled_at LIMIT 1`,
      settlementId,
    );
    return rows[0] ? { settledAt: rows[0].settled_at, institutionCode: rows[0].institution_code } : null;
  } catch {
    return null;
  }
}

/** Failed settlements in [from, to) by region pair, within the scope of `scopeRegion`; null when unavailable. */
export async function settlementFailuresByPair(
  scopeRegion: string,
  from: Date,
  to: Date,
): Promise<{ homeRegion: string; visitRegion: string; failures: number }[] | null> {
  if (!(await settlementRecordsAvailable())) return null;
  const p = `${regionPrefix(scopeRegion)}%`;
  try {
    // settled_day (the Beijing day, the partition key) bounds the scan to the partitions of the
    // period; settled_at keeps the exact instants.
    return await prisma.$queryRawUnsafe<{ homeRegion: string; visitRegion: string; failures: number }[]>(
      `SELECT home_region::text AS "homeRegion", visit_region::text AS "visitRegion", count(*)::int AS failures
         FROM stats.settlement
        WHERE status = 'F' AND settled_at >= $1 AND settled_at < $2
          AND settled_day >= $4::date AND settled_day <= $5::date
          AND (home_region::text LIKE $3 OR visit_region::text LIKE $3)
        GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 50`,
      from,
      to,
      p,
      beijingDay(from),
      beijingDay(new Date(to.getTime() - 1)),
    );
  } catch {
    return null;
  }
}
