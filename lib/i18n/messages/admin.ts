import { defineMessages } from "./define";

export const admin = defineMessages(
  {
    bureauOutOfScope: "所选机构不在您的管辖范围内",
    cannotDisableSelf: "不能停用自己的账号",
    cannotDropOwnAdmin: "不能移除自己的系统管理员角色",
  },
  {
    bureauOutOfScope: "The chosen bureau is outside your jurisdiction",
    cannotDisableSelf: "You cannot disable your own account",
    cannotDropOwnAdmin: "You cannot remove your own administrator role",
  },
);
