// The client's address, decided once per request by the server (server.ts) and handed to the app
// in a header of its own, overwriting anything a client sent under that name. From the socket;
// from the last X-Forwarded-For entry (the address our balancer saw) only with TRUST_PROXY — a
// client can write any X-Forwarded-For it likes, the balancer only appends. Used by the audit
// log and the rate limits.
import type { IncomingHttpHeaders } from "node:http";

export const CLIENT_ADDRESS_HEADER = "x-yibao-client-address";

/** The address to record for a request arriving on `socketAddress`. */
export function clientAddress(
  headers: IncomingHttpHeaders,
  socketAddress: string | undefined,
  trustProxy: boolean,
): string {
  const socket = (socketAddress ?? "unknown").replace(/^::ffff:/, "");
  if (!trustProxy) return socket;
  const xff = headers["x-forwarded-for"];
  const list = (Array.isArray(xff) ? xff.join(",") : (xff ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return (list.at(-1) ?? socket).replace(/^::ffff:/, "").slice(0, 64);
}

/** Sets the header on an incoming request (server.ts), replacing a client's own. */
export function stampClientAddress(
  headers: IncomingHttpHeaders,
  socketAddress: string | undefined,
  trustProxy: boolean,
): void {
  headers[CLIENT_ADDRESS_HEADER] = clientAddress(headers, socketAddress, trustProxy);
}

/** The stamped address of a request (null when it did not come through server.ts, e.g. `next dev`). */
export function clientAddressOf(
  headers: Headers | IncomingHttpHeaders | Record<string, unknown> | undefined | null,
): string | null {
  if (!headers) return null;
  const v =
    headers instanceof Headers
      ? headers.get(CLIENT_ADDRESS_HEADER)
      : (headers as Record<string, unknown>)[CLIENT_ADDRESS_HEADER];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === "string" && s ? s : null;
}
