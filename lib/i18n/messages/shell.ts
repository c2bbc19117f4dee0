import { defineEntries } from "./define";

export const nav = defineEntries({
  home: { zh: "工作台", en: "Workbench" },
  facilities: { zh: "机构名录", en: "Institution roster" },
  agreements: { zh: "协议管理", en: "Agreements" },
  statistics: { zh: "统计分析", en: "Statistics" },
  complaints: { zh: "投诉工单", en: "Complaint tickets" },
  admin: { zh: "系统管理", en: "Administration" },
  users: { zh: "用户管理", en: "Users" },
  audit: { zh: "审计日志", en: "Audit log" },
  bureaus: { zh: "经办机构", en: "Bureaus" },
  regions: { zh: "行政区划", en: "Regions" },
  profile: { zh: "个人设置", en: "My profile" },
  signOut: { zh: "退出登录", en: "Sign out" },
  openMenu: { zh: "打开导航", en: "Open navigation" },
  mainNav: { zh: "主导航", en: "Main navigation" },
  skipToContent: { zh: "跳到主要内容", en: "Skip to main content" },
  userMenu: { zh: "用户菜单：{name}", en: "User menu: {name}" },
  region: { zh: "管辖区域：{region}", en: "Jurisdiction: {region}" },
  roles: { zh: "角色：{roles}", en: "Roles: {roles}" },
  roleSeparator: { zh: "、", en: ", " },
});

export const roles = defineEntries({
  ADMIN: { zh: "系统管理员", en: "Administrator" },
  ROSTER_MANAGER: { zh: "名录管理员", en: "Roster manager" },
  AGREEMENT_OFFICER: { zh: "协议经办人", en: "Agreement officer" },
  ANALYST: { zh: "统计分析员", en: "Analyst" },
  COMPLAINT_HANDLER: { zh: "投诉处理人", en: "Complaint handler" },
});

export const home = defineEntries({
  welcome: { zh: "{name}，您好", en: "Hello, {name}" },
  intro: {
    zh: "您正在使用{bureau}的账号，数据范围为{region}及其下辖区域。",
    en: "You are signed in for {bureau}; your data scope is {region} and everything below it.",
  },
  facilitiesDesc: {
    zh: "维护定点医疗机构、定点零售药店及其异地就医直接结算开通情况",
    en: "Keep designated hospitals and pharmacies and the cross-region services each has opened",
  },
  agreementsDesc: {
    zh: "登记地区间互认协议，查询“该机构对某参保地人员是否可直接结算”",
    en: "Record recognition agreements and answer “can this patient settle here?”",
  },
  statisticsDesc: {
    zh: "异地就医结算人次、医疗费用、基金支付及同比环比、地区流向",
    en: "Cross-region visits, medical cost, fund payment, growth and flows between regions",
  },
  complaintsDesc: {
    zh: "跨地区协同处理结算失败、费用争议等投诉工单，按时限督办",
    en: "Work settlement complaints jointly with the other bureau, on SLA timers",
  },
  adminDesc: {
    zh: "管理本辖区用户、角色与审计日志",
    en: "Manage users and roles of your jurisdiction and read the audit log",
  },
  regionsDesc: {
    zh: "浏览全国行政区划（GB/T 2260）与统筹区",
    en: "Browse the national region tree (GB/T 2260) and pooling areas",
  },
});
