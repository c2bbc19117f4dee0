// Response headers every answer carries: set by next.config.ts for what Next.js serves and by
// the server's fast path (lib/agreements/fast-eligibility.ts) for what it answers itself. Pages add
// their per-request Content-Security-Policy in proxy.ts (lib/http/csp.ts).
import { API_CONTENT_SECURITY_POLICY } from "./csp";

/** HSTS for answers served over HTTPS: a year, subdomains included (decision 011). */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Was this request served over HTTPS? By the public URL's scheme, or — behind a balancer that
 * terminates TLS and is trusted (TRUST_PROXY) — by its X-Forwarded-Proto.
 */
export function servedOverHttps(
  forwardedProto: string | string[] | undefined,
  publicUrl: string | undefined,
  trustProxy: boolean,
): boolean {
  if (publicUrl?.startsWith("https://")) return true;
  const proto = Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto;
  return trustProxy && proto?.split(",")[0]?.trim().toLowerCase() === "https";
}

export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
];

/** What every /api answer adds: a policy that lets a JSON answer load, run or frame nothing. */
export const API_CSP_HEADER = { key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY } as const;

/** Headers of an /api answer the server writes itself, without Next.js (the eligibility fast path). */
export const API_SECURITY_HEADERS: readonly { key: string; value: string }[] = [...SECURITY_HEADERS, API_CSP_HEADER];
