// Masking of the complainant's personal data: one pure place for how a name, a phone number and
// an ID number look wherever they are shown to someone without the unmask right.

/** 110101199003071234 → 1101**********1234 */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  const s = id.trim();
  if (s.length <= 8) return "*".repeat(s.length);
  return `${s.slice(0, 4)}${"*".repeat(s.length - 8)}${s.slice(-4)}`;
}

/** 13812345678 → 138****5678; other forms keep their first 3 and last 4 characters. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const s = phone.trim();
  if (s.length <= 7) return `${s.slice(0, 1)}${"*".repeat(Math.max(0, s.length - 1))}`;
  return `${s.slice(0, 3)}${"*".repeat(s.length - 7)}${s.slice(-4)}`;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***; the family name stays so handlers can address the person. */
export function maskName(name: string | null | undefined): string {
  const chars = [...(name ?? "").trim()];
  if (chars.length === 0) return "";
  if (chars.length === 1) return "*";
  return chars[0] + "*".repeat(chars.length - 1);
}

// 18-digit resident ID numbers (last may be X) and 11-digit mainland mobile numbers inside text.
const ID_IN_TEXT = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/**
 * Masks ID and mobile numbers typed into free text (descriptions, notes, replies), so a handler
 * pasting them does not leak them into lists, exports or the other bureau's view.
 */
export function scrubPersonalData(text: string): string {
  return text.replace(ID_IN_TEXT, (m) => maskIdNumber(m) ?? m).replace(MOBILE_IN_TEXT, (m) => maskPhone(m) ?? m);
}
