// The Content-Security-Policy of the console (decision 011, "Content-Security-Policy"). Pages get
// a fresh nonce per request from proxy.ts, which Next.js puts on its own scripts and the Emotion
// cache on its <style> tags; API answers get a policy that allows nothing at all.

/** Request header through which proxy.ts hands the nonce to rendering (the root layout). */
export const NONCE_HEADER = "x-nonce";

/**
 * What HTML pages may load. Scripts: only those carrying the nonce, and what they load
 * ('strict-dynamic': Next.js's chunks) — no inline handlers, no `javascript:` URLs, no eval.
 * Style elements: our own stylesheets and the nonce'd <style> tags Emotion writes. Style
 * attributes are allowed: MUI, the data grid and recharts set `style="…"` in the server's HTML
 * (widths, transforms, SVG positions). An attribute cannot run code or load anything beyond
 * img-src/font-src, so allowing it costs no more than the injected markup it would sit in.
 */
export function pageContentSecurityPolicy(nonce: string, opts: { dev?: boolean } = {}): string {
  const n = `'nonce-${nonce}'`;
  // React's development build reconstructs server error stacks with eval; production does not.
  const scripts = ["'self'", n, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // For browsers without the -elem/-attr split (none the console supports): elements only.
    `style-src 'self' ${n}`,
    `style-src-elem 'self' ${n}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON answers render nothing and are never framed (next.config.ts, the eligibility fast path). */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** 128 random bits, base64 — unguessable and fresh per request (CSP3 asks for ≥ 128 bits). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
