// Region groups for tests: created through the service (audited, as a real admin would).
import type { Actor } from "@/lib/auth/actor";
import { createRegionGroup } from "@/lib/regions/groups/service";
import type { CreateRegionGroupInput } from "@/lib/regions/groups/schemas";
import { createActor } from "./index";

let n = 0;
/** A unique slug (the table is shared by the tests of a worker). */
export const groupSlug = (base = "g") => `${base}-${process.pid}-${Date.now().toString(36)}-${(n++).toString(36)}`;

export async function createGroup(overrides: Partial<CreateRegionGroupInput> & { owner?: Actor } = {}) {
  const { owner, ...input } = overrides;
  const admin = owner ?? (await createActor("130000", ["ADMIN"]));
  return createRegionGroup(admin, {
    slug: groupSlug(),
    nameZh: "测试组",
    nameEn: "Test group",
    members: ["110000", "120000", "130000"],
    ...input,
  });
}
