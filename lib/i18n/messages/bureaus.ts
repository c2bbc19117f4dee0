import { defineEntries } from "./define";

export const bureaus = defineEntries({
  title: { zh: "经办机构", en: "Bureaus" },
  subtitle: {
    zh: "本辖区及下级医疗保障局；名录变更的“双人复核”在此按局开启",
    en: "Bureaus of your jurisdiction and below; roster maker-checker is switched on here per bureau",
  },
  create: { zh: "新建经办机构", en: "New bureau" },
  createTitle: { zh: "新建经办机构", en: "New bureau" },
  editTitle: { zh: "编辑经办机构", en: "Edit bureau" },
  name: { zh: "机构名称", en: "Name" },
  nameEn: { zh: "英文名称", en: "English name" },
  region: { zh: "所在区域", en: "Region" },
  regionCode: { zh: "行政区划代码", en: "Region code" },
  regionCodeHint: {
    zh: "省级或地市级 6 位代码，如 130600（保定市）",
    en: "6-digit province or city code, e.g. 130600 (Baoding)",
  },
  regionNotAllowed: {
    zh: "应为您管辖范围内的省级或地市级区划代码",
    en: "Must be a province or city code inside your jurisdiction",
  },
  level: { zh: "层级", en: "Level" },
  users: { zh: "用户数", en: "Users" },
  makerChecker: { zh: "名录变更双人复核", en: "Roster maker-checker" },
  makerCheckerHint: {
    zh: "开启后，名录管理员对机构信息的修改须经本局另一名名录管理员审核后生效",
    en: "When on, a roster manager's edit takes effect only after another roster manager of this bureau approves it",
  },
  on: { zh: "已开启", en: "On" },
  off: { zh: "未开启", en: "Off" },
  levels: {
    NATIONAL: { zh: "国家级", en: "National" },
    PROVINCIAL: { zh: "省级", en: "Provincial" },
    MUNICIPAL: { zh: "地市级", en: "Municipal" },
  },
});
