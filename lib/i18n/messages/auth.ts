import { defineEntries } from "./define";

export const auth = defineEntries({
  signIn: { zh: "登录", en: "Sign in" },
  signInTitle: { zh: "用户登录", en: "Sign in" },
  signInSubtitle: {
    zh: "异地就医直接结算 · 跨地区协同工作台",
    en: "Cross-region direct settlement · inter-bureau workbench",
  },
  username: { zh: "用户名", en: "Username" },
  password: { zh: "密码", en: "Password" },
  signingIn: { zh: "正在登录…", en: "Signing in…" },
  badCredentials: { zh: "用户名或密码错误", en: "Wrong username or password" },
  throttled: {
    zh: "登录失败次数过多，请 {seconds} 秒后再试；如忘记密码请联系本单位系统管理员",
    en: "Too many failed sign-ins; try again in {seconds} seconds. If you forgot your password, contact your administrator",
  },
  disabled: {
    zh: "账号已停用，请联系本单位系统管理员",
    en: "This account is disabled; contact your bureau's administrator",
  },
  securityNote: {
    zh: "本系统仅供医保经办机构工作人员使用。请妥善保管账号密码，操作将被记录审计。",
    en: "For staff of medical-insurance bureaus only. Keep your credentials safe; every action is audited.",
  },
  changePassword: { zh: "修改密码", en: "Change password" },
  currentPassword: { zh: "当前密码", en: "Current password" },
  newPassword: { zh: "新密码", en: "New password" },
  confirmPassword: { zh: "确认新密码", en: "Confirm new password" },
  wrongCurrentPassword: { zh: "当前密码不正确", en: "The current password is wrong" },
  samePassword: { zh: "新密码不能与当前密码相同", en: "The new password must differ from the current one" },
  mustChangePassword: {
    zh: "首次登录或密码被重置后，请先修改密码",
    en: "Please change your password after first sign-in or a reset",
  },
});
