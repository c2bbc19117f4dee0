// Failed settlements by region pair for the complaints' daily report: the one read of the raw
// settlement records (stats.settlement, written by lib/settlements) outside the cubes, so other
// domains ask here instead of writing SQL on another domain's table. It filters on settled_day,
// the partition key, so only the partitions of the period are scanned.
import { prisma } from "../db/client";
import { regionPrefix } from "../auth/roles";
import { beijingDay } from "../time/beijing";

/** Failed settlements in [from, to) by region pair, within the scope of `scopeRegion`; null when the read fails. */
export async function settlementFailuresByPair(
  scopeRegion: string,
  from: Date,
  to: Date,
): Promise<{ homeRegion: string; visitRegion: string; failures: number }[] | null> {
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
