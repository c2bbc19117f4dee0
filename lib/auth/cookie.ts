// The next-auth session token in a Cookie header. Dependency-free: the proxy (proxy.ts) uses it
// to tell signed-out browsers from signed-in ones without decrypting anything.
const COOKIE = /(?:^|;\s*)((?:__Secure-)?next-auth\.session-token(?:\.(\d+))?)=([^;]*)/g;

/** The session token in a Cookie header (next-auth splits a long one into .0, .1, … chunks). */
export function sessionTokenOf(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader || !cookieHeader.includes("next-auth.session-token")) return null;
  const parts: [number, string][] = [];
  for (const m of cookieHeader.matchAll(COOKIE)) parts.push([m[2] === undefined ? -1 : Number(m[2]), m[3]!]);
  if (!parts.length) return null;
  const whole = parts.find(([i]) => i === -1);
  if (whole) return whole[1] || null;
  return (
    parts
      .sort((a, b) => a[0] - b[0])
      .map(([, v]) => v)
      .join("") || null
  );
}
