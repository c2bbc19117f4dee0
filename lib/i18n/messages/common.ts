import { defineEntries } from "./define";

export const common = defineEntries({
  appName: { zh: "医保异地就医协同平台", en: "Cross-Region Medical Insurance Coordination Platform" },
  appShort: { zh: "异地就医协同", en: "Cross-Region Coordination" },
  save: { zh: "保存", en: "Save" },
  cancel: { zh: "取消", en: "Cancel" },
  edit: { zh: "编辑", en: "Edit" },
  confirm: { zh: "确认", en: "Confirm" },
  close: { zh: "关闭", en: "Close" },
  search: { zh: "搜索", en: "Search" },
  reset: { zh: "重置", en: "Reset" },
  actions: { zh: "操作", en: "Actions" },
  yes: { zh: "是", en: "Yes" },
  no: { zh: "否", en: "No" },
  all: { zh: "全部", en: "All" },
  switchLanguage: { zh: "English", en: "中文" },
  total: { zh: "共 {count} 条", en: "{count} in total" },
});

export const errors = defineEntries({
  validation: {
    zh: "提交的内容有误，请检查标红的字段",
    en: "Some fields are invalid; please check the highlighted fields",
  },
  unauthenticated: { zh: "请先登录", en: "Please sign in first" },
  forbidden: { zh: "您无权执行此操作", en: "You are not allowed to do this" },
  roleRequired: { zh: "需要以下角色之一：{roles}", en: "Needs one of these roles: {roles}" },
  notFound: { zh: "未找到该记录，或您无权查看", en: "Not found, or not visible to you" },
  noSuchEndpoint: {
    zh: "没有这个接口：{method} {path}（接口清单见 /api/v1/openapi.json）",
    en: "No such endpoint: {method} {path} (the list is at /api/v1/openapi.json)",
  },
  methodNotAllowed: {
    zh: "该接口不支持 {method}，可用：{allowed}",
    en: "This endpoint does not take {method}; it takes {allowed}",
  },
  conflict: { zh: "该记录已被他人修改，请刷新后重试", en: "Someone else changed this record; reload and try again" },
  duplicate: { zh: "已存在相同的值：{fields}", en: "A record with the same value already exists: {fields}" },
  duplicateValue: { zh: "该值已被使用", en: "This value is already in use" },
  rateLimited: { zh: "请求过于频繁，请稍后再试", en: "Too many requests; please try again later" },
  unsupportedMediaType: { zh: "请求体类型应为 {expected}", en: "The request body must be {expected}" },
  payloadTooLarge: { zh: "请求体过大（上限 {limit}）", en: "The request body is too large (limit {limit})" },
  crossSite: { zh: "拒绝来自其他站点的请求", en: "Requests from other sites are refused" },
  unavailable: { zh: "服务暂不可用，请稍后再试", en: "The service is unavailable; please try again shortly" },
  internal: {
    zh: "系统繁忙，请稍后重试。如持续出现，请联系系统管理员",
    en: "Something went wrong on our side. Please retry; if it persists, contact your administrator",
  },
  badJson: { zh: "请求体不是有效的 JSON", en: "The request body is not valid JSON" },
  pageNotFound: { zh: "页面不存在", en: "Page not found" },
  pageNotFoundHint: {
    zh: "您访问的页面不存在或已被移除。",
    en: "The page you asked for does not exist or has been removed.",
  },
  pageError: { zh: "页面出错了", en: "Something went wrong" },
  pageErrorHint: {
    zh: "处理您的请求时发生错误，已记录日志。请重试或返回首页。",
    en: "An error occurred while handling your request and has been logged. Retry or go back home.",
  },
  retry: { zh: "重试", en: "Retry" },
  home: { zh: "返回首页", en: "Back to home" },
});

export const validation = defineEntries({
  required: { zh: "必填", en: "Required" },
  tooShort: { zh: "至少 {min} 个字符", en: "At least {min} characters" },
  tooLong: { zh: "最多 {max} 个字符", en: "At most {max} characters" },
  invalid: { zh: "格式不正确", en: "Invalid format" },
  invalidRegionCode: { zh: "应为 6 位行政区划代码", en: "Must be a 6-digit region code" },
  invalidEnum: { zh: "取值无效", en: "Invalid value" },
  passwordRule: {
    zh: "密码至少 10 位，且须同时包含字母和数字",
    en: "At least 10 characters, with both letters and digits",
  },
  passwordWeak: {
    zh: "密码过于常见或容易猜测，请换一个更长、更少规律的密码",
    en: "This password is too common or easy to guess; choose a longer one with less pattern",
  },
  passwordPersonal: { zh: "密码不能包含用户名或姓名", en: "The password must not contain the username or the name" },
  passwordMismatch: { zh: "两次输入的密码不一致", en: "The passwords do not match" },
  atLeastOneRole: { zh: "至少选择一个角色", en: "Choose at least one role" },
  usernameRule: {
    zh: "用户名 3–40 位，以小写字母开头，只含小写字母、数字和 _ . -",
    en: "3–40 characters, starting with a lowercase letter; lowercase letters, digits and _ . - only",
  },
  number: { zh: "应为数字", en: "Must be a number" },
  tooSmall: { zh: "不能小于 {min}", en: "Must be at least {min}" },
  tooBig: { zh: "不能大于 {max}", en: "Must be at most {max}" },
  unknownField: { zh: "不允许的字段：{keys}", en: "Field not allowed: {keys}" },
  badCharacters: {
    zh: "含有不允许的字符（如空字符、控制字符或不成对的代理项）",
    en: "Contains characters that are not allowed (such as NUL, control characters or unpaired surrogates)",
  },
  unknownParameter: { zh: "不支持此查询参数", en: "Unknown query parameter" },
  repeatedParameter: {
    zh: "此查询参数只能出现一次（多个取值请用逗号分隔）",
    en: "This query parameter may appear only once (separate several values with commas)",
  },
  emptyParameter: {
    zh: "查询参数不能为空（不需要时请省略）",
    en: "Query parameters may not be empty (leave it out instead)",
  },
  badList: {
    zh: "应为逗号分隔的列表，不含空项和空格",
    en: "Must be a comma-separated list without empty items or spaces",
  },
  invalidRegion: {
    zh: "应为 6 位行政区划代码、省或市的 2、4 位前缀，或地区组 group:<标识>",
    en: "Must be a 6-digit region code, the 2- or 4-digit prefix of a province or city, or a region group group:<slug>",
  },
  invalidRegionPrefix: {
    zh: "应为 6 位行政区划代码，或省、市的 2、4 位前缀",
    en: "Must be a 6-digit region code, or the 2- or 4-digit prefix of a province or city",
  },
  rangeReversed: { zh: "结束不能早于开始", en: "The end may not be before the start" },
  futureDay: { zh: "不能是未来的日期", en: "May not be a future day" },
  unknownSortField: {
    zh: "不能按 {field} 排序，可用字段：{fields}",
    en: "Cannot sort by {field}; sortable fields: {fields}",
  },
  repeatedSortField: { zh: "排序字段 {field} 重复", en: "Sort field {field} given twice" },
});
