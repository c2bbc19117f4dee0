// Demo region groups (decision 020): the groups the source reports name. Seeded once, when the
// table is empty and the demo bureaus exist; owned by the bureau that would keep each.
import type { PrismaClient } from "../../lib/db/generated/client";

export const DEMO_GROUPS: {
  slug: string;
  nameZh: string;
  nameEn: string;
  description: string;
  members: string[];
  owner: string;
}[] = [
  {
    slug: "jing-jin-ji",
    nameZh: "京津冀",
    nameEn: "Beijing-Tianjin-Hebei",
    description: "京津冀协同发展：北京、天津、河北",
    members: ["110000", "120000", "130000"],
    owner: "000000",
  },
  {
    slug: "chang-san-jiao",
    nameZh: "长三角",
    nameEn: "Yangtze River Delta",
    description: "长三角一体化：上海、江苏、浙江、安徽",
    members: ["310000", "320000", "330000", "340000"],
    owner: "000000",
  },
  {
    slug: "shi-fan-qu",
    nameZh: "示范区",
    nameEn: "Demonstration Zone",
    description: "长三角生态绿色一体化发展示范区：青浦区、吴江区、嘉善县（异地购药试点）",
    members: ["310118", "320509", "330421"],
    owner: "310000",
  },
  {
    slug: "bei-san-xian",
    nameZh: "北三县",
    nameEn: "Three Northern Counties",
    description: "与北京通州相邻的三河市、大厂回族自治县、香河县",
    members: ["131082", "131028", "131024"],
    owner: "130000",
  },
];

/** Returns false when groups exist already or the owner bureaus are missing. */
export async function seedRegionGroups(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.regionGroup.count()) > 0) return false;
  const bureaus = new Map(
    (await prisma.bureau.findMany({ select: { id: true, regionCode: true } })).map((b) => [b.regionCode, b.id]),
  );
  if (!DEMO_GROUPS.every((g) => bureaus.has(g.owner))) return false;
  await prisma.$transaction(async (tx) => {
    for (const { owner, ...g } of DEMO_GROUPS)
      await tx.regionGroup.create({ data: { ...g, ownerBureauId: bureaus.get(owner)! } });
    await tx.auditLog.create({
      data: {
        actorName: "system",
        action: "SEED_DEMO",
        entityType: "RegionGroup",
        entityId: "demo",
        after: { groups: DEMO_GROUPS.map((g) => g.slug) },
      },
    });
  });
  return true;
}
