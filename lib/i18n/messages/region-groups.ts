import { defineEntries } from "./define";

// Region groups (decision 020) and the flows-at-a-glance panels of the dashboard.
export const regionGroups = defineEntries({
  pickerGroup: { zh: "区域组 · {count} 个地区", en: "Region group · {count} regions" },
  errors: {
    slug: {
      zh: "标识应为 2–40 位小写字母、数字和连字符，如 jing-jin-ji",
      en: "2–40 lowercase letters, digits and hyphens, e.g. jing-jin-ji",
    },
    noMembers: { zh: "至少包含一个地区", en: "At least one region" },
    unknownMember: { zh: "成员中有不存在的行政区划代码", en: "A member is not a known region code" },
    unknown: { zh: "区域组 {slug} 不存在或不可用", en: "Region group {slug} does not exist or is not available" },
  },
  flows: {
    tileTitle: { zh: "省级流向分布", en: "Flows by province" },
    tileSubtitle: {
      zh: "每个方块代表一个省级行政区（示意位置，非地图）；点击下钻到该省",
      en: "One square per provincial-level unit (approximate position, not a map); click to drill into it",
    },
    measure: { zh: "着色指标", en: "Shade by" },
    outflow: { zh: "流出（本省参保、外省就医）", en: "Outflow (insured here, treated elsewhere)" },
    inflow: { zh: "流入（外省参保、本省就医）", en: "Inflow (insured elsewhere, treated here)" },
    net: { zh: "净流入（流入 − 流出）", en: "Net inflow (inflow − outflow)" },
    short: {
      outflow: { zh: "流出", en: "Outflow" },
      inflow: { zh: "流入", en: "Inflow" },
      net: { zh: "净流入", en: "Net inflow" },
    },
    noData: { zh: "无数据", en: "No data" },
    sankeyTitle: { zh: "主要流向（参保地 → 就医地）", en: "Main flows (home → visit region)" },
    sankeySubtitle: { zh: "前 {count} 个流向，按结算人次", en: "Top {count} flows by settled visits" },
    sankeyLevel: { zh: "层级", en: "Level" },
    levelProvince: { zh: "省级", en: "Province" },
    levelCity: { zh: "地级", en: "City" },
    levelGroup: { zh: "区域组", en: "Region group" },
    sankeyEmpty: { zh: "所选范围内没有跨地区流向", en: "No cross-region flows in the selection" },
    home: { zh: "参保地", en: "Home region" },
    visit: { zh: "就医地", en: "Visit region" },
    visits: { zh: "结算人次", en: "Settled visits" },
    region: { zh: "省级行政区", en: "Province" },
    drill: { zh: "下钻到{name}", en: "Drill into {name}" },
    tileLabel: { zh: "{name}：{value}", en: "{name}: {value}" },
  },
});
