// Where a browser may be sent after signing in: only a path of this console. The candidate is
// parsed as a URL against a placeholder origin, as a browser would resolve it, and accepted only
// when it stays on that origin — a prefix test lets `/\evil.example` and `/\t/evil.example`
// through (browsers read both as `//evil.example`).
const BASE = "http://console.invalid";

/** The path (with query and hash) to go to after sign-in, or "/" when `raw` would leave the console. */
export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2000) return "/";
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The resolved path itself must not read as protocol-relative when handed to location.assign.
  return path.startsWith("//") || path.startsWith("/\\") ? "/" : path;
}
