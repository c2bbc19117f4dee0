import { defineEntries } from "./define";

// Region names themselves are official Chinese names and stay Chinese in every locale.
export const regions = defineEntries({
  title: { zh: "行政区划", en: "Regions" },
  subtitle: {
    zh: "全国行政区划（GB/T 2260）与医保统筹区，供机构名录、协议、统计等模块统一引用。",
    en: "The national region tree (GB/T 2260) and medical-insurance pooling areas, shared by the roster, agreements and statistics.",
  },
  notFound: { zh: "行政区划代码 {code} 不存在", en: "There is no region with code {code}" },
  myJurisdiction: { zh: "我的管辖区域", en: "My jurisdiction" },
  picker: {
    placeholder: {
      zh: "名称、拼音、首字母或代码，如 河北、hebei、hb、13",
      en: "Name, pinyin, initials or code, e.g. hebei, hb, 13",
    },
    noMatch: { zh: "没有匹配的地区", en: "No matching region" },
    loading: { zh: "正在查找…", en: "Searching…" },
    browse: { zh: "下级区划", en: "Sub-regions" },
    drill: { zh: "查看{name}的下级区划", en: "Sub-regions of {name}" },
    up: { zh: "返回上一级", en: "Up one level" },
    codeTitle: { zh: "区划代码 {code}", en: "Region code {code}" },
  },
  levels: {
    NATION: { zh: "全国", en: "Nation" },
    PROVINCE: { zh: "省级", en: "Province" },
    CITY: { zh: "地级", en: "Prefecture" },
    COUNTY: { zh: "县级", en: "County" },
  },
  stats: {
    ariaLabel: { zh: "全国区划数量", en: "Regions in the country" },
    provinces: { zh: "省级行政区", en: "Provincial regions" },
    provincesNote: { zh: "含新疆生产建设兵团", en: "Including the Xinjiang Production and Construction Corps" },
    cities: { zh: "地级行政区", en: "Prefecture-level regions" },
    citiesNote: {
      zh: "含 {groups} 个“省直辖县级行政区划”分组",
      en: "Including {groups} groups of county-level units directly under a province",
    },
    counties: { zh: "县级行政区", en: "County-level regions" },
    countiesNote: {
      zh: "市辖区、县级市、县、旗等，含代码表中的功能区",
      en: "Districts, county-level cities, counties, banners…, including zones listed in the code table",
    },
    poolingAreas: { zh: "统筹区", en: "Pooling areas" },
    poolingAreasNote: {
      zh: "地级市、直辖市、省直辖县（市）及新疆生产建设兵团",
      en: "Prefecture-level cities, municipalities, counties directly under a province, and the Corps",
    },
    unit: { zh: "个", en: "" },
  },
  breadcrumb: { zh: "区划路径", en: "Region path" },
  detail: {
    code: { zh: "区划代码", en: "Code" },
    level: { zh: "层级", en: "Level" },
    parent: { zh: "上级区划", en: "Parent" },
    poolingAreaOf: { zh: "所属统筹区", en: "Pooling area" },
    poolingAreaOfNone: {
      zh: "不适用（由下级统筹区分别统筹）",
      en: "Not applicable (each pooling area below runs its own fund)",
    },
    childCount: { zh: "下级区划", en: "Sub-regions" },
    childCountValue: { zh: "{count} 个", en: "{count}" },
    poolingChip: { zh: "统筹区", en: "Pooling area" },
    yourScope: { zh: "您的管辖区域", en: "Your jurisdiction" },
  },
  children: {
    title: { zh: "下级区划", en: "Sub-regions" },
    rootTitle: { zh: "省级行政区", en: "Provincial regions" },
    count: { zh: "共 {count} 个", en: "{count} in total" },
    code: { zh: "代码", en: "Code" },
    name: { zh: "名称", en: "Name" },
    level: { zh: "层级", en: "Level" },
    poolingArea: { zh: "统筹区", en: "Pooling area" },
    childCount: { zh: "下级区划数", en: "Sub-regions" },
    drill: { zh: "查看下级", en: "Open" },
    drillLabel: { zh: "查看{name}的下级区划", en: "Open the sub-regions of {name}" },
    leaf: { zh: "{name}无下级区划。", en: "{name} has no sub-regions." },
  },
  search: {
    label: { zh: "搜索区划", en: "Search regions" },
    placeholder: {
      zh: "名称、拼音、首字母或代码前缀，如 廊坊、langfang、lf、1310",
      en: "Name, pinyin, initials or code prefix, e.g. 廊坊, langfang, lf or 1310",
    },
    submit: { zh: "搜索", en: "Search" },
    clear: { zh: "清除搜索", en: "Clear search" },
    scope: { zh: "搜索范围：{scope}", en: "Searching in: {scope}" },
    nationwide: { zh: "改为全国范围", en: "Search the whole country" },
    resultsTitle: { zh: "“{q}”的搜索结果", en: "Results for “{q}”" },
    path: { zh: "所属区划", en: "Within" },
    truncated: {
      zh: "仅显示前 {limit} 条，请输入更具体的名称或更长的代码前缀。",
      en: "Only the first {limit} are shown; type a more specific name or a longer code prefix.",
    },
    noResults: { zh: "在{scope}范围内未找到与“{q}”匹配的区划。", en: "No region in {scope} matches “{q}”." },
  },
});
