// Test factories with overrides. They write through Prisma into the worker's own database.
import crypto from "node:crypto";
import { prisma } from "../../lib/db/client";
import type { Actor } from "../../lib/auth/actor";
import type { RoleName } from "../../lib/auth/roles";
import { hashPassword } from "../../lib/auth/password";
import { loadActor } from "../../lib/auth/load-actor";

export const TEST_PASSWORD = "Test-Passw0rd";
let cachedHash: string | undefined;
const uniq = () => crypto.randomBytes(4).toString("hex");

const LEVEL_OF = (code: string) =>
  code === "000000" ? "NATIONAL" : code.endsWith("0000") ? "PROVINCIAL" : "MUNICIPAL";

/** The bureau of a region, created on first use (one bureau per region). */
export async function bureauFor(regionCode: string, name?: string) {
  const existing = await prisma.bureau.findUnique({ where: { regionCode } });
  if (existing) return existing;
  const region = await prisma.region.findUniqueOrThrow({ where: { code: regionCode } });
  return prisma.bureau.upsert({
    where: { regionCode },
    update: {},
    create: {
      regionCode,
      name: name ?? `${region.name}医疗保障局`,
      nameEn: `${region.code} Healthcare Security Bureau`,
      level: LEVEL_OF(regionCode),
    },
  });
}

export async function createUser(
  overrides: { regionCode?: string; roles?: RoleName[]; username?: string; disabled?: boolean } = {},
) {
  const bureau = await bureauFor(overrides.regionCode ?? "130000");
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  return prisma.user.create({
    data: {
      username: overrides.username ?? `u_${uniq()}`,
      displayName: `测试用户${uniq().slice(0, 4)}`,
      bureauId: bureau.id,
      roles: overrides.roles ?? ["ADMIN"],
      passwordHash: cachedHash,
      disabled: overrides.disabled ?? false,
    },
  });
}

/** A signed-in actor of the given region and roles. */
export async function createActor(regionCode = "130000", roles: RoleName[] = ["ADMIN"]): Promise<Actor> {
  const user = await createUser({ regionCode, roles });
  const actor = await loadActor(user.id, null, "session");
  if (!actor) throw new Error("actor not loadable");
  return actor;
}
