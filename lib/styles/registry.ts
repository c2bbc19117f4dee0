// The process-wide registry of Emotion rules (MUI's styles), shared between the cache provider
// that renders pages (components/layout/emotion-cache.tsx, during server rendering) and the job
// that freezes them into a cached stylesheet (lib/styles/sheets.ts). Dependency-free globalThis
// state: the provider is a client component and must not pull server code into the browser.
// See docs/decisions/010-scale-out.md, "Pages".

export interface StyleSheetSnapshot {
  /** Content hash of the sheet: its URL is /assets/mui/<hash>.css. */
  hash: string;
  names: Set<string>;
}

export interface StyleRegistry {
  /** Rule CSS by Emotion name, in first-render order, with how many renders used it. */
  rules: Map<string, { css: string; uses: number }>;
  /** The sheet pages link to now (null until the first freeze). */
  current: StyleSheetSnapshot | null;
}

const MAX_RULES = 20_000;

export function styleRegistry(): StyleRegistry {
  const g = globalThis as unknown as { __muiStyleRegistry?: StyleRegistry };
  return (g.__muiStyleRegistry ??= { rules: new Map(), current: null });
}

/** Notes that a render used a rule (server only). */
export function noteRule(name: string, css: string): void {
  const r = styleRegistry();
  const hit = r.rules.get(name);
  if (hit) hit.uses += 1;
  else if (r.rules.size < MAX_RULES) r.rules.set(name, { css, uses: 1 });
}
