// Pinyin of region names (pinyin-pro: maintained, dependency-free, word-aware for polyphonic
// characters — 重庆 chongqing, 长安 changan). Server side only: its dictionary stays out of
// the browser bundle; the picker sends its query to the region search.
import { pinyin } from "pinyin-pro";
import type { Romanize } from "./search";

export const romanize: Romanize = (name) => {
  const syllables = pinyin(name, { toneType: "none", type: "array", v: true, nonZh: "consecutive" }).map((s) =>
    s.toLowerCase().replace(/[^a-z0-9]/g, ""),
  );
  return { pinyin: syllables.join(""), initials: syllables.map((s) => s[0] ?? "").join("") };
};
