// Boundary schemas of region groups (requests and answers). Messages are i18n keys.
import { z } from "zod";
import { pageParams } from "../../http/query";
import { SLUG_RE } from "./normalize";

export const REGION_GROUP_VISIBILITIES = ["NATIONAL", "OWNER_REGION"] as const;
export type RegionGroupVisibility = (typeof REGION_GROUP_VISIBILITIES)[number];

const visibilitySchema = z.enum(REGION_GROUP_VISIBILITIES, { error: "validation.invalidEnum" }).meta({
  id: "RegionGroupVisibility",
  description:
    "NATIONAL: every signed-in user; OWNER_REGION: users whose bureau lies in (or above) the owner bureau's region",
});

export const slugSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(2, "regionGroups.errors.slug")
  .max(40, "regionGroups.errors.slug")
  .regex(SLUG_RE, "regionGroups.errors.slug")
  .meta({
    description: "Stable handle, lowercase ascii and hyphens; a region parameter takes it as group:<slug>",
    example: "jing-jin-ji",
  });

const nameZh = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(40, "validation.tooLong");
const nameEn = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(80, "validation.tooLong");
const description = z.string().trim().max(500, "validation.tooLong");
const members = z
  .array(z.string().regex(/^\d{6}$/, "validation.invalidRegionCode"), { error: "validation.required" })
  .min(1, "regionGroups.errors.noMembers")
  .max(500, "validation.tooLong")
  .meta({
    description: "6-digit GB/T 2260 codes of any level (province, city, county); overlapping members count once",
    example: ["110000", "120000", "130000"],
  });

export const createRegionGroupSchema = z
  .object({
    slug: slugSchema,
    nameZh,
    nameEn,
    description: description.default(""),
    members,
    visibility: visibilitySchema.default("NATIONAL"),
  })
  .strict()
  .meta({ id: "CreateRegionGroup", description: "A new group, owned by the caller's bureau." });
export type CreateRegionGroupInput = z.infer<typeof createRegionGroupSchema>;

export const updateRegionGroupSchema = z
  .object({
    nameZh: nameZh.optional(),
    nameEn: nameEn.optional(),
    description: description.optional(),
    members: members.optional(),
    visibility: visibilitySchema.optional(),
    retired: z.boolean({ error: "validation.invalid" }).optional(),
    version: z.number({ error: "validation.required" }).int().positive(),
  })
  .strict()
  .meta({
    id: "UpdateRegionGroup",
    description:
      "Only the fields given change (the slug never does). `version` is the one last read; a stale one gives 409.",
  });
export type UpdateRegionGroupInput = z.infer<typeof updateRegionGroupSchema>;

export const listRegionGroupsSchema = z.object({
  q: z.string().trim().max(40).optional().meta({
    description: "Part of the name (zh or en) or slug, or the pinyin (jingjinji) or initials (jjj) of the Chinese name",
  }),
  retired: z
    .enum(["INCLUDE", "ONLY", "EXCLUDE"], { error: "validation.invalidEnum" })
    .default("EXCLUDE")
    .meta({ description: "Retired groups: left out (default), included, or only them" }),
  ...pageParams(50),
});
export type ListRegionGroupsInput = z.infer<typeof listRegionGroupsSchema>;

export const regionGroupPathSchema = z.object({
  slug: z.string().meta({ description: "The group's slug", example: "jing-jin-ji" }),
});

export const retireRegionGroupQuerySchema = z.object({
  version: z
    .string({ error: "validation.required" })
    .regex(/^[1-9]\d{0,8}$/, "validation.invalid")
    .meta({ description: "The group's version as last read; a stale one gives 409" }),
});

const regionRef = z.object({ code: z.string(), name: z.string() }).meta({ id: "RegionGroupMember" });

export const regionGroupSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    token: z
      .string()
      .meta({ description: "What a region parameter takes for this group", example: "group:jing-jin-ji" }),
    nameZh: z.string(),
    nameEn: z.string(),
    description: z.string(),
    members: z.array(regionRef).meta({ description: "Members as entered" }),
    prefixes: z.array(z.string()).meta({
      description:
        "The members as the smallest set of code prefixes (2/4/6 digits) covering them: what a filter by the group matches",
      example: ["11", "12", "13"],
    }),
    ownerBureau: z.object({ id: z.uuid(), name: z.string(), nameEn: z.string(), regionCode: z.string() }),
    visibility: visibilitySchema,
    retired: z.boolean(),
    version: z.number().int().meta({ description: "Optimistic-lock version; send it back with PATCH and DELETE" }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "RegionGroup" });

export const regionGroupPageSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(regionGroupSchema),
  })
  .meta({ id: "RegionGroupPage" });
