// List pages keep their whole state (filters, page) in the URL. These helpers read it back.
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The non-empty values of the given keys (first value when repeated). */
export function pickParams(sp: Record<string, string | string[] | undefined>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const raw = sp[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) out[key] = value;
  }
  return out;
}
