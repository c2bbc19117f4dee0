// Boundary schemas for the region tree. Request messages are i18n keys, translated by the
// caller's locale. The response schemas document the API (OpenAPI) and type the queries, so
// what the handlers return and what the document promises cannot drift apart.
import { z } from "zod";
import { regionCodeParam } from "../http/query";
import { NATION_CODE } from "../auth/roles";

export const REGION_LEVELS = ["NATION", "PROVINCE", "CITY", "COUNTY"] as const;
export const SEARCH_MAX_LENGTH = 40;
export const SEARCH_DEFAULT_LIMIT = 50;
export const SEARCH_MAX_LIMIT = 200;

/** A GB/T 2260 code: exactly six digits; "000000" is the national root. */
export const regionCodeSchema = z
  .string({ error: "validation.required" })
  .regex(/^\d{6}$/, "validation.invalidRegionCode")
  .meta({ description: "GB/T 2260 six-digit code; 000000 is the national root", example: "131000" });

export const regionLevelSchema = z.enum(REGION_LEVELS, { error: "validation.invalidEnum" });

export const listRegionsSchema = z
  .object({
    parent: regionCodeParam.default(NATION_CODE).meta({
      description:
        "Region whose direct children are listed; with `q`, the subtree searched. Default: the national root",
      example: "130000",
    }),
    q: z.string().trim().max(SEARCH_MAX_LENGTH).optional().meta({
      description:
        "Search instead of listing: name fragment (e.g. 廊坊), full pinyin (langfang), initials (lf) or code prefix (e.g. 1310); best match first, then by level and code",
    }),
    limit: z.coerce
      .number({ error: "validation.number" })
      .int("validation.number")
      .min(1)
      .max(SEARCH_MAX_LIMIT)
      .default(SEARCH_DEFAULT_LIMIT)
      .meta({ description: "Maximum number of search results (only with `q`)" }),
  })
  .meta({ id: "ListRegionsQuery" });
export type ListRegionsInput = z.infer<typeof listRegionsSchema>;

export const regionPathSchema = z.object({ code: regionCodeSchema });

// ---- Responses ----

export const regionRefSchema = z
  .object({
    code: z.string().meta({ example: "130000" }),
    name: z.string().meta({ description: "Official Chinese name, in every locale", example: "河北省" }),
    level: regionLevelSchema,
  })
  .meta({ id: "RegionRef", description: "A region as named in a breadcrumb" });
export type RegionRef = z.infer<typeof regionRefSchema>;

export const regionSchema = z
  .object({
    code: z.string().meta({ example: "131000" }),
    name: z.string().meta({ example: "廊坊市" }),
    level: regionLevelSchema,
    parentCode: z.string().nullable().meta({ description: "null for the national root", example: "130000" }),
    poolingArea: z.boolean().meta({ description: "Runs its own medical-insurance fund (统筹区)" }),
    childCount: z.int().nonnegative().meta({ description: "Number of direct sub-regions" }),
  })
  .meta({ id: "Region" });
export type RegionView = z.infer<typeof regionSchema>;

export const regionSearchHitSchema = regionSchema
  .extend({
    path: z.array(regionRefSchema).meta({ description: "Ancestors from the national root down to the parent" }),
  })
  .meta({ id: "RegionSearchHit" });
export type RegionSearchHit = z.infer<typeof regionSearchHitSchema>;

export const regionChildrenResponseSchema = z
  .object({
    parent: regionSchema,
    ancestors: z.array(regionRefSchema).meta({ description: "From the national root down to `parent`'s parent" }),
    items: z.array(regionSchema).meta({ description: "Direct children of `parent`, ordered by code" }),
  })
  .meta({ id: "RegionChildren" });

export const regionSearchResponseSchema = z
  .object({
    scope: regionRefSchema,
    items: z.array(regionSearchHitSchema).meta({
      description:
        "Best match first (code prefix, exact name, name prefix, name part, pinyin prefix, initials, pinyin part), then by level, then code",
    }),
    truncated: z.boolean().meta({ description: "More regions match than `limit`; refine the query" }),
  })
  .meta({
    id: "RegionSearch",
    description: "Regions in the subtree of `scope` (the `parent` parameter) that match `q`",
  });

export const regionDetailResponseSchema = regionSchema
  .extend({
    ancestors: z.array(regionRefSchema).meta({ description: "From the national root down to the parent" }),
    poolingAreaOf: regionRefSchema.nullable(),
    children: z.array(regionSchema),
  })
  .meta({
    id: "RegionDetail",
    description:
      "`poolingAreaOf` is the pooling area (统筹区) the region belongs to: itself or its nearest ancestor that is one; null above that level",
  });
export type RegionDetail = z.infer<typeof regionDetailResponseSchema>;
