// Is this error "the database cannot be reached right now" (refused, reset, timed out, shutting
// down, starting up)? Such a failure is the service's, not the request's: the HTTP layer answers
// 503 with Retry-After and no internals, the sign-in form says "service unavailable", and the
// next request tries again — pools reconnect by themselves, nothing needs a restart.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "EAI_AGAIN",
]);
// SQLSTATE class 08 (connection exception) and 57P01–57P03 (admin shutdown, crash, cannot connect now).
const SQLSTATE = /^(08\d{3}|57P0[123])$/;
// Prisma's own codes for an unreachable server or a closed connection.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const MESSAGES =
  /Connection terminated|ECONNREFUSED|timeout exceeded when trying to connect|Can't reach database server|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Client has encountered a connection error|Connection refused/i;

export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 5) return false;
  const o = e as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    errors?: unknown;
  };
  const code = typeof o.code === "string" ? o.code : typeof o.originalCode === "string" ? o.originalCode : "";
  if (NETWORK_CODES.has(code) || SQLSTATE.test(code) || PRISMA_CODES.has(code)) return true;
  if (typeof o.message === "string" && MESSAGES.test(o.message)) return true;
  if (Array.isArray(o.errors) && o.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(o.cause, depth + 1);
}
