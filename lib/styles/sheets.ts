// Freezes the Emotion rules this process's pages keep using into a content-addressed stylesheet,
// stores it in PostgreSQL (so any instance can serve a sheet any other instance's page links to)
// and makes it the sheet new pages link (lib/styles/registry.ts). A rule joins the sheet once two
// renders have used it: one-off rules (a value computed per row) stay inline and never bloat it.
import crypto from "node:crypto";
import { prisma } from "../db/client";
import { logger } from "../logger";
import { styleRegistry } from "./registry";

const MIN_USES = 2;
const MAX_SHEET_BYTES = 512 * 1024;
const local = new Map<string, string>();

/** The rules worth sharing, in first-render order (the cascade order the pages had). */
function candidates(): { names: string[]; css: string } {
  const names: string[] = [];
  let css = "";
  for (const [name, r] of styleRegistry().rules) {
    if (r.uses < MIN_USES || css.length + r.css.length > MAX_SHEET_BYTES) continue;
    names.push(name);
    css += r.css;
  }
  return { names, css };
}

let refreshedAt = 0;

/** Freezes a new sheet when rules used more than once are not in the current one. Returns its hash or null. */
export async function freezeStyleSheet(now = Date.now()): Promise<string | null> {
  const reg = styleRegistry();
  const { names, css } = candidates();
  if (!names.length || (reg.current && names.every((n) => reg.current!.names.has(n)))) {
    // Still in use: keep it from being pruned.
    if (reg.current && now - refreshedAt > 3_600_000) {
      refreshedAt = now;
      await prisma.uiStyleSheet.updateMany({ where: { hash: reg.current.hash }, data: { refreshedAt: new Date(now) } });
    }
    return null;
  }
  const hash = crypto.createHash("sha256").update(css).digest("hex").slice(0, 24);
  await prisma.uiStyleSheet.upsert({ where: { hash }, create: { hash, css }, update: { refreshedAt: new Date(now) } });
  refreshedAt = now;
  local.set(hash, css);
  // Only now: a page may link the sheet once every instance can serve it.
  reg.current = { hash, names: new Set(names) };
  return hash;
}

/** The CSS of a sheet by hash (this process's, else the database's), or null. */
export async function findStyleSheet(hash: string): Promise<string | null> {
  if (!/^[0-9a-f]{24}$/.test(hash)) return null;
  const hit = local.get(hash);
  if (hit !== undefined) return hit;
  const row = await prisma.uiStyleSheet.findUnique({ where: { hash } });
  if (row) local.set(hash, row.css);
  return row?.css ?? null;
}

const g = globalThis as unknown as { __styleSheetTimer?: NodeJS.Timeout };

/** Every few seconds: freeze what pages keep using (and refresh the current sheet hourly). */
export function startStyleSheetFreezer(everyMs = 5_000): void {
  if (g.__styleSheetTimer) return;
  let running = false;
  g.__styleSheetTimer = setInterval(() => {
    if (running) return;
    running = true;
    freezeStyleSheet()
      .then((hash) => hash && logger.debug("style sheet frozen", { hash }))
      .catch((e: Error) => logger.warn("style sheet freeze failed", { error: e.message }))
      .finally(() => (running = false));
  }, everyMs);
  g.__styleSheetTimer.unref();
}

/** Removes sheets no process has refreshed for 30 days (a page served since would have refreshed it). */
export async function pruneStyleSheets(now = new Date()): Promise<number> {
  const { count } = await prisma.uiStyleSheet.deleteMany({
    where: { refreshedAt: { lt: new Date(now.getTime() - 30 * 86_400_000) } },
  });
  return count;
}
