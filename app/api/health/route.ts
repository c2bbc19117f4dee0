// GET /api/health — for load balancers: 200 while this process can serve (even degraded: a
// replica down or the cache listener reconnecting), 503 when the primary does not answer.
import { health } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const h = await health();
  return Response.json(h, { status: h.status === "down" ? 503 : 200, headers: { "cache-control": "no-store" } });
}
