import { defineMessages } from "./define";

export const nav = defineMessages(
  {
    home: "工作台",
    facilities: "机构名录",
    agreements: "协议管理",
    statistics: "统计分析",
    complaints: "投诉工单",
    admin: "系统管理",
    users: "用户管理",
    audit: "审计日志",
    bureaus: "经办机构",
    regions: "行政区划",
    profile: "个人设置",
    signOut: "退出登录",
    openMenu: "打开导航",
    mainNav: "主导航",
    skipToContent: "跳到主要内容",
    userMenu: "用户菜单：{name}",
    bureau: "所属机构",
    region: "管辖区域：{region}",
    roles: "角色：{roles}",
    roleSeparator: "、",
  },
  {
    home: "Workbench",
    facilities: "Institution roster",
    agreements: "Agreements",
    statistics: "Statistics",
    complaints: "Complaint tickets",
    admin: "Administration",
    users: "Users",
    audit: "Audit log",
    bureaus: "Bureaus",
    regions: "Regions",
    profile: "My profile",
    signOut: "Sign out",
    openMenu: "Open navigation",
    mainNav: "Main navigation",
    skipToContent: "Skip to main content",
    userMenu: "User menu: {name}",
    bureau: "Bureau",
    region: "Jurisdiction: {region}",
    roles: "Roles: {roles}",
    roleSeparator: ", ",
  },
);

export const roles = defineMessages(
  {
    ADMIN: "系统管理员",
    ROSTER_MANAGER: "名录管理员",
    AGREEMENT_OFFICER: "协议经办人",
    ANALYST: "统计分析员",
    COMPLAINT_HANDLER: "投诉处理人",
  },
  {
    ADMIN: "Administrator",
    ROSTER_MANAGER: "Roster manager",
    AGREEMENT_OFFICER: "Agreement officer",
    ANALYST: "Analyst",
    COMPLAINT_HANDLER: "Complaint handler",
  },
);

export const home = defineMessages(
  {
    welcome: "{name}，您好",
    intro: "您正在使用{bureau}的账号，数据范围为{region}及其下辖区域。",
    yourJobs: "您的工作",
    facilitiesDesc: "维护定点医疗机构、定点零售药店及其异地就医直接结算开通情况",
    agreementsDesc: "登记地区间互认协议，查询“该机构对某参保地人员是否可直接结算”",
    statisticsDesc: "异地就医结算人次、医疗费用、基金支付及同比环比、地区流向",
    complaintsDesc: "跨地区协同处理结算失败、费用争议等投诉工单，按时限督办",
    adminDesc: "管理本辖区用户、角色与审计日志",
    regionsDesc: "浏览全国行政区划（GB/T 2260）与统筹区",
    open: "进入",
  },
  {
    welcome: "Hello, {name}",
    intro: "You are signed in for {bureau}; your data scope is {region} and everything below it.",
    yourJobs: "Your work",
    facilitiesDesc: "Keep designated hospitals and pharmacies and the cross-region services each has opened",
    agreementsDesc: "Record recognition agreements and answer “can this patient settle here?”",
    statisticsDesc: "Cross-region visits, medical cost, fund payment, growth and flows between regions",
    complaintsDesc: "Work settlement complaints jointly with the other bureau, on SLA timers",
    adminDesc: "Manage users and roles of your jurisdiction and read the audit log",
    regionsDesc: "Browse the national region tree (GB/T 2260) and pooling areas",
    open: "Open",
  },
);

export const placeholder = defineMessages(
  {
    facilities: "机构名录模块将提供：定点医药机构档案、异地结算服务开通与历史、批量导入导出、覆盖情况。",
    agreements: "协议管理模块将提供：地区间互认协议登记与生命周期、支付比例规则、资格核验。",
    statistics: "统计分析模块将提供：结算明细导入、人次/费用/基金支付及同比环比、地区流向看板。",
    complaints: "投诉工单模块将提供：就医地与参保地协同处理、时限督办、停机公告、每日“异”报。",
  },
  {
    facilities: "The roster module will bring institution records, cross-region service openings with history, bulk import/export and coverage.",
    agreements: "The agreements module will bring recognition agreements with their lifecycle, payment-ratio rules and the eligibility check.",
    statistics: "The statistics module will bring settlement import, visits/cost/fund figures with YoY and MoM, and region-flow dashboards.",
    complaints: "The complaints module will bring tickets worked jointly by visit and home bureaus, SLA timers, downtime notices and the daily anomaly report.",
  },
);
