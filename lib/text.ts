// One rule for text at every boundary (decision 011): a string may not carry characters that no
// form, file or API client of this console has a reason to send, and that break or disguise what
// is stored — NUL (PostgreSQL rejects it in text), other C0 controls and DEL (tab, line feed and
// carriage return are kept), unpaired UTF-16 surrogates (not Unicode text; Prisma fails on them),
// Unicode non-characters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF), and the bidirectional embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069: "Trojan source" spoofing of names and
// numbers). Left-to-right/right-to-left marks stay allowed.
const BANNED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\p{Noncharacter_Code_Point}]/u;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string carries a character the text rule refuses. */
export function isHostileText(s: string): boolean {
  return LONE_SURROGATE.test(s) || BANNED.test(s);
}

const MAX_DEPTH = 64;

/**
 * The path of the first string (or object key) in `value` that breaks the text rule, as
 * zod-style segments, or null when all of it is clean. Walks plain JSON values (what a body,
 * a query or a form becomes); anything nested deeper than 64 levels counts as hostile.
 */
export function hostileTextPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return isHostileText(value) ? path : null;
  if (value === null || typeof value !== "object") return null;
  if (path.length >= MAX_DEPTH) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = hostileTextPath(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (isHostileText(k)) return [...path, k];
    const found = hostileTextPath(v, [...path, k]);
    if (found) return found;
  }
  return null;
}
