// Health of this process for load balancers and operators (GET /api/health, no sign-in): the
// primary answers, the cache-invalidation listener is connected, and how each read replica
// fares. No host names, users or data: only states and counts.
import { pgPool } from "../db/pg";
import { cacheListenerStatus } from "../db/events";
import { replicaStatus } from "../db/replicas";
import { env } from "../env";

export interface Health {
  status: "ok" | "degraded" | "down";
  instance: string | null;
  primary: boolean;
  cacheListener: boolean;
  replicas: { healthy: boolean; lagMs: number | null; reads: number }[];
}

export async function health(): Promise<Health> {
  let primary = false;
  try {
    await pgPool().query("select 1");
    primary = true;
  } catch {
    primary = false;
  }
  const listener = cacheListenerStatus().connected;
  const replicas = replicaStatus().map((r) => ({ healthy: r.healthy, lagMs: r.lagMs, reads: r.reads }));
  return {
    status: !primary ? "down" : listener && replicas.every((r) => r.healthy) ? "ok" : "degraded",
    instance: env().INSTANCE_NAME ?? null,
    primary,
    cacheListener: listener,
    replicas,
  };
}
