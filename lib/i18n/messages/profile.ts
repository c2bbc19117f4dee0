import { defineMessages } from "./define";

export const profile = defineMessages(
  { title: "个人设置", tokenNeedsSession: "API 令牌只能在登录后的页面上创建" },
  { title: "My profile", tokenNeedsSession: "API tokens can only be created from a signed-in browser session" },
);
