// Demo data for a fresh start: the national bureau, the 京津冀 and 长三角 bureaus, and users for
// every role in several bureaus. Deterministic: the same accounts every time. README lists them.
import type { PrismaClient } from "../../lib/db/generated/client";
import { hashPassword } from "../../lib/auth/password";
import type { RoleName } from "../../lib/auth/roles";

export const DEMO_PASSWORD = "Yibao@2026";

type Level = "NATIONAL" | "PROVINCIAL" | "MUNICIPAL";

export const DEMO_BUREAUS: { key: string; regionCode: string; name: string; nameEn: string; level: Level }[] = [
  {
    key: "nhsa",
    regionCode: "000000",
    name: "国家医疗保障局",
    nameEn: "National Healthcare Security Administration",
    level: "NATIONAL",
  },
  {
    key: "bj",
    regionCode: "110000",
    name: "北京市医疗保障局",
    nameEn: "Beijing Municipal Healthcare Security Bureau",
    level: "PROVINCIAL",
  },
  {
    key: "tj",
    regionCode: "120000",
    name: "天津市医疗保障局",
    nameEn: "Tianjin Municipal Healthcare Security Bureau",
    level: "PROVINCIAL",
  },
  {
    key: "hb",
    regionCode: "130000",
    name: "河北省医疗保障局",
    nameEn: "Hebei Provincial Healthcare Security Bureau",
    level: "PROVINCIAL",
  },
  {
    key: "sjz",
    regionCode: "130100",
    name: "石家庄市医疗保障局",
    nameEn: "Shijiazhuang Healthcare Security Bureau",
    level: "MUNICIPAL",
  },
  {
    key: "zjk",
    regionCode: "130700",
    name: "张家口市医疗保障局",
    nameEn: "Zhangjiakou Healthcare Security Bureau",
    level: "MUNICIPAL",
  },
  {
    key: "lf",
    regionCode: "131000",
    name: "廊坊市医疗保障局",
    nameEn: "Langfang Healthcare Security Bureau",
    level: "MUNICIPAL",
  },
  {
    key: "sh",
    regionCode: "310000",
    name: "上海市医疗保障局",
    nameEn: "Shanghai Municipal Healthcare Security Bureau",
    level: "PROVINCIAL",
  },
  {
    key: "js",
    regionCode: "320000",
    name: "江苏省医疗保障局",
    nameEn: "Jiangsu Provincial Healthcare Security Bureau",
    level: "PROVINCIAL",
  },
  {
    key: "zj",
    regionCode: "330000",
    name: "浙江省医疗保障局",
    nameEn: "Zhejiang Provincial Healthcare Security Bureau",
    level: "PROVINCIAL",
  },
  {
    key: "ah",
    regionCode: "340000",
    name: "安徽省医疗保障局",
    nameEn: "Anhui Provincial Healthcare Security Bureau",
    level: "PROVINCIAL",
  },
];

export const DEMO_USERS: { username: string; displayName: string; bureau: string; roles: RoleName[] }[] = [
  { username: "nhsa_admin", displayName: "王建国", bureau: "nhsa", roles: ["ADMIN"] },
  { username: "nhsa_analyst", displayName: "李晓燕", bureau: "nhsa", roles: ["ANALYST"] },
  { username: "nhsa_agreement", displayName: "赵志刚", bureau: "nhsa", roles: ["AGREEMENT_OFFICER"] },
  { username: "bj_admin", displayName: "刘洋", bureau: "bj", roles: ["ADMIN"] },
  { username: "bj_roster", displayName: "陈静", bureau: "bj", roles: ["ROSTER_MANAGER"] },
  { username: "bj_agreement", displayName: "杨帆", bureau: "bj", roles: ["AGREEMENT_OFFICER"] },
  { username: "bj_analyst", displayName: "黄磊", bureau: "bj", roles: ["ANALYST"] },
  { username: "bj_complaint", displayName: "周敏", bureau: "bj", roles: ["COMPLAINT_HANDLER"] },
  { username: "tj_admin", displayName: "吴刚", bureau: "tj", roles: ["ADMIN"] },
  { username: "tj_agreement", displayName: "徐丽", bureau: "tj", roles: ["AGREEMENT_OFFICER"] },
  { username: "tj_analyst", displayName: "孙浩", bureau: "tj", roles: ["ANALYST"] },
  { username: "tj_complaint", displayName: "马超", bureau: "tj", roles: ["COMPLAINT_HANDLER"] },
  { username: "hb_admin", displayName: "张伟", bureau: "hb", roles: ["ADMIN"] },
  { username: "hb_roster", displayName: "郭婷", bureau: "hb", roles: ["ROSTER_MANAGER"] },
  { username: "hb_roster2", displayName: "何军", bureau: "hb", roles: ["ROSTER_MANAGER"] },
  { username: "hb_agreement", displayName: "高峰", bureau: "hb", roles: ["AGREEMENT_OFFICER"] },
  { username: "hb_analyst", displayName: "林芳", bureau: "hb", roles: ["ANALYST"] },
  { username: "hb_complaint", displayName: "罗斌", bureau: "hb", roles: ["COMPLAINT_HANDLER"] },
  { username: "sjz_roster", displayName: "梁红", bureau: "sjz", roles: ["ROSTER_MANAGER"] },
  { username: "zjk_roster", displayName: "宋涛", bureau: "zjk", roles: ["ROSTER_MANAGER", "COMPLAINT_HANDLER"] },
  { username: "lf_admin", displayName: "郑鹏", bureau: "lf", roles: ["ADMIN"] },
  { username: "lf_roster", displayName: "谢娜", bureau: "lf", roles: ["ROSTER_MANAGER"] },
  { username: "lf_analyst", displayName: "韩冰", bureau: "lf", roles: ["ANALYST"] },
  { username: "lf_complaint", displayName: "唐亮", bureau: "lf", roles: ["COMPLAINT_HANDLER"] },
  { username: "sh_admin", displayName: "冯雪", bureau: "sh", roles: ["ADMIN"] },
  { username: "sh_roster", displayName: "曹阳", bureau: "sh", roles: ["ROSTER_MANAGER"] },
  { username: "sh_agreement", displayName: "彭程", bureau: "sh", roles: ["AGREEMENT_OFFICER"] },
  { username: "sh_analyst", displayName: "蒋琳", bureau: "sh", roles: ["ANALYST"] },
  { username: "sh_complaint", displayName: "沈佳", bureau: "sh", roles: ["COMPLAINT_HANDLER"] },
  { username: "js_agreement", displayName: "钱坤", bureau: "js", roles: ["AGREEMENT_OFFICER"] },
  { username: "js_analyst", displayName: "邹凯", bureau: "js", roles: ["ANALYST"] },
  { username: "zj_agreement", displayName: "叶青", bureau: "zj", roles: ["AGREEMENT_OFFICER"] },
  { username: "zj_complaint", displayName: "陆遥", bureau: "zj", roles: ["COMPLAINT_HANDLER"] },
  { username: "ah_agreement", displayName: "潘越", bureau: "ah", roles: ["AGREEMENT_OFFICER"] },
  { username: "ah_admin", displayName: "袁媛", bureau: "ah", roles: ["ADMIN"] },
];

/** Seeds bureaus and users when the database has none. Returns false when data already exists. */
export async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.bureau.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const b of DEMO_BUREAUS) {
      const bureau = await tx.bureau.create({
        data: { regionCode: b.regionCode, name: b.name, nameEn: b.nameEn, level: b.level },
      });
      ids.set(b.key, bureau.id);
    }
    await tx.user.createMany({
      data: DEMO_USERS.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        bureauId: ids.get(u.bureau)!,
        roles: u.roles,
        passwordHash,
      })),
    });
    await tx.auditLog.create({
      data: {
        actorName: "system",
        action: "SEED_DEMO",
        entityType: "Database",
        entityId: "demo",
        after: { bureaus: DEMO_BUREAUS.length, users: DEMO_USERS.length },
      },
    });
  });
  return true;
}
