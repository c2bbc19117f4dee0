// Who a region code on a ticket stands for: the bureau of that region, or of its nearest
// ancestor that has one (a county without its own bureau is served by its city's). Timelines,
// comments and the parties box name bureaus — 北京市医疗保障局, not 北京市（110000）.
import { bureauRefs, type BureauRef } from "../bureaus/queries";

/** The bureau covering `code`: itself, its city, its province, then the national one. */
export function coveringBureau(byRegion: ReadonlyMap<string, BureauRef>, code: string | null): BureauRef | null {
  if (!code || !/^\d{6}$/.test(code)) return null;
  for (const c of [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`, "000000"]) {
    const b = byRegion.get(c);
    if (b) return b;
  }
  return null;
}

/** A function naming the bureau of a region code in the given language (null when none covers it). */
export async function bureauNamer(lang: "zh" | "en"): Promise<(code: string | null) => string | null> {
  const byRegion = new Map<string, BureauRef>();
  for (const b of (await bureauRefs()).values()) if (!byRegion.has(b.regionCode)) byRegion.set(b.regionCode, b);
  return (code) => {
    const b = coveringBureau(byRegion, code);
    return b ? (lang === "en" ? b.nameEn || b.name : b.name) : null;
  };
}
