// Response headers every answer carries: set by next.config.ts for what Next.js serves and by
// the server's fast path (lib/http/fast-eligibility.ts) for what it answers itself.
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
];
