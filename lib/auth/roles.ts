// Roles and region-scope arithmetic shared by every policy. Pure: no I/O.
export const ROLES = ["ADMIN", "ROSTER_MANAGER", "AGREEMENT_OFFICER", "ANALYST", "COMPLAINT_HANDLER"] as const;
export type RoleName = (typeof ROLES)[number];

export const NATION_CODE = "000000";

/**
 * The code prefix a region covers: "" for the nation, 2 digits for a province (XX0000),
 * 4 for a prefecture-level city (XXYY00), all 6 for a county. GB/T 2260 codes are
 * hierarchical, so "is B inside A" is "B starts with prefix(A)".
 */
export function regionPrefix(code: string): string {
  if (code === NATION_CODE) return "";
  if (code.endsWith("0000")) return code.slice(0, 2);
  if (code.endsWith("00")) return code.slice(0, 4);
  return code;
}

/** True when `code` (6-digit, or a 2/4-digit prefix) lies in the subtree of `scopeCode`. */
export function isWithin(scopeCode: string, code: string): boolean {
  const p = regionPrefix(scopeCode);
  const c = code.length === 6 ? regionPrefix(code) : code;
  return c.startsWith(p);
}

/** Expands a 2-, 4- or 6-digit code as given by API callers to its covering prefix. */
export function prefixOfLooseCode(code: string): string {
  return code.length === 6 ? regionPrefix(code) : code;
}
