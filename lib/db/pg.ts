// A plain `pg` pool beside the Prisma client, for what Prisma cannot do well: COPY, server-side
// cursors and set-based bulk writes (roster imports and exports). Only lib/<domain> code uses it.
import pg from "pg";
import { databaseUrl } from "../env";
import { logger } from "../logger";

const globalForPg = globalThis as unknown as { __pgPool?: pg.Pool };

export function pgPool(): pg.Pool {
  if (!globalForPg.__pgPool) {
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: 4, idleTimeoutMillis: 10_000 });
    // An idle connection dropped by the server (restart, failover) must not crash the process: the
    // pool discards it and opens a new one on the next query.
    pool.on("error", (e) => logger.warn("idle database connection lost", { error: e.message }));
    globalForPg.__pgPool = pool;
  }
  return globalForPg.__pgPool;
}

/** Runs `fn` on one pooled connection inside BEGIN … COMMIT (ROLLBACK on any error). */
export async function withPgTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    await client.query("begin");
    const result = await fn(client);
    await client.query("commit");
    return result;
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Runs `fn` on one pooled connection (no transaction of its own). */
export async function withPgClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

/** Closes the pool (scripts and benchmarks, before exiting). */
export async function closePgPool(): Promise<void> {
  const pool = globalForPg.__pgPool;
  globalForPg.__pgPool = undefined;
  await pool?.end();
}
