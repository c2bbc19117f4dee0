// A namespace of messages. Each key holds its zh-CN and en text side by side:
//   defineEntries({ title: { zh: "投诉协同", en: "Complaints" }, state: { NEW: { zh: "新建", en: "New" } } })
// and the loader splits them into the two catalogues zh-CN.ts and en.ts assemble. zh is the key
// source; an entry without en does not type-check.
// `defineMessages(zh, en)` is the old form (two whole objects); `scripts/i18n-convert.ts` rewrites
// it into the new one and is re-run after merging branches that still add keys the old way.
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export interface Entry {
  zh: string;
  en: string;
}
export interface Entries {
  [key: string]: Entry | Entries;
}

/** The zh-CN side of a tree of entries, with the literal types the key union is built from. */
export type ZhOf<T> = { [K in keyof T]: T[K] extends Entry ? T[K]["zh"] : ZhOf<T[K]> };

function isEntry(v: Entry | Entries): v is Entry {
  return typeof v.zh === "string";
}

function side(entries: Entries, lang: keyof Entry): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, isEntry(v) ? v[lang] : side(v, lang)]));
}

export function defineEntries<const T extends Entries>(entries: T): { zh: ZhOf<T>; en: Shape<ZhOf<T>> } {
  return { zh: side(entries, "zh") as ZhOf<T>, en: side(entries, "en") as Shape<ZhOf<T>> };
}

export function defineMessages<const T>(zh: T, en: Shape<T>): { zh: T; en: Shape<T> } {
  return { zh, en };
}
