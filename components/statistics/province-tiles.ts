// The provincial-level units as a tile grid: one square each at an approximate position (column,
// row), a picture of where, not a map — drawing borders in government software requires the
// officially reviewed standard map, which no npm package provides. All 34 units are drawn;
// 香港, 澳门 and 台湾 are outside the settlement system and always show "no data". 新疆生产建设兵团
// (66) settles as a province (decision 004) and has a tile beside 新疆.
export interface ProvinceTile {
  code: string;
  /** Short name as on the tile. */
  zh: string;
  en: string;
  col: number;
  row: number;
  /** Outside the settlement system: drawn, never with figures. */
  noData?: boolean;
}

export const PROVINCE_TILES: readonly ProvinceTile[] = [
  { code: "23", zh: "黑龙江", en: "Heilongjiang", col: 8, row: 0 },
  { code: "15", zh: "内蒙古", en: "Inner Mongolia", col: 5, row: 1 },
  { code: "11", zh: "北京", en: "Beijing", col: 6, row: 1 },
  { code: "22", zh: "吉林", en: "Jilin", col: 8, row: 1 },
  { code: "21", zh: "辽宁", en: "Liaoning", col: 7, row: 1 },
  { code: "66", zh: "兵团", en: "Bingtuan", col: 0, row: 2 },
  { code: "65", zh: "新疆", en: "Xinjiang", col: 1, row: 2 },
  { code: "62", zh: "甘肃", en: "Gansu", col: 3, row: 2 },
  { code: "64", zh: "宁夏", en: "Ningxia", col: 4, row: 2 },
  { code: "14", zh: "山西", en: "Shanxi", col: 5, row: 2 },
  { code: "13", zh: "河北", en: "Hebei", col: 6, row: 2 },
  { code: "12", zh: "天津", en: "Tianjin", col: 7, row: 2 },
  { code: "63", zh: "青海", en: "Qinghai", col: 2, row: 3 },
  { code: "61", zh: "陕西", en: "Shaanxi", col: 4, row: 3 },
  { code: "41", zh: "河南", en: "Henan", col: 5, row: 3 },
  { code: "37", zh: "山东", en: "Shandong", col: 6, row: 3 },
  { code: "54", zh: "西藏", en: "Xizang", col: 1, row: 4 },
  { code: "51", zh: "四川", en: "Sichuan", col: 3, row: 4 },
  { code: "50", zh: "重庆", en: "Chongqing", col: 4, row: 4 },
  { code: "42", zh: "湖北", en: "Hubei", col: 5, row: 4 },
  { code: "34", zh: "安徽", en: "Anhui", col: 6, row: 4 },
  { code: "32", zh: "江苏", en: "Jiangsu", col: 7, row: 4 },
  { code: "31", zh: "上海", en: "Shanghai", col: 8, row: 4 },
  { code: "53", zh: "云南", en: "Yunnan", col: 3, row: 5 },
  { code: "52", zh: "贵州", en: "Guizhou", col: 4, row: 5 },
  { code: "43", zh: "湖南", en: "Hunan", col: 5, row: 5 },
  { code: "36", zh: "江西", en: "Jiangxi", col: 6, row: 5 },
  { code: "33", zh: "浙江", en: "Zhejiang", col: 7, row: 5 },
  { code: "45", zh: "广西", en: "Guangxi", col: 4, row: 6 },
  { code: "44", zh: "广东", en: "Guangdong", col: 5, row: 6 },
  { code: "35", zh: "福建", en: "Fujian", col: 6, row: 6 },
  { code: "71", zh: "台湾", en: "Taiwan", col: 7, row: 6, noData: true },
  { code: "46", zh: "海南", en: "Hainan", col: 4, row: 7 },
  { code: "82", zh: "澳门", en: "Macao", col: 5, row: 7, noData: true },
  { code: "81", zh: "香港", en: "Hong Kong", col: 6, row: 7, noData: true },
];
