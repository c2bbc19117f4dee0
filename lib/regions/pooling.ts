// Pooling areas (统筹区): the regions that run a medical-insurance fund, decided from the GB/T 2260
// code alone so the region loader (sync.ts) and the eligibility engine ask the same rule — see
// docs/decisions/004-regions.md. Pure: no I/O.
//   - the four municipalities (北京, 天津, 上海, 重庆) are one fund each, at province level;
//   - 新疆生产建设兵团 (660000) is one fund, at province level;
//   - elsewhere a prefecture-level city (xxyy00) is the fund, its counties are not;
//   - a county-level unit directly under a province (省直辖县级行政区划: code xx90zz, e.g. 仙桃市
//     429004, 济源市 419001, 石河子市 659001) is its own fund; the grouping node xx9000 is not.

/** Two-digit province codes of the municipalities. */
export const MUNICIPALITIES: ReadonlySet<string> = new Set(["11", "12", "31", "50"]);
export const BINGTUAN_CODE = "660000";
const DIRECT_COUNTY_GROUP = "90";

/** Whether a four-digit city prefix is a "省直辖县级行政区划" grouping node. */
function isDirectCountyGroup(cityPrefix: string): boolean {
  return cityPrefix.slice(2, 4) === DIRECT_COUNTY_GROUP;
}

/** The pooling area a region belongs to: itself or the ancestor that runs its fund; null above that level. */
export function poolingAreaOf(code: string): string | null {
  if (!/^\d{6}$/.test(code) || code === "000000") return null;
  const province = code.slice(0, 2);
  if (code.startsWith("66")) return BINGTUAN_CODE;
  if (MUNICIPALITIES.has(province)) return `${province}0000`;
  const city = code.slice(0, 4);
  if (city.endsWith("00")) return null; // a province
  if (isDirectCountyGroup(city)) return code.endsWith("00") ? null : code;
  return `${city}00`;
}

/** Whether the region itself runs a fund (統筹区). */
export function isPoolingArea(code: string): boolean {
  return poolingAreaOf(code) === code;
}
