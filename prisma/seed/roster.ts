// Demo roster of designated institutions and pharmacies for the demo regions (京津冀, 长三角):
// ~6,000 institutions with plausible Chinese names, levels, grades, services opened 2017–2025,
// some closed and reopened, some suspended or revoked. Deterministic (seeded PRNG): the same
// rows, codes and dates on every machine. Well-known hospitals come first in their district, so
// their codes are stable (北京友谊医院 H11010200001). The same generator feeds the 100,000-row
// import benchmark (scripts/bench-roster.ts).
import type pg from "pg";
import { formatServices } from "../../lib/facilities/codes";
import { REASONS } from "../../lib/facilities/plan";

type InstitutionType = "HOSPITAL" | "PRIMARY_CARE" | "PHARMACY" | "ELDERLY_CARE_MEDICAL" | "INTERNET_HOSPITAL";
type Level = "LEVEL_1" | "LEVEL_2" | "LEVEL_3" | "UNRATED";
type Grade = "A" | "B" | "C";
type Service = "INPATIENT" | "OUTPATIENT" | "CHRONIC" | "PHARMACY";
type Disease = "HYPERTENSION" | "DIABETES" | "CANCER" | "DIALYSIS" | "TRANSPLANT";

export interface GeneratedService {
  service: Service;
  diseases: Disease[];
  openedOn: string;
  closedOn: string | null;
  closeReason: string | null;
}

export interface GeneratedInstitution {
  code: string;
  name: string;
  shortName: string | null;
  type: InstitutionType;
  level: Level;
  grade: Grade | null;
  ownership: "PUBLIC" | "PRIVATE";
  regionCode: string;
  address: string;
  phone: string;
  status: "ACTIVE" | "SUSPENDED" | "REVOKED";
  statusSince: string;
  statusReason: string | null;
  designatedSince: string;
  services: GeneratedService[];
}

export interface RegionLite {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

// ---- Deterministic randomness ---------------------------------------------------------------

/** mulberry32: small, fast, good enough for demo data, identical on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1]![0];
  }
  date(from: string, to: string): string {
    const a = Date.parse(`${from}T00:00:00Z`);
    const b = Date.parse(`${to}T00:00:00Z`);
    return new Date(a + Math.floor(this.next() * ((b - a) / 86400000 + 1)) * 86400000).toISOString().slice(0, 10);
  }
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

// ---- Vocabulary ---------------------------------------------------------------------------------

/** Demo areas and how many institutions each gets (of 6,000). */
export const DEMO_AREAS: { prefix: string; share: number }[] = [
  { prefix: "11", share: 1150 },
  { prefix: "12", share: 600 },
  { prefix: "1301", share: 420 },
  { prefix: "1307", share: 260 },
  { prefix: "1310", share: 420 },
  { prefix: "13", share: 750 }, // the other Hebei cities
  { prefix: "31", share: 900 },
  { prefix: "32", share: 700 },
  { prefix: "33", share: 500 },
  { prefix: "34", share: 300 },
];

const AREA_CODES: Record<string, string> = {
  "11": "010",
  "12": "022",
  "1301": "0311",
  "1302": "0315",
  "1303": "0335",
  "1304": "0310",
  "1305": "0319",
  "1306": "0312",
  "1307": "0313",
  "1308": "0314",
  "1309": "0317",
  "1310": "0316",
  "1311": "0318",
  "31": "021",
  "3201": "025",
  "3202": "0510",
  "3203": "0516",
  "3204": "0519",
  "3205": "0512",
  "3206": "0513",
  "3207": "0518",
  "3208": "0517",
  "3209": "0515",
  "3210": "0514",
  "3211": "0511",
  "3212": "0523",
  "3213": "0527",
  "3301": "0571",
  "3302": "0574",
  "3303": "0577",
  "3304": "0573",
  "3305": "0572",
  "3306": "0575",
  "3307": "0579",
  "3308": "0570",
  "3309": "0580",
  "3310": "0576",
  "3311": "0578",
  "3401": "0551",
  "3402": "0553",
  "3403": "0552",
  "3404": "0554",
  "3405": "0555",
  "3406": "0561",
  "3407": "0562",
  "3408": "0556",
  "3410": "0559",
  "3411": "0550",
  "3412": "0558",
  "3413": "0557",
  "3415": "0564",
  "3416": "0558",
  "3417": "0566",
  "3418": "0563",
};

/** Well-known hospitals, first in their district so their codes never move. */
export const ROSTER_LANDMARKS: {
  region: string;
  name: string;
  shortName?: string;
  designated: string;
  type?: InstitutionType;
}[] = [
  { region: "110101", name: "中国医学科学院北京协和医院", shortName: "北京协和医院", designated: "2000-05-01" },
  { region: "110101", name: "北京医院", designated: "2000-05-01" },
  { region: "110101", name: "首都医科大学附属北京同仁医院", shortName: "北京同仁医院", designated: "2000-05-01" },
  { region: "110101", name: "北京中医药大学东直门医院", shortName: "东直门医院", designated: "2000-05-01" },
  { region: "110102", name: "首都医科大学附属北京友谊医院", shortName: "北京友谊医院", designated: "2000-05-01" },
  { region: "110102", name: "北京大学第一医院", shortName: "北大医院", designated: "2000-05-01" },
  { region: "110102", name: "北京大学人民医院", designated: "2000-05-01" },
  { region: "110102", name: "首都医科大学宣武医院", shortName: "宣武医院", designated: "2000-05-01" },
  { region: "110102", name: "首都医科大学附属北京儿童医院", shortName: "北京儿童医院", designated: "2000-05-01" },
  { region: "110102", name: "北京积水潭医院", designated: "2000-05-01" },
  { region: "110102", name: "中国中医科学院广安门医院", shortName: "广安门医院", designated: "2000-05-01" },
  { region: "110105", name: "中日友好医院", designated: "2000-05-01" },
  { region: "110105", name: "中国医学科学院肿瘤医院", designated: "2000-05-01" },
  { region: "110105", name: "首都医科大学附属北京朝阳医院", shortName: "北京朝阳医院", designated: "2000-05-01" },
  { region: "110105", name: "首都医科大学附属北京安贞医院", shortName: "北京安贞医院", designated: "2000-05-01" },
  { region: "110106", name: "首都医科大学附属北京天坛医院", shortName: "北京天坛医院", designated: "2000-05-01" },
  { region: "110108", name: "北京大学第三医院", shortName: "北医三院", designated: "2000-05-01" },
  { region: "120101", name: "天津医科大学总医院", designated: "2001-01-01" },
  { region: "120103", name: "天津医科大学肿瘤医院", designated: "2001-01-01" },
  { region: "120104", name: "天津市第一中心医院", designated: "2001-01-01" },
  { region: "120106", name: "天津市人民医院", designated: "2001-01-01" },
  { region: "120111", name: "天津中医药大学第一附属医院", designated: "2001-01-01" },
  { region: "120112", name: "天津市胸科医院", designated: "2001-01-01" },
  { region: "130105", name: "河北医科大学第二医院", designated: "2001-07-01" },
  { region: "130105", name: "河北省人民医院", designated: "2001-07-01" },
  { region: "130102", name: "河北医科大学第四医院", designated: "2001-07-01" },
  { region: "130102", name: "河北医科大学第一医院", designated: "2001-07-01" },
  { region: "130104", name: "河北医科大学第三医院", designated: "2001-07-01" },
  { region: "131003", name: "廊坊市人民医院", designated: "2002-01-01" },
  { region: "131002", name: "廊坊市中医医院", designated: "2002-01-01" },
  { region: "131002", name: "安次区中医院", designated: "2004-03-01" },
  { region: "131082", name: "河北燕达医院", shortName: "燕达医院", designated: "2012-06-01" },
  {
    region: "131082",
    name: "燕达金色年华健康养护中心医务室",
    shortName: "燕达康养中心医务室",
    designated: "2016-01-01",
    type: "ELDERLY_CARE_MEDICAL",
  },
  { region: "130702", name: "河北北方学院附属第一医院", designated: "2002-01-01" },
  { region: "130703", name: "张家口市第一医院", designated: "2002-01-01" },
  { region: "310101", name: "上海交通大学医学院附属瑞金医院", shortName: "瑞金医院", designated: "2000-12-01" },
  { region: "310104", name: "复旦大学附属中山医院", shortName: "中山医院", designated: "2000-12-01" },
  { region: "310104", name: "复旦大学附属肿瘤医院", designated: "2000-12-01" },
  { region: "310104", name: "上海市第六人民医院", shortName: "市六医院", designated: "2000-12-01" },
  { region: "310106", name: "复旦大学附属华山医院", shortName: "华山医院", designated: "2000-12-01" },
  { region: "310106", name: "复旦大学附属华山医院互联网医院", designated: "2020-03-01", type: "INTERNET_HOSPITAL" },
  { region: "310109", name: "上海市第一人民医院", shortName: "市一医院", designated: "2000-12-01" },
  { region: "310115", name: "上海交通大学医学院附属仁济医院", shortName: "仁济医院", designated: "2000-12-01" },
  { region: "320106", name: "江苏省人民医院", designated: "2001-01-01" },
  { region: "320106", name: "南京鼓楼医院", designated: "2001-01-01" },
  { region: "320508", name: "苏州大学附属第一医院", designated: "2001-01-01" },
  { region: "330102", name: "浙江大学医学院附属第一医院", shortName: "浙大一院", designated: "2001-01-01" },
  { region: "330102", name: "浙江大学医学院附属第二医院", shortName: "浙大二院", designated: "2001-01-01" },
  { region: "330102", name: "浙江大学医学院附属邵逸夫医院", shortName: "邵逸夫医院", designated: "2001-01-01" },
  { region: "330105", name: "浙江省人民医院", designated: "2001-01-01" },
  {
    region: "340103",
    name: "中国科学技术大学附属第一医院（安徽省立医院）",
    shortName: "安徽省立医院",
    designated: "2002-01-01",
  },
  { region: "340104", name: "安徽医科大学第一附属医院", shortName: "安医大一附院", designated: "2002-01-01" },
];

const ROADS = [
  "新华",
  "解放",
  "人民",
  "建设",
  "和平",
  "胜利",
  "光明",
  "文化",
  "中山",
  "朝阳",
  "团结",
  "友谊",
  "幸福",
  "长安",
  "金桥",
  "银河",
  "永安",
  "育才",
  "青年",
  "迎宾",
  "滨河",
  "翠屏",
  "裕华",
  "建国",
  "东风",
  "五四",
  "花园",
  "新开",
  "北凤",
  "南龙",
  "祥云",
  "爱民",
  "健康",
  "红旗",
  "民主",
  "振兴",
  "富强",
  "华阳",
  "广场",
  "世纪",
  "锦绣",
  "春晖",
  "丰收",
  "安居",
  "学院",
  "体育",
  "站前",
  "商业",
];
const SURNAMES =
  "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤".split(
    "",
  );
const TOWN_SUFFIX = [
  "庄",
  "营",
  "屯",
  "集",
  "店",
  "桥",
  "河",
  "湾",
  "堡",
  "寨",
  "坊",
  "口",
  "头",
  "沟",
  "岗",
  "塘",
  "铺",
  "园",
  "台",
  "洼",
];
const PRIVATE_BRANDS = [
  "仁爱",
  "博爱",
  "爱德堡",
  "和平",
  "华夏",
  "长城",
  "东方",
  "明德",
  "惠民",
  "百信",
  "仁和",
  "慈济",
  "康泰",
  "华康",
  "安康",
  "瑞康",
  "永康",
  "济民",
  "同心",
  "福寿",
  "美中",
  "新世纪",
];
const PRIVATE_KINDS = [
  "医院",
  "骨科医院",
  "眼科医院",
  "口腔医院",
  "康复医院",
  "中西医结合医院",
  "妇产医院",
  "肛肠医院",
  "皮肤病医院",
  "精神病医院",
  "肾病医院",
];
const PUBLIC_KINDS = [
  "人民医院",
  "中医医院",
  "妇幼保健院",
  "第二人民医院",
  "中西医结合医院",
  "骨科医院",
  "精神卫生中心",
  "传染病医院",
  "口腔医院",
  "康复医院",
];
const CITY_KINDS = [
  "人民医院",
  "中心医院",
  "第一医院",
  "第二医院",
  "第三医院",
  "中医医院",
  "妇幼保健院",
  "肿瘤医院",
  "儿童医院",
  "传染病医院",
  "第四医院",
  "眼科医院",
];
const ELDERLY = [
  "康养中心医务室",
  "颐养院医务室",
  "老年公寓医务室",
  "护理院",
  "养老服务中心卫生室",
  "福寿园康养中心医务室",
];
const CHAINS: Record<string, string[]> = {
  "11": ["北京同仁堂药店", "金象大药房", "嘉事堂药店", "北京医保全新大药房", "永安堂大药房", "老百姓大药房"],
  "12": ["中新药业大药房", "老百姓大药房", "天士力大药房", "瑞澄大药房", "一心堂"],
  "13": ["神威大药房", "乐仁堂", "老百姓大药房", "石药大药房", "华佗大药房", "新兴大药房"],
  "31": ["华氏大药房", "雷允上", "第一医药", "余天成堂", "国大药房", "益丰大药房"],
  "32": ["苏州雷允上", "老百姓大药房", "益丰大药房", "先声再康", "百佳惠", "大参林"],
  "33": ["九洲大药房", "海王星辰", "华东大药房", "英特一洲", "张同泰", "方回春堂"],
  "34": ["国胜大药房", "百姓缘", "华仁堂", "天济大药房", "一心堂", "老百姓大药房"],
};
const CN_ORDINALS = ["", "", "二", "三", "四", "五", "六", "七", "八", "九"];
const DISEASES: Disease[] = ["HYPERTENSION", "DIABETES", "CANCER", "DIALYSIS", "TRANSPLANT"];
const CLOSE_REASONS = ["信息系统改造，暂停异地结算", "医保飞行检查整改", "科室调整", "协议到期未续签该项服务"];
const SUSPEND_REASONS = ["医保飞行检查发现问题，暂停结算整改", "违规收费，暂停医保服务", "信息系统未按要求接入"];
const REVOKE_REASONS = ["解除医保服务协议", "机构注销", "严重违规，解除定点"];

// ---- Generator --------------------------------------------------------------------------------------

/** 安次区 → 安次, 大厂回族自治县 → 大厂, 廊坊经济技术开发区 → 廊坊开发区. */
function countyShort(name: string): string {
  if (name.length <= 2) return name;
  if (/(开发区|园区|管理区|示范区|产业区|新城)$/.test(name)) return `${name.slice(0, 2)}开发区`;
  return name.replace(/(回族|满族|蒙古族|畲族|土家族)?(自治县|新区|区|县|市)$/, "") || name;
}

/** Functional zones (开发区, 园区…) hold few institutions; urban districts more than rural counties. */
function countyWeight(name: string): number {
  if (/(开发区|园区|管理区|示范区|产业区|新城)$/.test(name)) return 0.2;
  return name.endsWith("区") ? 2 : 1;
}

function provinceOf(code: string): string {
  return code.slice(0, 2);
}

export interface GenerateOptions {
  /** How many institutions in all (landmarks included). */
  count: number;
  seed: number;
  /** Counties (and their cities and provinces) of the demo regions, by code. */
  regions: RegionLite[];
  /** Latest date anything happens. */
  until?: string;
}

/**
 * Generates the roster. Codes are H/P + the county code + a serial per county (landmarks
 * first), so they are unique and stable for a given seed and count.
 */
export function generateRoster(opts: GenerateOptions): GeneratedInstitution[] {
  const dice = new Dice(prng(opts.seed));
  const until = opts.until ?? "2025-12-31";
  const byCode = new Map(opts.regions.map((r) => [r.code, r]));
  const counties = opts.regions.filter((r) => r.level === "COUNTY").sort((a, b) => a.code.localeCompare(b.code));
  const serial = new Map<string, number>();
  const names = new Set<string>();
  const out: GeneratedInstitution[] = [];

  const cityOf = (county: RegionLite): RegionLite => {
    const parent = county.parentCode ? byCode.get(county.parentCode) : undefined;
    return parent ?? county;
  };
  const nextCode = (county: string, pharmacy: boolean) => {
    const n = (serial.get(county) ?? 0) + 1;
    serial.set(county, n);
    return `${pharmacy ? "P" : "H"}${county}${String(n).padStart(5, "0")}`;
  };
  const phoneOf = (county: string) => {
    const area = AREA_CODES[county.slice(0, 4)] ?? AREA_CODES[county.slice(0, 2)] ?? `0${dice.int(350, 799)}`;
    // 8-digit numbers behind 3-digit area codes (010, 021, 022, 025), 7 behind 4-digit ones.
    const rest = area.length === 3 ? 7 : 6;
    return `${area}-${dice.int(2, 8)}${String(dice.int(0, 10 ** rest - 1)).padStart(rest, "0")}`;
  };
  const addressOf = (county: RegionLite) => {
    const city = cityOf(county);
    const province = byCode.get(`${county.code.slice(0, 2)}0000`);
    const prefix =
      city.level === "PROVINCE" ? `${city.name}${county.name}` : `${province?.name ?? ""}${city.name}${county.name}`;
    return `${prefix}${dice.pick(ROADS)}${dice.pick(["路", "街", "大街", "道"])}${dice.int(1, 388)}号`;
  };
  const unique = (name: string, county: RegionLite) => {
    let n = name;
    for (let i = 2; names.has(n); i++) {
      n = name.endsWith("店）")
        ? name.replace(/店）$/, `${CN_ORDINALS[i] ?? i}店）`)
        : `${name}（${dice.pick(ROADS)}${i > 3 ? i : ""}院区）`;
      if (i > 50) n = `${name}（${county.name}${i}）`;
    }
    names.add(n);
    return n;
  };

  const services = (type: InstitutionType, level: Level, designated: string, county: string): GeneratedService[] => {
    const list: GeneratedService[] = [];
    const open = (service: Service, from: string, to: string, diseases: Disease[] = []) => {
      const openedOn = maxDate(dice.date(from, to), designated);
      if (openedOn > until) return;
      list.push({ service, diseases, openedOn, closedOn: null, closeReason: null });
    };
    const hebei2plus = provinceOf(county) === "13" && (level === "LEVEL_2" || level === "LEVEL_3");
    if (type === "PHARMACY") {
      if (dice.chance(0.72)) open("PHARMACY", "2021-01-01", "2025-10-31");
      if (dice.chance(0.1)) open("CHRONIC", "2022-01-01", "2025-10-31", ["HYPERTENSION", "DIABETES"]);
      return list;
    }
    if (type === "INTERNET_HOSPITAL") {
      if (dice.chance(0.75)) open("OUTPATIENT", "2022-01-01", "2025-10-31");
      if (dice.chance(0.3)) open("CHRONIC", "2022-06-01", "2025-10-31", ["HYPERTENSION", "DIABETES"]);
      return list;
    }
    if (type === "ELDERLY_CARE_MEDICAL") {
      if (dice.chance(0.6)) open("OUTPATIENT", "2020-01-01", "2024-12-31");
      if (dice.chance(0.2)) open("INPATIENT", "2020-01-01", "2024-12-31");
      return list;
    }
    const p = {
      LEVEL_3: [0.97, 0.96, 0.85],
      LEVEL_2: [0.8, 0.75, 0.45],
      LEVEL_1: [0.25, 0.6, 0.2],
      UNRATED: [0.05, 0.35, 0.05],
    }[level];
    if (dice.chance(p[0]!)) open("INPATIENT", "2017-01-01", "2019-12-31");
    // 2021: every level-2+ institution in Hebei opened outpatient direct settlement.
    if (hebei2plus) open("OUTPATIENT", "2021-01-01", "2021-12-31");
    else if (dice.chance(p[1]!)) open("OUTPATIENT", "2019-01-01", "2022-12-31");
    if (dice.chance(p[2]!)) {
      const diseases =
        level === "LEVEL_3"
          ? DISEASES.filter((d) => d === "HYPERTENSION" || d === "DIABETES" || dice.chance(0.75))
          : level === "LEVEL_2"
            ? DISEASES.filter((d) => d === "HYPERTENSION" || d === "DIABETES" || dice.chance(0.3))
            : (["HYPERTENSION", "DIABETES"] as Disease[]);
      open("CHRONIC", "2021-06-01", "2023-12-31", diseases);
    }
    return list;
  };

  const add = (
    county: RegionLite,
    inst: Omit<
      GeneratedInstitution,
      "code" | "regionCode" | "address" | "phone" | "status" | "statusSince" | "statusReason" | "services"
    >,
  ) => {
    const pharmacy = inst.type === "PHARMACY";
    const rec: GeneratedInstitution = {
      ...inst,
      name: unique(inst.name, county),
      code: nextCode(county.code, pharmacy),
      regionCode: county.code,
      address: addressOf(county),
      phone: phoneOf(county.code),
      status: "ACTIVE",
      statusSince: inst.designatedSince,
      statusReason: null,
      services: services(inst.type, inst.level, inst.designatedSince, county.code),
    };
    // Some services closed (and a third of those reopened later).
    for (const s of [...rec.services]) {
      if (!dice.chance(0.05)) continue;
      const closedOn = dice.date(addDays(s.openedOn, 90), until);
      if (closedOn <= s.openedOn || closedOn > until) continue;
      s.closedOn = closedOn;
      s.closeReason = dice.pick(CLOSE_REASONS);
      if (dice.chance(0.35)) {
        const reopened = dice.date(addDays(closedOn, 30), until);
        if (reopened <= until && reopened > closedOn)
          rec.services.push({
            service: s.service,
            diseases: s.diseases,
            openedOn: reopened,
            closedOn: null,
            closeReason: null,
          });
      }
    }
    const roll = dice.next();
    if (roll < 0.02) {
      const since = maxDate(dice.date("2022-01-01", until), addDays(rec.designatedSince, 30));
      if (since <= until) {
        rec.status = "REVOKED";
        rec.statusSince = since;
        rec.statusReason = dice.pick(REVOKE_REASONS);
        // Revocation ends every service still running then.
        for (const s of rec.services) {
          if (s.closedOn === null || s.closedOn > since) {
            s.closedOn = maxDate(since, s.openedOn);
            s.closeReason = rec.statusReason;
          }
        }
      }
    } else if (roll < 0.05) {
      const since = maxDate(dice.date("2024-01-01", until), addDays(rec.designatedSince, 30));
      if (since <= until) {
        rec.status = "SUSPENDED";
        rec.statusSince = since;
        rec.statusReason = dice.pick(SUSPEND_REASONS);
      }
    }
    // Keep the periods of one service from overlapping (a reopened period after its closing).
    rec.services.sort((a, b) => a.service.localeCompare(b.service) || a.openedOn.localeCompare(b.openedOn));
    out.push(rec);
    return rec;
  };

  // 1. Landmarks.
  for (const l of ROSTER_LANDMARKS) {
    const county = byCode.get(l.region);
    if (!county || out.length >= opts.count) continue;
    add(county, {
      name: l.name,
      shortName: l.shortName ?? null,
      type: l.type ?? "HOSPITAL",
      level: l.type === "ELDERLY_CARE_MEDICAL" || l.type === "INTERNET_HOSPITAL" ? "UNRATED" : "LEVEL_3",
      grade: l.type === "ELDERLY_CARE_MEDICAL" || l.type === "INTERNET_HOSPITAL" ? null : "A",
      ownership: "PUBLIC",
      designatedSince: l.designated,
    });
  }

  // 2. Everyone else, area by area, spread over the area's counties (urban districts twice as likely).
  const totalShare = DEMO_AREAS.reduce((s, a) => s + a.share, 0);
  const taken = new Set<string>();
  const remaining = opts.count - out.length;
  for (const area of DEMO_AREAS) {
    const inArea = counties.filter((c) => c.code.startsWith(area.prefix) && !taken.has(c.code));
    inArea.forEach((c) => taken.add(c.code));
    if (!inArea.length) continue;
    const weights = inArea.map((c) => [c, countyWeight(c.name)] as const);
    const n = Math.round((remaining * area.share) / totalShare);
    for (let i = 0; i < n; i++) {
      const county = dice.weighted(weights);
      const city = cityOf(county);
      const cityName = city.name;
      const short = countyShort(county.name);
      const type = dice.weighted<InstitutionType>([
        ["HOSPITAL", 30],
        ["PRIMARY_CARE", 25],
        ["PHARMACY", 38],
        ["ELDERLY_CARE_MEDICAL", 4],
        ["INTERNET_HOSPITAL", 3],
      ]);
      if (type === "PHARMACY") {
        const chain = dice.pick(CHAINS[provinceOf(county.code)] ?? CHAINS["13"]!);
        add(county, {
          name: `${chain}（${short}${dice.pick(ROADS)}${dice.pick(["路", "街"])}店）`,
          shortName: null,
          type,
          level: "UNRATED",
          grade: null,
          ownership: dice.chance(0.92) ? "PRIVATE" : "PUBLIC",
          designatedSince: dice.date("2010-01-01", "2024-06-30"),
        });
      } else if (type === "PRIMARY_CARE") {
        // Districts have street health centres, counties township health centres.
        const district = county.name.endsWith("区");
        const kind = dice.weighted([
          ["town", district ? 1 : 6],
          ["street", district ? 6 : 2],
          ["clinic", 2],
        ] as const);
        const name =
          kind === "town"
            ? `${county.name}${dice.pick(SURNAMES)}${dice.pick(TOWN_SUFFIX)}${dice.pick(["镇", "乡"])}卫生院`
            : kind === "street"
              ? `${county.name}${dice.pick(ROADS)}街道社区卫生服务中心`
              : `${short}${dice.pick(SURNAMES)}氏${dice.pick(["中医", "口腔", "内科", "中西医结合"])}诊所`;
        const level: Level = kind === "clinic" ? "UNRATED" : dice.chance(0.85) ? "LEVEL_1" : "UNRATED";
        add(county, {
          name,
          shortName: null,
          type,
          level,
          grade:
            level === "LEVEL_1"
              ? dice.weighted<Grade>([
                  ["A", 3],
                  ["B", 6],
                  ["C", 1],
                ])
              : null,
          ownership: kind === "clinic" ? "PRIVATE" : "PUBLIC",
          designatedSince: dice.date("2005-01-01", "2023-12-31"),
        });
      } else if (type === "ELDERLY_CARE_MEDICAL") {
        add(county, {
          name: `${short}${dice.pick(PRIVATE_BRANDS)}${dice.pick(ELDERLY)}`,
          shortName: null,
          type,
          level: dice.chance(0.7) ? "UNRATED" : "LEVEL_1",
          grade: null,
          ownership: dice.chance(0.6) ? "PRIVATE" : "PUBLIC",
          designatedSince: dice.date("2015-01-01", "2024-06-30"),
        });
      } else if (type === "INTERNET_HOSPITAL") {
        const host = dice.chance(0.5)
          ? `${cityName}${dice.pick(CITY_KINDS)}`
          : `${short}${dice.pick(PRIVATE_BRANDS)}医院`;
        add(county, {
          name: `${host}互联网医院`,
          shortName: null,
          type,
          level: "UNRATED",
          grade: null,
          ownership: host.startsWith(cityName) ? "PUBLIC" : "PRIVATE",
          designatedSince: dice.date("2019-06-01", "2024-12-31"),
        });
      } else {
        const level = dice.weighted<Level>([
          ["LEVEL_3", 15],
          ["LEVEL_2", 45],
          ["LEVEL_1", 30],
          ["UNRATED", 10],
        ]);
        const isPublic =
          level === "LEVEL_3" ? dice.chance(0.9) : level === "LEVEL_2" ? dice.chance(0.65) : dice.chance(0.4);
        let name: string;
        let shortName: string | null = null;
        if (isPublic && level === "LEVEL_3") {
          name = `${cityName}${dice.pick(CITY_KINDS)}`;
        } else if (isPublic) {
          const kind = dice.pick(PUBLIC_KINDS);
          name = `${county.name}${kind}`;
          if (dice.chance(0.4))
            shortName = `${short}${kind.replace("第二人民医院", "二院").replace("人民医院", "人民医院")}`.slice(0, 40);
        } else {
          name =
            level === "UNRATED"
              ? `${short}${dice.pick(PRIVATE_BRANDS)}门诊部`
              : `${countyShort(cityName)}${dice.pick(PRIVATE_BRANDS)}${dice.pick(PRIVATE_KINDS)}`;
        }
        add(county, {
          name,
          shortName,
          type: "HOSPITAL",
          level,
          grade:
            level === "UNRATED"
              ? null
              : level === "LEVEL_3"
                ? dice.weighted<Grade>([
                    ["A", 8],
                    ["B", 2],
                  ])
                : dice.weighted<Grade>([
                    ["A", 5],
                    ["B", 4],
                    ["C", 1],
                  ]),
          ownership: isPublic ? "PUBLIC" : "PRIVATE",
          designatedSince: dice.date(level === "LEVEL_3" ? "2000-01-01" : "2003-01-01", "2022-12-31"),
        });
      }
    }
  }
  return out;
}

/** The open services of a generated institution in the file format (for CSV import). */
export function servicesField(inst: GeneratedInstitution): string {
  return formatServices(
    inst.services
      .filter((s) => s.closedOn === null)
      .map((s) => ({ service: s.service, diseases: s.diseases, openedOn: s.openedOn })),
  );
}

/** Counties, cities and provinces of the demo areas, from the region table. */
export async function loadDemoRegions(client: pg.ClientBase): Promise<RegionLite[]> {
  const { rows } = await client.query<RegionLite>(
    `SELECT code, name, level::text AS level, parent_code AS "parentCode" FROM region
      WHERE left(code, 2) IN ('11', '12', '13', '31', '32', '33', '34') ORDER BY code`,
  );
  return rows;
}

// ---- Loading into the database ------------------------------------------------------------------------

const ROSTER_SEED = 20_260_101;
export const DEMO_ROSTER_SIZE = 6_000;

/**
 * Loads the demo roster when the institution table is empty (set-based inserts, one
 * transaction), and turns on maker-checker for the 河北省 bureau so hb_roster / hb_roster2 can
 * show it. Returns false when institutions already exist.
 */
export async function seedRoster(client: pg.ClientBase, count = DEMO_ROSTER_SIZE): Promise<boolean> {
  const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM institution");
  if ((rows[0]?.n ?? 0) > 0) return false;
  const regions = await loadDemoRegions(client);
  const roster = generateRoster({ count, seed: ROSTER_SEED, regions });
  const { rows: ids } = await client.query<{ id: string }>(
    "SELECT gen_random_uuid()::text AS id FROM generate_series(1, $1)",
    [roster.length],
  );
  const col = <T>(f: (r: GeneratedInstitution, i: number) => T) => roster.map(f);
  const actor = "system (demo)";
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO institution (id, code, name, short_name, type, level, grade, ownership, region_code, address, phone,
                                status, status_since, status_reason, designated_since, created_at, updated_at)
       SELECT u.id, u.code, u.name, u.short_name, u.type::"InstitutionType", u.level::"InstitutionLevel", u.grade::"InstitutionGrade",
              u.ownership::"Ownership", u.region_code, u.address, u.phone, u.status::"InstitutionStatus", u.status_since,
              u.status_reason, u.designated_since, u.designated_since::timestamptz, greatest(u.status_since, u.designated_since)::timestamptz
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::text[], $13::date[], $14::text[], $15::date[])
           AS u(id, code, name, short_name, type, level, grade, ownership, region_code, address, phone, status, status_since, status_reason, designated_since)`,
      [
        ids.map((r) => r.id),
        col((r) => r.code),
        col((r) => r.name),
        col((r) => r.shortName),
        col((r) => r.type),
        col((r) => r.level),
        col((r) => r.grade),
        col((r) => r.ownership),
        col((r) => r.regionCode),
        col((r) => r.address),
        col((r) => r.phone),
        col((r) => r.status),
        col((r) => r.statusSince),
        col((r) => r.statusReason),
        col((r) => r.designatedSince),
      ],
    );
    // Status events: ACTIVE on designation, then the current status when it differs.
    const ev = roster.flatMap((r, i) => [
      { id: ids[i]!.id, status: "ACTIVE", on: r.designatedSince, reason: REASONS.designated },
      ...(r.status !== "ACTIVE"
        ? [{ id: ids[i]!.id, status: r.status, on: r.statusSince, reason: r.statusReason ?? "" }]
        : []),
    ]);
    await client.query(
      `INSERT INTO institution_status_event (institution_id, status, effective_on, reason, actor_name, created_at)
       SELECT u.id, u.status::"InstitutionStatus", u.eff, u.reason, $5, u.eff::timestamptz
         FROM unnest($1::uuid[], $2::text[], $3::date[], $4::text[]) AS u(id, status, eff, reason)`,
      [ev.map((e) => e.id), ev.map((e) => e.status), ev.map((e) => e.on), ev.map((e) => e.reason), actor],
    );
    const sv = roster.flatMap((r, i) => r.services.map((s) => ({ id: ids[i]!.id, ...s })));
    await client.query(
      `INSERT INTO institution_service (institution_id, service, diseases, opened_on, closed_on, close_reason, created_at)
       SELECT u.id, u.service::"CrossRegionService", CASE WHEN u.service = 'CHRONIC' THEN string_to_array(u.diseases, ',')::"ChronicDisease"[] ELSE '{}' END,
              u.opened_on, u.closed_on, u.close_reason, u.opened_on::timestamptz
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::date[], $6::text[]) AS u(id, service, diseases, opened_on, closed_on, close_reason)`,
      [
        sv.map((s) => s.id),
        sv.map((s) => s.service),
        sv.map((s) => s.diseases.join(",")),
        sv.map((s) => s.openedOn),
        sv.map((s) => s.closedOn),
        sv.map((s) => s.closeReason),
      ],
    );
    await client.query(
      `INSERT INTO institution_history (institution_id, at, actor_name, source, field, after)
       SELECT u.id, u.at::timestamptz, $3, 'CREATE', '*', u.after::jsonb
         FROM unnest($1::uuid[], $2::text[], $4::text[]) AS u(id, after, at)`,
      [
        ids.map((r) => r.id),
        roster.map((r) =>
          JSON.stringify({
            name: r.name,
            type: r.type,
            level: r.level,
            grade: r.grade,
            regionCode: r.regionCode,
            designatedSince: r.designatedSince,
            demo: true,
          }),
        ),
        actor,
        roster.map((r) => r.designatedSince),
      ],
    );
    await client.query("UPDATE bureau SET maker_checker = true WHERE region_code = '130000'");
    await client.query(
      `INSERT INTO audit_log (actor_name, action, entity_type, entity_id, after) VALUES ('system', 'SEED_DEMO', 'Database', 'roster', $1::jsonb)`,
      [JSON.stringify({ institutions: roster.length, services: sv.length })],
    );
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  }
  return true;
}
