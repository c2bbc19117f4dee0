import { describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { createActor } from "../../../tests/factories";
import { createGroup, groupSlug } from "../../../tests/factories/region-groups";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../errors";
import { requireRegionGroup, listRegionGroups, resolveRegionTokens } from "./queries";
import { createRegionGroup, retireRegionGroup, updateRegionGroup } from "./service";

describe("region groups", () => {
  it("an admin creates a group owned by their bureau, audited; other roles cannot", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const slug = groupSlug("jjj");
    const g = await createRegionGroup(admin, {
      slug,
      nameZh: "京津冀",
      nameEn: "Beijing-Tianjin-Hebei",
      members: ["110000", "120000", "130000", "131000"],
    });
    expect(g.ownerBureauId).toBe(admin.bureauId);
    expect(g.prefixes).toEqual(["11", "12", "13"]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "RegionGroup", entityId: g.id } });
    expect(audit.action).toBe("CREATE");
    expect(audit.entityRegion).toBe("130000");
    await expect(
      createRegionGroup(await createActor("130000", ["ANALYST"]), {
        slug: groupSlug(),
        nameZh: "x",
        nameEn: "x",
        members: ["130000"],
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createRegionGroup(admin, { slug, nameZh: "x", nameEn: "x", members: ["130000"] }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      createRegionGroup(admin, { slug: groupSlug(), nameZh: "x", nameEn: "x", members: ["139999"] }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      createRegionGroup(admin, { slug: "Bad_Slug", nameZh: "x", nameEn: "x", members: ["130000"] }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("edits need the owner's region and the current version; each edit is audited with its diff", async () => {
    const g = await createGroup();
    const hebei = await createActor("130000", ["ADMIN"]);
    const updated = await updateRegionGroup(hebei, g.slug, { nameZh: "京津冀协同", version: 1 });
    expect(updated.nameZh).toBe("京津冀协同");
    expect(updated.version).toBe(2);
    await expect(updateRegionGroup(hebei, g.slug, { nameZh: "再改", version: 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(
      updateRegionGroup(await createActor("320000", ["ADMIN"]), g.slug, { nameZh: "越权", version: 2 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateRegionGroup(await createActor("131000", ["ADMIN"]), g.slug, { nameZh: "下级", version: 2 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const national = await createActor("000000", ["ADMIN"]);
    expect((await updateRegionGroup(national, g.slug, { members: ["110000"], version: 2 })).prefixes).toEqual(["11"]);
    const audits = await prisma.auditLog.findMany({
      where: { entityType: "RegionGroup", entityId: g.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(["CREATE", "UPDATE", "UPDATE"]);
    expect(audits[1]!.before).toEqual({ nameZh: "测试组" });
    expect(audits[1]!.after).toEqual({ nameZh: "京津冀协同" });
  });

  it("a retired group leaves the list, still resolves, and is audited as RETIRE", async () => {
    const g = await createGroup({ nameZh: "退役组" });
    const admin = await createActor("130000", ["ADMIN"]);
    await retireRegionGroup(admin, g.slug, 1);
    const slugs = (await listRegionGroups(admin, { q: "退役组" })).items.map((x) => x.slug);
    expect(slugs).not.toContain(g.slug);
    expect((await listRegionGroups(admin, { q: "退役组", retired: "ONLY" })).items.map((x) => x.slug)).toContain(
      g.slug,
    );
    expect(await resolveRegionTokens(admin, [`group:${g.slug}`], "visitRegion")).toEqual(["11", "12", "13"]);
    expect(
      (await prisma.auditLog.findFirstOrThrow({ where: { entityId: g.id }, orderBy: { id: "desc" } })).action,
    ).toBe("RETIRE");
  });

  it("an OWNER_REGION group is invisible and unusable outside the owner's region", async () => {
    const g = await createGroup({ visibility: "OWNER_REGION", members: ["131082", "131028", "131024"] });
    const beijing = await createActor("110000", ["ANALYST"]);
    const langfang = await createActor("131000", ["ANALYST"]);
    await expect(requireRegionGroup(beijing, g.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(resolveRegionTokens(beijing, [`group:${g.slug}`], "homeRegion")).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await requireRegionGroup(langfang, g.slug)).slug).toBe(g.slug);
    expect(await resolveRegionTokens(langfang, [`group:${g.slug}`, "1310"], "homeRegion")).toEqual(["1310"]);
  });
});
